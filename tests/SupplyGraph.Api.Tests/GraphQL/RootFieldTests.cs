using System.Net;
using System.Text.Json;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.GraphQL;

[Collection(SmallGraphCollection.Name)]
public sealed class RootFieldTests(SmallGraphHost host)
{
    private const string PathFields = "entities { id } relationships { id type from { id } to { id } } length";

    private HttpClient Client => host.Client;

    [Fact]
    public async Task Entity_resolves_an_alias_and_exposes_kind_specific_fields()
    {
        // arrange
        const string query = """
            {
              entity(ref: "acme labs") {
                id kind name aliases country tags
                sources { document locator url }
                ... on Actor { category website }
              }
            }
            """;

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var entity = response.Data.GetProperty("entity");
        entity.Str("id").Should().Be(SmallGraph.Lab);
        entity.Str("kind").Should().Be("ACTOR");
        entity.Str("name").Should().Be("Acme AI");
        entity.Strings("aliases").Should().Equal("Acme Labs");
        entity.Str("country").Should().Be("CN");
        entity.Str("category").Should().Be("AI_LAB");
        entity.Str("website").Should().Be("acme.example");
        entity.Items("sources").Should().ContainSingle().Which.Str("document").Should().Be("test-document.txt");
    }

    [Fact]
    public async Task Entity_exposes_chip_model_and_regulation_fields()
    {
        // arrange
        const string query = """
            {
              chip: entity(ref: "gpu-x100") { ... on Chip { designerId foundryIds process } }
              model: entity(ref: "acme-1") { ... on Model { developerId releaseDate parameters activeParameters } }
              rule: entity(ref: "chip-rule-2023") {
                ... on Regulation { issuerId jurisdiction announced effective rescinded citation summary }
              }
            }
            """;

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var chip = response.Data.GetProperty("chip");
        chip.Str("designerId").Should().Be(SmallGraph.Designer);
        chip.Strings("foundryIds").Should().Equal(SmallGraph.Foundry);
        chip.Str("process").Should().Be("7 nm");
        var model = response.Data.GetProperty("model");
        model.Str("developerId").Should().Be(SmallGraph.Lab);
        model.Str("releaseDate").Should().Be("2024-12-26");
        model.GetProperty("parameters").GetInt64().Should().Be(671_000_000_000);
        model.GetProperty("activeParameters").GetInt64().Should().Be(37_000_000_000);
        var rule = response.Data.GetProperty("rule");
        rule.Str("issuerId").Should().Be(SmallGraph.Regulator);
        rule.Str("effective").Should().Be("2023-10-17");
        rule.GetProperty("rescinded").ValueKind.Should().Be(JsonValueKind.Null);
        rule.Str("citation").Should().Be("88 FR 73458");
    }

    [Fact]
    public async Task Search_filters_by_kind_and_limits_the_count()
    {
        // arrange
        const string query = """
            {
              all: search(text: "acme") { id }
              models: search(text: "acme", kinds: [MODEL]) { id kind }
              first: search(text: "twin", first: 1) { id }
            }
            """;

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        response.Data.Ids("all").Should().BeEquivalentTo([SmallGraph.Lab, SmallGraph.Model]);
        response.Data.Ids("models").Should().Equal(SmallGraph.Model);
        response.Data.Ids("first").Should().HaveCount(1);
    }

    [Fact]
    public async Task Supply_chain_runs_from_raw_materials_to_deployment_in_stage_order()
    {
        // arrange
        const string query = """
            {
              supplyChain(entity: "Acme AI", asOf: "2024-06-01") {
                focus { id }
                asOf
                stages { stage entities { id } }
                relationships { id type from { id } to { id } validFrom validTo status note sources { document } }
                partial
                explored { relationships entities depth cutBy }
              }
            }
            """;

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var chain = response.Data.GetProperty("supplyChain");
        chain.GetProperty("focus").Str("id").Should().Be(SmallGraph.Lab);
        chain.Str("asOf").Should().Be("2024-06-01");
        var stages = chain.Items("stages");
        stages.Select(stage => stage.Str("stage")).Should().Equal(
            "RAW_MATERIALS", "EQUIPMENT", "MANUFACTURING", "CHIP_DESIGN", "CHIPS", "COMPUTE", "LABS", "MODELS", "DEPLOYMENT");
        StageIds(stages, "RAW_MATERIALS").Should().Equal(SmallGraph.Quartz);
        StageIds(stages, "COMPUTE").Should().Equal(SmallGraph.ComputeCloud);
        StageIds(stages, "LABS").Should().Equal(SmallGraph.Lab);
        stages.Should().NotContain(stage => stage.Str("stage") == "CAPITAL", "the fund only backs the lab: money, not supply");
        StageIds(stages, "DEPLOYMENT").Should().BeEquivalentTo([SmallGraph.Platform, SmallGraph.ServingCloud]);
        var trainedOn = chain.Items("relationships").Single(relationship => relationship.Str("type") == "TRAINED_ON");
        trainedOn.Str("id").Should().Be(SmallGraph.Key(SmallGraph.Model, Domain.Vocabulary.RelationshipType.TrainedOn, SmallGraph.Gpu));
        trainedOn.GetProperty("from").Str("id").Should().Be(SmallGraph.Model);
        trainedOn.GetProperty("to").Str("id").Should().Be(SmallGraph.Gpu);
        trainedOn.Str("status").Should().Be("REPORTED");
        trainedOn.Str("note").Should().Be("~2,048 GPUs");
        chain.GetProperty("partial").GetBoolean().Should().BeFalse();
        chain.GetProperty("explored").Strings("cutBy").Should().BeEmpty();
        chain.GetProperty("explored").GetProperty("depth").GetInt32().Should().BeGreaterThan(1);
    }

    [Fact]
    public async Task Supply_chain_with_one_hop_is_partial_and_cut_by_max_hops()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ supplyChain(entity: \"acme-ai\", maxHops: 1) { stages { stage } partial explored { depth cutBy } } }");

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var chain = response.Data.GetProperty("supplyChain");
        chain.GetProperty("partial").GetBoolean().Should().BeTrue();
        chain.GetProperty("explored").Strings("cutBy").Should().Equal("MAX_HOPS");
        chain.GetProperty("explored").GetProperty("depth").GetInt32().Should().Be(1);
        chain.Items("stages").Select(stage => stage.Str("stage")).Should().NotContain("RAW_MATERIALS");
    }

    [Fact]
    public async Task Export_controls_find_the_rule_through_the_model_and_its_chip()
    {
        // arrange
        var query = $$"""
            {
              exportControls(entity: "acme-ai", asOf: "2024-01-01") {
                entity { id } asOf partial
                hits { regulation { id effective } paths { {{PathFields}} } }
              }
            }
            """;

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var answer = response.Data.GetProperty("exportControls");
        answer.GetProperty("partial").GetBoolean().Should().BeFalse();
        var hit = answer.Items("hits").Should().ContainSingle().Subject;
        hit.GetProperty("regulation").Str("id").Should().Be(SmallGraph.Rule);
        var path = hit.Items("paths").Should().ContainSingle().Subject;
        path.Ids("entities").Should().Equal(SmallGraph.Lab, SmallGraph.Model, SmallGraph.Gpu, SmallGraph.Rule);
        path.Items("relationships").Select(relationship => relationship.Str("type")).Should().Equal("DEVELOPS", "TRAINED_ON", "RESTRICTED_BY");
        path.GetProperty("length").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task Export_controls_before_the_rule_took_effect_find_nothing()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ exportControls(entity: \"acme-ai\", asOf: \"2023-06-01\") { asOf hits { regulation { id } } } }");

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        response.Data.GetProperty("exportControls").Str("asOf").Should().Be("2023-06-01");
        response.Data.GetProperty("exportControls").Items("hits").Should().BeEmpty();
    }

    [Fact]
    public async Task Export_controls_with_one_hop_are_partial()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ exportControls(entity: \"acme-ai\", asOf: \"2024-01-01\", maxHops: 1) { hits { regulation { id } } partial explored { cutBy } } }");

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var answer = response.Data.GetProperty("exportControls");
        answer.Items("hits").Should().BeEmpty();
        answer.GetProperty("partial").GetBoolean().Should().BeTrue();
        answer.GetProperty("explored").Strings("cutBy").Should().Contain("MAX_HOPS");
    }

    [Fact]
    public async Task Exposure_reaches_the_lab_through_its_model_with_the_path_ending_at_the_rule()
    {
        // arrange
        var query = $$"""
            {
              exposure(regulation: "Chip Rule 2023", asOf: "2024-01-01") {
                regulation { id } asOf inForce partial
                exposed { entity { id } paths { {{PathFields}} } }
              }
            }
            """;

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var answer = response.Data.GetProperty("exposure");
        answer.GetProperty("inForce").GetBoolean().Should().BeTrue();
        var exposed = answer.Items("exposed");
        exposed.Select(item => item.GetProperty("entity").Str("id")).Should().Contain([SmallGraph.Gpu, SmallGraph.Model, SmallGraph.Lab]);
        exposed[0].GetProperty("entity").Str("id").Should().Be(SmallGraph.Gpu);
        var labPath = exposed.Single(item => item.GetProperty("entity").Str("id") == SmallGraph.Lab).Items("paths")[0];
        labPath.Ids("entities").Should().Equal(SmallGraph.Lab, SmallGraph.Model, SmallGraph.Gpu, SmallGraph.Rule);
    }

    [Fact]
    public async Task Exposure_before_the_rule_is_in_force_is_empty()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ exposure(regulation: \"chip-rule-2023\", asOf: \"2023-01-01\") { inForce exposed { entity { id } } } }");

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        response.Data.GetProperty("exposure").GetProperty("inForce").GetBoolean().Should().BeFalse();
        response.Data.GetProperty("exposure").Items("exposed").Should().BeEmpty();
    }

    [Fact]
    public async Task Exposure_with_one_hop_is_partial()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ exposure(regulation: \"chip-rule-2023\", asOf: \"2024-01-01\", maxHops: 1) { exposed { entity { id } } partial explored { cutBy } } }");

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var answer = response.Data.GetProperty("exposure");
        answer.Items("exposed").Select(item => item.GetProperty("entity").Str("id")).Should().Equal(SmallGraph.Gpu);
        answer.GetProperty("partial").GetBoolean().Should().BeTrue();
        answer.GetProperty("explored").Strings("cutBy").Should().Equal("MAX_HOPS");
    }

    [Fact]
    public async Task Paths_finds_the_shortest_walk_between_two_entities()
    {
        // arrange
        var query = $$"""
            {
              paths(from: "acme-ai", to: "fab-one") {
                from { id } to { id } partial
                paths { {{PathFields}} }
              }
            }
            """;

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var answer = response.Data.GetProperty("paths");
        answer.GetProperty("from").Str("id").Should().Be(SmallGraph.Lab);
        answer.GetProperty("to").Str("id").Should().Be(SmallGraph.Foundry);
        var path = answer.Items("paths").Should().ContainSingle().Subject;
        path.Ids("entities").Should().Equal(SmallGraph.Lab, SmallGraph.Model, SmallGraph.Gpu, SmallGraph.Foundry);
        path.GetProperty("length").GetInt32().Should().Be(3);
        var fabricates = path.Items("relationships")[2];
        fabricates.Str("type").Should().Be("FABRICATES");
        fabricates.GetProperty("from").Str("id").Should().Be(SmallGraph.Foundry, "relationships keep their own direction");
        answer.GetProperty("partial").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task Paths_over_other_types_or_too_few_hops_find_nothing()
    {
        // act
        var response = await Client.PostGraphQLAsync("""
            {
              onlyHosts: paths(from: "acme-ai", to: "fab-one", types: [HOSTS]) { paths { length } }
              oneHop: paths(from: "acme-ai", to: "fab-one", maxHops: 1) { paths { length } partial explored { cutBy } }
            }
            """);

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        response.Data.GetProperty("onlyHosts").Items("paths").Should().BeEmpty();
        var oneHop = response.Data.GetProperty("oneHop");
        oneHop.Items("paths").Should().BeEmpty();
        oneHop.GetProperty("partial").GetBoolean().Should().BeTrue();
        oneHop.GetProperty("explored").Strings("cutBy").Should().Equal("MAX_HOPS");
    }

    [Fact]
    public async Task Relationship_types_is_the_documented_table()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ relationshipTypes { type fromKinds toKinds role upstreamEnd meaning } }");

        // assert
        response.Status.Should().Be(HttpStatusCode.OK);
        var rows = response.Data.Items("relationshipTypes");
        rows.Should().HaveCount(Domain.Vocabulary.RelationshipTypes.All.Count);
        var trainedOn = rows.Single(row => row.Str("type") == "TRAINED_ON");
        trainedOn.Strings("fromKinds").Should().Equal("MODEL");
        trainedOn.Strings("toKinds").Should().Equal("CHIP");
        trainedOn.Str("role").Should().Be("SUPPLY");
        trainedOn.Str("upstreamEnd").Should().Be("TO");
        trainedOn.Str("meaning").Should().Contain("trained");
        rows.Single(row => row.Str("type") == "RESTRICTED_BY").GetProperty("upstreamEnd").ValueKind.Should().Be(JsonValueKind.Null);
    }

    private static List<string> StageIds(List<JsonElement> stages, string stage) =>
        stages.Single(item => item.Str("stage") == stage).Ids("entities");
}
