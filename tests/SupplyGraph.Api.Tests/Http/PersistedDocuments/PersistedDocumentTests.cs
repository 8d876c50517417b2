using System.Net;
using System.Text.Json;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.Http.PersistedDocuments;

/// <summary>Persisted document requests (GraphQL over HTTP, appendix A) with the default settings: any text is answered too.</summary>
[Collection(SmallGraphCollection.Name)]
public sealed class PersistedDocumentTests(SmallGraphHost host)
{
    private HttpClient Client => host.Client;

    public static TheoryData<string> Ids => PersistedDocumentRequests.Ids();

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task A_trusted_document_posted_by_id_answers_exactly_like_its_text(string id)
    {
        // arrange
        var text = PersistedDocumentRequests.Manifest()[id];

        // act
        var byText = await Client.PostGraphQLAsync(text, PersistedDocumentRequests.Variables);
        var byId = await Client.PostDocumentIdAsync(id);

        // assert
        byId.Status.Should().Be(byText.Status);
        byId.Text.Should().Be(byText.Text);
        byId.Errors.Should().NotContain(error => error.Code().StartsWith("PERSISTED_", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task A_trusted_document_asked_by_id_with_get_answers_exactly_like_its_text(string id)
    {
        // arrange
        var text = PersistedDocumentRequests.Manifest()[id];

        // act
        var byText = await Client.GetGraphQLAsync(text, JsonSerializer.Serialize(PersistedDocumentRequests.Variables));
        var byId = await Client.GetDocumentIdAsync(id);

        // assert
        byId.Status.Should().Be(byText.Status);
        byId.Text.Should().Be(byText.Text);
    }

    [Fact]
    public async Task The_dashboards_search_by_id_finds_the_lab()
    {
        // arrange
        var search = PersistedDocumentRequests.IdOf("query Search(");

        // act
        var response = await Client.PostDocumentIdAsync(search, new { text = "Acme", first = 5 });

        // assert
        response.Status.Should().Be(HttpStatusCode.OK);
        response.Errors.Should().BeEmpty();
        response.Data.Ids("search").Should().Contain(SmallGraph.Lab);
    }

    [Theory]
    [InlineData(GraphQLHttp.GraphQLResponseJson, HttpStatusCode.BadRequest)]
    [InlineData(GraphQLHttp.Json, HttpStatusCode.OK)]
    public async Task An_unknown_id_is_a_coded_request_error_naming_it(string accept, HttpStatusCode status)
    {
        // arrange
        var unknown = "sha256:" + new string('0', 64);

        // act
        var response = await Client.PostDocumentIdAsync(unknown, accept: accept);

        // assert
        response.Status.Should().Be(status);
        response.HasData.Should().BeFalse();
        var error = response.SingleError();
        error.Code().Should().Be("PERSISTED_DOCUMENT_NOT_FOUND");
        error.Str("message").Should().Contain(unknown).And.Contain("query text");
    }

    [Theory]
    [InlineData("sha256:ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("sha256:0123")]
    [InlineData("md5:0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg")]
    public async Task A_malformed_id_is_refused_with_the_form_it_must_have(string malformed)
    {
        // act
        var response = await Client.PostDocumentIdAsync(malformed, accept: GraphQLHttp.Json);

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        var error = response.SingleError();
        error.Code().Should().Be("PERSISTED_DOCUMENT_ID_INVALID");
        error.Str("message").Should().Contain(malformed).And.Contain("64 lower-case hexadecimal digits");
    }

    [Fact]
    public async Task A_query_and_a_document_id_that_name_different_documents_are_refused()
    {
        // arrange
        var (id, _) = PersistedDocumentRequests.Manifest().First();
        var body = JsonSerializer.Serialize(new { query = "{ __typename }", documentId = id });

        // act
        var response = await Client.PostRawAsync(body, GraphQLHttp.Json);

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        var error = response.SingleError();
        error.Code().Should().Be("PERSISTED_DOCUMENT_MISMATCH");
        error.Str("message").Should().Contain(id);
    }

    [Fact]
    public async Task A_query_sent_with_its_own_id_is_answered()
    {
        // arrange
        var search = PersistedDocumentRequests.IdOf("query Search(");
        var body = JsonSerializer.Serialize(new { query = PersistedDocumentRequests.Manifest()[search], documentId = search, variables = new { text = "Acme" } });

        // act
        var response = await Client.PostRawAsync(body, GraphQLHttp.Json);

        // assert
        response.Status.Should().Be(HttpStatusCode.OK);
        response.Errors.Should().BeEmpty();
        response.Data.Ids("search").Should().Contain(SmallGraph.Lab);
    }

    [Fact]
    public async Task Apollos_persisted_query_hash_runs_a_trusted_document()
    {
        // arrange
        var search = PersistedDocumentRequests.IdOf("query Search(");
        var body = JsonSerializer.Serialize(new
        {
            variables = new { text = "Acme" },
            extensions = new { persistedQuery = new { version = 1, sha256Hash = search["sha256:".Length..] } },
        });

        // act
        var response = await Client.PostRawAsync(body, GraphQLHttp.Json);

        // assert
        response.Status.Should().Be(HttpStatusCode.OK);
        response.Errors.Should().BeEmpty();
        response.Data.Ids("search").Should().Contain(SmallGraph.Lab);
    }

    [Fact]
    public async Task An_unknown_apollo_hash_answers_apollos_code_so_its_clients_send_the_text()
    {
        // arrange
        var body = JsonSerializer.Serialize(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = new string('a', 64) } } });

        // act
        var response = await Client.PostRawAsync(body, GraphQLHttp.Json);

        // assert
        response.SingleError().Code().Should().Be("PERSISTED_QUERY_NOT_FOUND");
    }

    [Fact]
    public async Task A_request_with_neither_query_nor_document_id_is_still_refused()
    {
        // act
        var response = await Client.PostRawAsync("""{"extensions": {}}""", GraphQLHttp.Json);

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.SingleError().Code().Should().Be("BAD_REQUEST");
    }
}
