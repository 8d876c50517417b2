using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Api.Tests.GraphQL;

public sealed class StoreCallTests
{
    [Fact]
    public async Task Nested_fields_make_no_store_calls_one_call_per_root_field()
    {
        // arrange
        await using var factory = new SupplyGraphApiFactory();
        using var client = factory.CreateClient();
        await factory.Store.ImportAsync(SmallGraph.Dataset, TestContext.Current.CancellationToken);
        const string entityFields = "id kind name aliases sources { document locator url } ... on Chip { designerId foundryIds } ... on Model { developerId }";
        const string relationshipFields = $"id type validFrom validTo status note sources {{ document locator url }} from {{ {entityFields} }} to {{ {entityFields} }}";
        const string pathFields = $"length entities {{ {entityFields} }} relationships {{ {relationshipFields} }}";
        const string query = $$"""
            {
              entity(ref: "acme-ai") { {{entityFields}} }
              search(text: "acme") { {{entityFields}} }
              supplyChain(entity: "acme-ai", asOf: "2024-01-01") {
                focus { {{entityFields}} } stages { stage entities { {{entityFields}} } } relationships { {{relationshipFields}} }
              }
              exportControls(entity: "acme-ai", asOf: "2024-01-01", maxPaths: 5) {
                entity { id } hits { regulation { id citation } paths { {{pathFields}} } }
              }
              exposure(regulation: "chip-rule-2023", asOf: "2024-01-01", maxPaths: 5) {
                exposed { entity { {{entityFields}} } paths { {{pathFields}} } }
              }
              paths(from: "acme-ai", to: "quartz-mining", asOf: "2024-01-01", maxPaths: 5) { paths { {{pathFields}} } }
              relationshipTypes { type }
            }
            """;
        factory.Store.Reset();

        // act
        var response = await client.PostGraphQLAsync(query);

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        response.Data.GetProperty("exportControls").Items("hits").Should().NotBeEmpty();
        response.Data.GetProperty("paths").Items("paths").Should().NotBeEmpty();
        factory.Store.Snapshot().Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["ResolveAsync"] = 1,
            ["SearchAsync"] = 1,
            ["SupplyChainAsync"] = 1,
            ["ExportControlsAsync"] = 1,
            ["ExposureAsync"] = 1,
            ["PathsAsync"] = 1,
        });
    }
}
