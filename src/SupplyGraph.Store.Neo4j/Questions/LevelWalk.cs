using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.Mapping;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j.Questions;

/// <summary>
/// Reads what a walk question needs, level by level: one round trip per level runs the question's file
/// (<see cref="WalkCypher"/>) on the frontier, and the neighbours it follows that no earlier level reached become the
/// next frontier. Every entity is expanded once per walk, so the work grows with the neighbourhood, never with the
/// number of routes through it. All levels read in one transaction (one snapshot), retried whole on a transient failure.
/// </summary>
internal static class LevelWalk
{
    /// <summary>Where a walk starts: an entity and the walk (<see cref="WalkCypher.Upstream"/> or <see cref="WalkCypher.Downstream"/>).</summary>
    public sealed record Start(string Id, string Walk);

    /// <param name="levels">How many levels to read: the hop limit plus one, so the domain can tell whether it cut.</param>
    /// <param name="stopAt">An entity whose level is the last one read (all shortest paths need nothing further).</param>
    public static Task<GraphIndex> ReadAsync(
        ICypherRunner runner,
        CypherScript script,
        IReadOnlyList<Start> starts,
        int levels,
        IReadOnlyDictionary<string, object?> parameters,
        string? stopAt,
        IReadOnlyList<Entity> alwaysIncluded,
        CancellationToken cancellationToken) =>
        runner.ExecuteAsync(
            AccessMode.Read,
            async (transaction, token) =>
            {
                var results = new List<CypherResult>();
                var seen = new HashSet<(string Walk, string Id)>();
                var frontier = new List<Dictionary<string, object?>>();
                foreach (var start in starts.Where(start => seen.Add((start.Walk, start.Id))))
                {
                    frontier.Add(Item(start.Id, start.Walk, isStart: true));
                }

                long relationshipsRead = 0;
                for (var level = 0; level < levels && frontier.Count > 0; level++)
                {
                    var arguments = new Dictionary<string, object?>(parameters) { ["frontier"] = frontier };
                    var result = await transaction.RunAsync(script.Statement, arguments, cancellationToken: token);
                    results.Add(result);

                    // Past the budget the domain's walk stops and answers partial; reading further would be wasted.
                    relationshipsRead += result.Rows.Count;
                    if (relationshipsRead > QueryLimits.ExplorationBudget)
                    {
                        break;
                    }

                    frontier = [];
                    var reachedStop = false;
                    foreach (var row in result.Rows)
                    {
                        if (row["follows"] is true && row["reached"] is string id && row["walk"] is string walk && seen.Add((walk, id)))
                        {
                            frontier.Add(Item(id, walk, isStart: false));
                            reachedStop |= id == stopAt;
                        }
                    }

                    if (reachedStop)
                    {
                        break;
                    }
                }

                await transaction.CommitAsync(token);
                return Neighbourhood.FromResults(results, alwaysIncluded);
            },
            cancellationToken);

    private static Dictionary<string, object?> Item(string id, string walk, bool isStart) => new()
    {
        ["id"] = id,
        ["walk"] = walk,
        ["start"] = isStart,
    };
}
