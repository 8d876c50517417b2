using System.Text.Json;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.Seed;

/// <summary>
/// Acceptance tests on the seed dataset (datasets/seed.json), through HTTP. They fail until the seed exists.
/// </summary>
[Collection(SeedCollection.Name)]
public sealed class SeedAcceptanceTests(SeedHost host)
{
    private const string Rule = "us-bis-2023-10-advanced-computing";

    private HttpClient Client => host.Client;

    [Fact]
    public async Task Export_controls_of_deepseek_include_the_october_2023_rule_through_its_model_and_the_h800()
    {
        // act
        var response = await Client.PostGraphQLAsync("""
            {
              exportControls(entity: "deepseek", asOf: "2025-01-01", maxPaths: 100) {
                hits { regulation { id } paths { entities { id } relationships { type } } }
              }
            }
            """);

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var hit = response.Data.GetProperty("exportControls").Items("hits")
            .Should().ContainSingle(item => item.GetProperty("regulation").Str("id") == Rule).Subject;
        hit.Items("paths").Select(path => path.Ids("entities"))
            .Should().ContainEquivalentOf(new List<string> { "deepseek", "deepseek-v3", "nvidia-h800", Rule }, options => options.WithStrictOrdering());
    }

    [Fact]
    public async Task Before_the_rule_took_effect_it_is_absent()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ exportControls(entity: \"deepseek\", asOf: \"2023-06-01\") { hits { regulation { id } } } }");

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        response.Data.GetProperty("exportControls").Items("hits")
            .Select(item => item.GetProperty("regulation").Str("id")).Should().NotContain(Rule);
    }

    [Fact]
    public async Task Supply_chain_of_deepseek_runs_from_raw_materials_to_deployment()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ supplyChain(entity: \"deepseek\", asOf: \"2025-06-01\") { stages { stage entities { id } } } }");

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var stages = response.Data.GetProperty("supplyChain").Items("stages");
        stages.First().Str("stage").Should().Be("RAW_MATERIALS");
        stages.Last().Str("stage").Should().Be("DEPLOYMENT");
        var order = stages.Select(stage => Enum.Parse<Domain.Vocabulary.SupplyChainStage>(stage.Str("stage").Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true)).ToList();
        order.Should().BeInAscendingOrder();
        StageIds(stages, "COMPUTE").Should().Contain(["huawei-cloud", "alibaba-cloud", "tencent-cloud"]);
        StageIds(stages, "DEPLOYMENT").Should().Contain(["microsoft-azure", "hugging-face"]);
    }

    [Fact]
    public async Task Entity_resolves_the_deepseek_ai_alias()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ entity(ref: \"DeepSeek AI\") { id kind } }");

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        response.Data.GetProperty("entity").Str("id").Should().Be("deepseek");
    }

    [Fact]
    public async Task Exposure_of_the_october_2023_rule_includes_deepseek()
    {
        // act
        var response = await Client.PostGraphQLAsync($$"""{ exposure(regulation: "{{Rule}}", asOf: "2025-01-01") { inForce exposed { entity { id } } } }""");

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var exposure = response.Data.GetProperty("exposure");
        exposure.GetProperty("inForce").GetBoolean().Should().BeTrue();
        exposure.Items("exposed").Select(item => item.GetProperty("entity").Str("id")).Should().Contain("deepseek");
    }

    [Fact]
    public async Task Health_counts_the_seeded_graph()
    {
        // act
        using var response = await Client.GetAsync("/health", TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        // assert
        body.GetProperty("entities").GetInt64().Should().BeGreaterThan(0);
        body.GetProperty("relationships").GetInt64().Should().BeGreaterThan(0);
    }

    private static List<string> StageIds(List<JsonElement> stages, string stage) =>
        stages.SingleOrDefault(item => item.Str("stage") == stage).ValueKind == JsonValueKind.Undefined
            ? []
            : stages.Single(item => item.Str("stage") == stage).Ids("entities");
}
