using System.Net;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.Http.PersistedDocuments;

/// <summary>A document sent by its id is bounded exactly as its text: parsed, measured and refused by the same limits.</summary>
public sealed class PersistedDocumentLimitTests
{
    [Fact]
    public async Task The_depth_limit_refuses_every_trusted_document_sent_by_id_as_it_refuses_its_text()
    {
        // arrange: every dashboard document nests a selection inside a root field, two levels
        await using var factory = new SupplyGraphApiFactory(settings: new Dictionary<string, string?> { ["SupplyGraph:Limits:MaxDepth"] = "1" });
        using var client = factory.CreateClient();
        var manifest = PersistedDocumentRequests.Manifest();

        foreach (var (id, text) in manifest)
        {
            // act
            var byId = await client.PostDocumentIdAsync(id);
            var byText = await client.PostGraphQLAsync(text, PersistedDocumentRequests.Variables);

            // assert
            byId.Status.Should().Be(HttpStatusCode.BadRequest, id);
            byId.SingleError().Code().Should().Be("QUERY_TOO_DEEP", id);
            byId.Text.Should().Be(byText.Text, id);
        }
    }

    [Fact]
    public async Task The_cost_limit_refuses_every_trusted_document_sent_by_id()
    {
        // arrange: every dashboard document asks a root field and fields under it, each costing one at least
        await using var factory = new SupplyGraphApiFactory(settings: new Dictionary<string, string?> { ["SupplyGraph:Limits:MaxCost"] = "1" });
        using var client = factory.CreateClient();
        var manifest = PersistedDocumentRequests.Manifest();

        foreach (var id in manifest.Keys)
        {
            // act
            var byId = await client.GetDocumentIdAsync(id);

            // assert
            byId.Status.Should().Be(HttpStatusCode.BadRequest, id);
            byId.SingleError().Code().Should().Be("QUERY_TOO_COMPLEX", id);
        }
    }
}
