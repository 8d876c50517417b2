using FluentAssertions;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;
using SupplyGraph.Generator;
using SupplyGraph.Store.Embedded;

namespace SupplyGraph.Store.Neo4j.Tests.Projection;

/// <summary>
/// Whether a Neo4j store answers every question exactly as the embedded store does on a generated graph: the same
/// entities, paths, relationships and partial flags, for the hubs and a spread of other entities.
/// </summary>
internal static class AnswerEquivalence
{
    private static readonly DateOnly AsOf = new(2025, 6, 1);

    /// <summary>Imports the generated graph of <paramref name="size"/> into <paramref name="neo4j"/> (empty) and an in-memory embedded store, and compares their answers.</summary>
    public static async Task AssertSameAnswersAsync(ISupplyGraphStore neo4j, string size, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetTempPath(), $"supplygraph-equivalence-{size}-{Guid.NewGuid():N}.json");
        try
        {
            SyntheticSupplyChain.Write(file, GeneratorOptions.ForSize(size), cancellationToken);
            await neo4j.ImportAsync(new DatasetFileSource(file), ImportOptions.Default, cancellationToken);
            await using var embedded = new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true });
            await embedded.InitializeAsync(cancellationToken);
            await embedded.ImportAsync(new DatasetFileSource(file), ImportOptions.Default, cancellationToken);

            // act and assert: the hubs (most relationships) and a spread of the rest, for every question
            foreach (var id in Subjects(embedded.Index))
            {
                var options = TraversalOptions.Create(asOf: AsOf);
                Chain(await neo4j.SupplyChainAsync(new(id, options), cancellationToken)).Should().Equal(Chain(await embedded.SupplyChainAsync(new(id, options), cancellationToken)), $"supplyChain({id})");
                Controls(await neo4j.ExportControlsAsync(new(id, options), cancellationToken)).Should().Equal(Controls(await embedded.ExportControlsAsync(new(id, options), cancellationToken)), $"exportControls({id})");
                Profile(await neo4j.ProfileAsync(new(id, AsOf), cancellationToken)).Should().Equal(Profile(await embedded.ProfileAsync(new(id, AsOf), cancellationToken)), $"profile({id})");
            }

            foreach (var regulation in embedded.Index.Entities.Where(entity => entity.Kind == Domain.Vocabulary.EntityKind.Regulation).Take(5))
            {
                var options = TraversalOptions.Create(asOf: AsOf);
                Exposure(await neo4j.ExposureAsync(new(regulation.Id, options), cancellationToken)).Should().Equal(Exposure(await embedded.ExposureAsync(new(regulation.Id, options), cancellationToken)), $"exposure({regulation.Id})");
            }

            var subjects = Subjects(embedded.Index);
            foreach (var (from, to) in subjects.Zip(subjects.Skip(1)))
            {
                var question = new PathsQuestion(from, to, null, TraversalOptions.Create(asOf: AsOf));
                Paths(await neo4j.PathsAsync(question, cancellationToken)).Should().Equal(Paths(await embedded.PathsAsync(question, cancellationToken)), $"paths({from}, {to})");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The five entities with most relationships, and every 997th entity by id (a deterministic spread).</summary>
    private static List<string> Subjects(GraphIndex graph)
    {
        var degree = new int[graph.NodeCount];
        for (var edge = 0; edge < graph.EdgeCount; edge++)
        {
            degree[graph.From(edge)]++;
            degree[graph.To(edge)]++;
        }

        var hubs = Enumerable.Range(0, graph.NodeCount).OrderByDescending(node => degree[node]).ThenBy(node => node).Take(5);
        var spread = Enumerable.Range(0, graph.NodeCount).Where(node => node % 997 == 0).Take(10);
        return [.. hubs.Concat(spread).Distinct().Select(node => graph.Node(node).Id)];
    }

    private static List<string> Chain(SupplyChainAnswer answer) =>
    [
        $"partial {answer.Partial}",
        .. answer.Stages.Select(stage => $"{stage.Stage}: {string.Join(",", stage.Entities.Select(entity => entity.Id))}"),
        .. answer.Relationships.Select(relationship => relationship.Record.Key),
    ];

    private static List<string> Controls(ExportControlsAnswer answer) =>
        [$"partial {answer.Partial}", .. answer.Hits.SelectMany(hit => hit.Paths.Select(path => $"{hit.Regulation.Id}: {path.Summary}"))];

    private static List<string> Exposure(ExposureAnswer answer) =>
        [$"partial {answer.Partial}", .. answer.Exposed.SelectMany(exposed => exposed.Paths.Select(path => $"{exposed.Entity.Id}: {path.Summary}"))];

    private static List<string> Paths(PathAnswer answer) => [$"partial {answer.Partial}", .. answer.Paths.Select(path => path.Summary)];

    private static List<string> Profile(EntityProfile profile) => [.. profile.Relationships.Select(relationship => relationship.Record.Key)];
}
