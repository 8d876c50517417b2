using System.Net;
using System.Text.Json;
using SupplyGraph.Api.Http.PersistedDocuments;
using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Api.Tests.Http.PersistedDocuments;

/// <summary>
/// SupplyGraph:GraphQL:TrustedDocumentsOnly on, with one more trusted document from SupplyGraph:GraphQL:TrustedDocumentsFile:
/// the dashboard's documents and the file's are answered, by id or as their exact text; any other text is refused.
/// </summary>
public sealed class TrustedDocumentsOnlyTests : IAsyncLifetime
{
    private const string ExtraDocument = "query Extra { __typename }";

    private readonly string folder = Directory.CreateTempSubdirectory("supplygraph-trusted-").FullName;
    private SupplyGraphApiFactory factory = null!;
    private HttpClient client = null!;

    public static TheoryData<string> Ids => PersistedDocumentRequests.Ids();

    public async ValueTask InitializeAsync()
    {
        var file = Path.Combine(folder, "trusted.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new Dictionary<string, string> { [DocumentIdentifier.Of(ExtraDocument)] = ExtraDocument }), TestContext.Current.CancellationToken);
        factory = new SupplyGraphApiFactory(settings: new Dictionary<string, string?>
        {
            ["SupplyGraph:GraphQL:TrustedDocumentsOnly"] = "true",
            ["SupplyGraph:GraphQL:TrustedDocumentsFile"] = file,
        });
        client = factory.CreateClient();
        await factory.Store.ImportAsync(SmallGraph.Dataset, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData(GraphQLHttp.GraphQLResponseJson, HttpStatusCode.BadRequest)]
    [InlineData(GraphQLHttp.Json, HttpStatusCode.OK)]
    public async Task Any_other_text_is_refused_saying_how_to_turn_the_option_off(string accept, HttpStatusCode status)
    {
        // act
        var response = await client.PostGraphQLAsync("{ entity(ref: \"acme-ai\") { name } }", accept: accept);

        // assert
        response.Status.Should().Be(status);
        response.HasData.Should().BeFalse();
        var error = response.SingleError();
        error.Code().Should().Be("PERSISTED_DOCUMENT_REQUIRED");
        error.Str("message").Should().Contain("SupplyGraph:GraphQL:TrustedDocumentsOnly").And.Contain("SUPPLYGRAPH_TRUSTED_DOCUMENTS_ONLY=false");
    }

    [Fact]
    public async Task Introspection_is_refused_too()
    {
        // act
        var response = await client.GetGraphQLAsync("{ __schema { queryType { name } } }");

        // assert
        response.SingleError().Code().Should().Be("PERSISTED_DOCUMENT_REQUIRED");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task A_dashboard_document_is_answered_by_id_with_post_and_get_and_as_its_text(string id)
    {
        // arrange
        var text = PersistedDocumentRequests.Manifest()[id];

        // act
        var posted = await client.PostDocumentIdAsync(id);
        var got = await client.GetDocumentIdAsync(id);
        var asText = await client.PostGraphQLAsync(text, PersistedDocumentRequests.Variables);

        // assert
        foreach (var response in new[] { posted, got, asText })
        {
            response.Errors.Should().NotContain(error => error.Code().StartsWith("PERSISTED_", StringComparison.Ordinal), response.Text);
            response.Text.Should().Be(posted.Text);
        }
    }

    [Fact]
    public async Task A_document_of_the_trusted_documents_file_is_answered_by_id()
    {
        // act
        var response = await client.PostDocumentIdAsync(DocumentIdentifier.Of(ExtraDocument));

        // assert
        response.Status.Should().Be(HttpStatusCode.OK);
        response.Errors.Should().BeEmpty();
        response.Data.Str("__typename").Should().Be("Query");
    }

    [Fact]
    public async Task A_text_differing_from_a_trusted_one_only_in_whitespace_is_refused()
    {
        // act
        var response = await client.PostGraphQLAsync(ExtraDocument.Replace(" { ", "{", StringComparison.Ordinal));

        // assert
        response.SingleError().Code().Should().Be("PERSISTED_DOCUMENT_REQUIRED");
    }

    [Fact]
    public async Task An_unknown_id_is_not_found()
    {
        // act
        var response = await client.GetDocumentIdAsync("sha256:" + new string('f', 64));

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.SingleError().Code().Should().Be("PERSISTED_DOCUMENT_NOT_FOUND");
    }
}
