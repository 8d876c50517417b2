using System.Collections;
using System.Globalization;
using FluentAssertions;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Embedded;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.Contract;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Neo4j.Tests.Analyst;

/// <summary>
/// The claim of cypher/queries: an analyst who runs a question's file in Neo4j Browser on the seed dataset gets the
/// entities the service answers with. Each test imports the seed into a real server, runs the file as it is checked
/// in with the seed's interesting parameters, and compares the entity ids of its rows with the embedded store's
/// answer to the same question. Skipped, with the reason, where no server is named (SUPPLYGRAPH_NEO4J_URI) or started.
/// </summary>
[Collection(Neo4jServerCollection.Name)]
public sealed class AnalystCypherTests(Neo4jServerFixture server, SeedEmbeddedStore embedded) : IClassFixture<SeedEmbeddedStore>
{
    private const string October2023Rule = "us-bis-2023-10-advanced-computing";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Entity, day, hop limit. DeepSeek over the years; a chip, a foundry, a memory maker, a cloud, a platform.</summary>
    public static TheoryData<string, string, int> Focuses => new()
    {
        { "deepseek", "2023-06-01", 8 },
        { "deepseek", "2025-06-01", 8 },
        { "deepseek", "2026-01-01", 8 },
        { "deepseek", "2026-01-01", 2 },
        { "deepseek-v3", "2026-01-01", 8 },
        { "nvidia-h800", "2026-01-01", 8 },
        { "tsmc", "2024-06-01", 8 },
        { "sk-hynix", "2026-01-01", 8 },
        { "huawei-cloud", "2025-06-01", 8 },
        { "hugging-face", "2026-01-01", 3 },
    };

    /// <summary>Regulation, day, hop limit: in force, before it took effect, and others with wide reach.</summary>
    public static TheoryData<string, string, int> Regulations => new()
    {
        { October2023Rule, "2026-01-01", 8 },
        { October2023Rule, "2023-06-01", 8 },
        { October2023Rule, "2026-01-01", 2 },
        { "us-bis-2024-12-fdp-hbm", "2026-01-01", 8 },
        { "us-bis-2019-05-huawei-entity-list", "2025-06-01", 8 },
        { "us-bis-2022-10-advanced-computing", "2023-06-01", 4 },
    };

    /// <summary>From, to, types (comma-separated, empty for all), day, hop limit.</summary>
    public static TheoryData<string, string, string, string, int> Pairs => new()
    {
        { "hugging-face", "asml", "", "2026-01-01", 8 },
        { "deepseek", "tsmc", "", "2025-06-01", 8 },
        { "deepseek", "tsmc", "", "2025-06-01", 2 },
        { "deepseek-v3", "nvidia-h800", "TRAINED_ON", "2026-01-01", 8 },
        { "deepseek", October2023Rule, "", "2023-06-01", 8 },
        { "deepseek", "deepseek", "", "2026-01-01", 8 },
    };

    [Theory]
    [MemberData(nameof(Focuses))]
    public async Task Supply_chain_cypher_returns_the_services_entities_in_their_stages(string entity, string asOf, int maxHops)
    {
        // arrange
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        var options = Options(asOf, maxHops);
        var answer = await embedded.Store.SupplyChainAsync(new SupplyChainQuestion(entity, options), Token);

        // act
        var rows = await RunAsync("supply-chain.cypher", new() { ["id"] = entity, ["asOf"] = options.AsOf, ["maxHops"] = (long)maxHops });

        // assert
        answer.Explored.CutBy.Should().NotContain(TraversalLimit.ExplorationBudget);
        rows.Select(row => row.Get<string>("id")).Should().BeEquivalentTo(answer.Stages.SelectMany(stage => stage.Entities).Select(e => e.Id).Distinct());
        rows.Select(row => $"{row.Get<string>("stage")} {row.Get<string>("id")}").Should().BeEquivalentTo(
            answer.Stages.SelectMany(stage => stage.Entities.Select(e => $"{WireNames.ToWire(stage.Stage)} {e.Id}")));
    }

    [Theory]
    [MemberData(nameof(Focuses))]
    public async Task Export_controls_cypher_returns_the_services_regulations(string entity, string asOf, int maxHops)
    {
        // arrange
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        var options = Options(asOf, maxHops);
        var answer = await embedded.Store.ExportControlsAsync(new ExportControlsQuestion(entity, options), Token);

        // act
        var rows = await RunAsync("export-controls.cypher", new() { ["id"] = entity, ["asOf"] = options.AsOf, ["maxHops"] = (long)maxHops });

        // assert
        answer.Explored.CutBy.Should().NotContain(TraversalLimit.ExplorationBudget);
        rows.Select(row => row.Get<string>("regulation")).Distinct().Should().BeEquivalentTo(answer.Hits.Select(hit => hit.Regulation.Id));
        rows.Select(row => row.Get<long>("hops")).Should().OnlyContain(hops => hops <= maxHops);
    }

    [Theory]
    [MemberData(nameof(Regulations))]
    public async Task Exposure_cypher_returns_the_services_exposed_entities(string regulation, string asOf, int maxHops)
    {
        // arrange
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        var options = Options(asOf, maxHops);
        var answer = await embedded.Store.ExposureAsync(new ExposureQuestion(regulation, options), Token);

        // act
        var rows = await RunAsync("exposure.cypher", new() { ["id"] = regulation, ["asOf"] = options.AsOf, ["maxHops"] = (long)maxHops });

        // assert
        answer.Explored.CutBy.Should().NotContain(TraversalLimit.ExplorationBudget);
        rows.Select(row => row.Get<string>("exposed")).Distinct().Should().BeEquivalentTo(answer.Exposed.Select(exposed => exposed.Entity.Id));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Paths_cypher_returns_the_entities_of_the_services_shortest_paths(string from, string to, string types, string asOf, int maxHops)
    {
        // arrange: every shortest path the service lists, so that its entities are all there
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        var options = Options(asOf, maxHops, QueryLimits.MaxMaxPaths);
        var typeNames = types.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var typeList = typeNames.Select(name => RelationshipTypes.TryParse(name, out var type) ? type : throw new ArgumentException(name, nameof(types))).ToList();
        var answer = await embedded.Store.PathsAsync(new PathsQuestion(from, to, typeList, options), Token);

        // act
        var rows = await RunAsync("paths.cypher", new()
        {
            ["from"] = from, ["to"] = to, ["types"] = typeNames.Length == 0 ? null : typeNames.ToList(), ["asOf"] = options.AsOf, ["maxHops"] = (long)maxHops,
        });

        // assert
        answer.Explored.CutBy.Should().NotContain(TraversalLimit.MaxPaths);
        rows.SelectMany(row => ((IEnumerable)row["through"]!).OfType<string>()).Distinct()
            .Should().BeEquivalentTo(answer.Paths.SelectMany(path => path.Entities).Select(e => e.Id).Distinct());
        rows.Select(row => row.Get<long>("hops")).Distinct().Should().BeEquivalentTo(answer.Paths.Select(path => (long)path.Length).Distinct());
    }

    /// <summary>Entity, from, to, hop limit: DeepSeek before and after the October 2023 rule, and backwards.</summary>
    public static TheoryData<string, string, string, int> Changes => new()
    {
        { "deepseek", "2023-06-01", "2026-01-01", 8 },
        { "deepseek", "2026-01-01", "2023-06-01", 8 },
        { "nvidia-h800", "2023-06-01", "2025-06-01", 8 },
        { "deepseek", "2025-06-01", "2025-06-01", 8 },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Changes_cypher_returns_the_services_entered_and_left_members_and_rules(string entity, string from, string to, int maxHops)
    {
        // arrange: the service refuses from after to; the file swaps ENTERED and LEFT, so ask the service in order
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        var (fromDay, toDay) = (Day(from), Day(to));
        var backwards = fromDay > toDay;
        var answer = await embedded.Store.ChangesAsync(ChangesQuestion.Create(entity, backwards ? toDay : fromDay, backwards ? fromDay : toDay, maxHops), Token);
        var (entered, left) = backwards ? (answer.Left, answer.Entered) : (answer.Entered, answer.Left);
        static IEnumerable<string> Expected(string change, ChangeSide side) =>
            side.Entities.Select(member => $"{change} ENTITY {WireNames.ToWire(member.Stage)} {member.Entity.Id}")
                .Concat(side.Regulations.Select(regulation => $"{change} REGULATION - {regulation.Id}"));

        // act
        var rows = await RunAsync("changes.cypher", new() { ["id"] = entity, ["from"] = fromDay, ["to"] = toDay, ["maxHops"] = (long)maxHops });

        // assert
        answer.Partial.Should().BeFalse();
        rows.Select(row => $"{row.Get<string>("change")} {row.Get<string>("kind")} {row.Get<string?>("stage") ?? "-"} {row.Get<string>("id")}")
            .Should().BeEquivalentTo(Expected("ENTERED", entered).Concat(Expected("LEFT", left)));
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TraversalOptions Options(string asOf, int maxHops, int? maxPaths = null) =>
        TraversalOptions.Create(DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture), maxHops, maxPaths);

    /// <summary>Imports the seed into the server and runs the checked-in file, as an analyst would after loading it.</summary>
    private async Task<IReadOnlyList<CypherRow>> RunAsync(string file, Dictionary<string, object?> parameters)
    {
        var store = await server.EmptyStoreAsync(Token);
        await store.ImportAsync(SeedDataset.Load(), Token);
        var statement = CypherScript.FromText(file, await File.ReadAllTextAsync(RepositoryPaths.Combine("cypher", "queries", file), Token)).Statement;
        using var client = QueryApiClient.Create(server.Connection!);
        var result = await client.ReadAsync(statement, parameters, Token);
        return result.Rows;
    }
}

/// <summary>The embedded store holding the seed dataset, in memory: the service's answers the files are compared with.</summary>
public sealed class SeedEmbeddedStore : IAsyncLifetime
{
    private readonly EmbeddedGraphStore store = new(new EmbeddedStoreOptions { InMemory = true });

    public IGraphQueries Store => store;

    public async ValueTask InitializeAsync()
    {
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        await store.ImportAsync(SeedDataset.Load(), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await store.DisposeAsync();
}
