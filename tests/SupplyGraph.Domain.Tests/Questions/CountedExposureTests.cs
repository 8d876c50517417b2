using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Testing;

namespace SupplyGraph.Domain.Tests.Questions;

/// <summary>
/// An exposure asked without paths counts each entity's routes instead of listing them; everything else in its answer
/// (the entities and their order, <c>explored</c>, <c>partial</c>, the cuts) must be what the answer with paths says,
/// including when a budget cuts the answer short. Checked on random hard graphs and on the seed, with the service's
/// budgets and with tiny ones.
/// </summary>
public sealed class CountedExposureTests
{
    private static readonly DateOnly Day = new(2026, 1, 1);

    public static TheoryData<string> BudgetNames => ["default", "small", "tiny"];

    [Theory]
    [MemberData(nameof(BudgetNames))]
    public void On_random_graphs_an_exposure_without_paths_answers_what_it_answers_with_them(string budgetName)
    {
        // arrange
        var budgets = Budgets(budgetName);
        var cuts = new List<TraversalLimit>();
        var compared = 0;

        // act and assert
        for (var seed = 1; seed <= 16; seed++)
        {
            var (nodes, edges) = (seed % 4) switch { 0 => (30, 500), 1 => (60, 260), 2 => (80, 300), _ => (40, 900) };
            var dataset = HardGraphs.Exposure(seed, nodes, edges);
            var questions = Questions(dataset, budgets);
            foreach (var regulation in dataset.Entities.OfType<Regulation>())
            {
                foreach (var (hops, paths) in new[] { (2, 1), (4, 3), (8, 25), (16, 100) })
                {
                    cuts.AddRange(CompareBothWays(questions, regulation.Id, hops, paths, $"graph {seed}, {budgetName} budgets"));
                    compared++;
                }
            }
        }

        // Each cut was met, so the comparison covered answers cut short as well as whole ones.
        compared.Should().Be(16 * 3 * 4);
        cuts.Should().Contain([TraversalLimit.MaxPaths, TraversalLimit.MaxHops, TraversalLimit.ExplorationBudget]);
    }

    [Theory]
    [MemberData(nameof(BudgetNames))]
    public void On_the_seed_an_exposure_without_paths_answers_what_it_answers_with_them(string budgetName)
    {
        // arrange
        var seed = SeedDataset.Load();
        var questions = Questions(seed, Budgets(budgetName));
        var exposedAny = false;

        // act and assert
        foreach (var regulation in seed.Entities.OfType<Regulation>())
        {
            foreach (var (hops, paths) in new[] { (1, 1), (3, 3), (8, 25), (16, 100) })
            {
                CompareBothWays(questions, regulation.Id, hops, paths, $"the seed, {budgetName} budgets");
                exposedAny |= questions.Exposure(Question(regulation.Id, hops, paths, withPaths: false)).Exposed.Count > 0;
            }
        }

        exposedAny.Should().BeTrue("the seed's regulations expose entities");
    }

    [Theory]
    [InlineData(1, 60, 260, "default")]
    [InlineData(6, 30, 600, "default")]
    [InlineData(7, 40, 900, "small")]
    [InlineData(3, 60, 260, "tiny")]
    [InlineData(6, 30, 600, "tiny")]
    public void Counting_a_walk_s_routes_finds_as_many_and_examines_as_much_as_listing_them(int seed, int nodes, int edges, string budgetName)
    {
        // arrange
        var graph = HardGraphs.Supplies(seed, nodes, edges);
        var budgets = Budgets(budgetName);

        foreach (var max in new[] { 1, 3, 25 })
        {
            using var listing = WalkFrom(graph, 0, budgets);
            using var counting = WalkFrom(graph, 0, budgets);

            // act and assert: target after target, as an exposure asks, the two walks stay in step.
            foreach (var target in listing.Reached.Skip(1))
            {
                var listed = listing.PathsTo(target, 0, max);
                var tally = counting.CountPathsTo(target, 0, max);

                tally.Found.Should().Be(listed.Count, $"routes to {graph.Node(target).Id}, at most {max}");
                tally.CapHit.Should().Be(listed.Count > max);
                tally.ListedLength.Should().Be(listed.Take(max).Sum(route => (long)route.Count));
                counting.Examined.Should().Be(listing.Examined, $"the work after listing routes to {graph.Node(target).Id}");
            }

            counting.CutBy.Should().BeEquivalentTo(listing.CutBy);
        }
    }

    [Fact]
    public void An_exposure_without_paths_allocates_for_its_entities_not_for_their_routes()
    {
        // arrange: layers of suppliers, each entity supplied by four of the layer before: thousands of routes each.
        var dataset = Layers(layers: 5, width: 100, suppliersEach: 4);
        var questions = Questions(dataset, WalkBudgets.Default);
        var counted = Question("rule", 8, 25, withPaths: false);
        var listed = Question("rule", 8, 25, withPaths: true);
        questions.Exposure(counted);
        questions.Exposure(listed);

        // act: a second time, as a service answers again and again (the walk's arenas are kept between answers).
        var before = GC.GetAllocatedBytesForCurrentThread();
        var answer = questions.Exposure(counted);
        var countedBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        var withPaths = questions.Exposure(listed);
        var listedBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        // assert
        answer.Exposed.Should().HaveCount(withPaths.Exposed.Count).And.HaveCountGreaterThan(400);
        withPaths.Explored.CutBy.Should().Contain(TraversalLimit.MaxPaths, "entities have more routes than are listed");
        countedBytes.Should().BeLessThan((100L * answer.Exposed.Count) + (32 << 10), "the answer's own records, and nothing per route");
        listedBytes.Should().BeGreaterThan(10 * countedBytes, "listing the same routes makes each path");
    }

    /// <summary>Asks both ways, compares every field but the paths, and returns the cuts met.</summary>
    private static IReadOnlyList<TraversalLimit> CompareBothWays(GraphQuestions questions, string regulation, int hops, int paths, string where)
    {
        var listed = questions.Exposure(Question(regulation, hops, paths, withPaths: true));
        var counted = questions.Exposure(Question(regulation, hops, paths, withPaths: false));

        Describe(counted).Should().Be(Describe(listed), $"{regulation} on {where}, maxHops {hops}, maxPaths {paths}");
        counted.Exposed.Where(exposed => exposed.Paths.Count > 0).Should().BeEmpty("no paths were asked for");
        return listed.Explored.CutBy;
    }

    private static string Describe(ExposureAnswer answer) =>
        $"in force {answer.InForce}, partial {answer.Partial}, explored {answer.Explored.Relationships} relationships, " +
        $"{answer.Explored.Entities} entities, depth {answer.Explored.Depth}, cut by [{string.Join(", ", answer.Explored.CutBy)}]: " +
        string.Join(" ", answer.Exposed.Select(exposed => exposed.Entity.Id));

    private static ExposureQuestion Question(string regulation, int hops, int paths, bool withPaths) =>
        new(regulation, TraversalOptions.Create(asOf: Day, maxHops: hops, maxPaths: paths)) { WithPaths = withPaths };

    private static GraphQuestions Questions(Dataset dataset, WalkBudgets budgets) =>
        new(GraphIndex.Build(dataset.Entities, dataset.Relationships), TimeProvider.System) { Budgets = budgets };

    /// <summary>The service's budgets; small ones; tiny ones that cut most answers on these graphs.</summary>
    private static WalkBudgets Budgets(string name) => name switch
    {
        "default" => WalkBudgets.Default,
        "small" => new WalkBudgets { Exploration = 2_000, MinimumLongerRoutes = 300, RoutesPerLength = 50, ListedRelationships = 400 },
        "tiny" => new WalkBudgets { Exploration = 150, MinimumLongerRoutes = 40, RoutesPerLength = 4, ListedRelationships = 30 },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such budgets"),
    };

    private static Walk WalkFrom(GraphIndex graph, int start, WalkBudgets budgets)
    {
        var walk = new Walk(graph, QueryLimits.DefaultMaxHops) { Budgets = budgets };
        walk.Run(start, (node, sink) =>
        {
            foreach (var edge in graph.Outgoing(node))
            {
                sink.Examine();
                sink.Offer(edge, node, graph.To(edge), terminal: edge % 4 == 0);
            }

            foreach (var edge in graph.Incoming(node))
            {
                sink.Examine();
                sink.Offer(edge, node, graph.From(edge), terminal: edge % 4 == 1);
            }
        });
        return walk;
    }

    private static Dataset Layers(int layers, int width, int suppliersEach)
    {
        var random = new Random(11);
        var builder = new DatasetBuilder("layers").Regulation("rule", new DateOnly(2020, 1, 1));
        for (var layer = 0; layer < layers; layer++)
        {
            for (var index = 0; index < width; index++)
            {
                builder.Actor($"l{layer}-{index:D3}", ActorCategory.Foundry);
                if (layer == 0)
                {
                    builder.Link($"l0-{index:D3}", RelationshipType.RestrictedBy, "rule");
                    continue;
                }

                foreach (var supplier in Enumerable.Range(0, width).OrderBy(_ => random.Next()).Take(suppliersEach))
                {
                    builder.Link($"l{layer - 1}-{supplier:D3}", RelationshipType.Supplies, $"l{layer}-{index:D3}", status: (RelationshipStatus)random.Next(4));
                }
            }
        }

        return builder.Build();
    }
}
