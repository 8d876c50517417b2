using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.Mapping;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j.Questions;

/// <summary>
/// Reads what a walk question needs, level by level: one round trip per level runs the question's file
/// (<see cref="WalkCypher"/>) on the frontier, and the neighbours it follows that no earlier level reached become the
/// next frontier. Every entity is expanded once per walk and sent once (the file fetches the entities met on the level
/// before with the next level), so the work grows with the neighbourhood, never with the number of routes through it.
/// All levels read in one transaction (one snapshot), retried whole on a transient failure.
/// </summary>
internal static class LevelWalk
{
    /// <summary>What a walk read: the graph, and whether the read budget cut it short.</summary>
    public sealed record WalkRead(GraphIndex Graph, bool Cut);

    /// <summary>Where a walk starts: an entity and the walk (<see cref="WalkCypher.Upstream"/> or <see cref="WalkCypher.Downstream"/>).</summary>
    public sealed record Start(string Id, string Walk);

    /// <param name="levels">How many levels to read: the hop limit plus one, so the domain can tell whether it cut.</param>
    /// <param name="stopAt">An entity whose level is the last one read (all shortest paths need nothing further).</param>
    /// <param name="known">Entities the caller has already (the starts): never fetched.</param>
    /// <param name="budget">Relationships to read at most; past it the read stops and says so (<see cref="WalkRead.Cut"/>).</param>
    public static Task<WalkRead> ReadAsync(
        ICypherRunner runner,
        CypherScript script,
        IReadOnlyList<Start> starts,
        int levels,
        IReadOnlyDictionary<string, object?> parameters,
        string? stopAt,
        IReadOnlyList<Entity> known,
        int budget,
        CancellationToken cancellationToken) =>
        runner.ExecuteAsync(
            AccessMode.Read,
            async (transaction, token) =>
            {
                var graph = new Reading(known);
                var seen = new HashSet<(string Walk, string Id)>();
                var frontier = new List<Dictionary<string, object?>>();
                foreach (var start in starts.Where(start => seen.Add((start.Walk, start.Id))))
                {
                    frontier.Add(Item(start.Id, start.Walk, isStart: true));
                }

                var rowsLeft = (long)Math.Max(1, budget);
                var cut = false;
                for (var level = 0; level < levels && frontier.Count > 0; level++)
                {
                    var arguments = Arguments(parameters, frontier, graph.TakeMissing());
                    arguments["limit"] = rowsLeft + 1;
                    var result = await transaction.RunAsync(script.Statement, arguments, cancellationToken: token);
                    var steps = result.Rows.Count(row => row["step"] is not null);
                    rowsLeft -= steps;
                    frontier = [];
                    var reachedStop = false;
                    foreach (var row in result.Rows)
                    {
                        graph.Add(row);
                        if (row["follows"] is true && row["reached"] is string id && row["walk"] is string walk && seen.Add((walk, id)))
                        {
                            frontier.Add(Item(id, walk, isStart: false));
                            reachedStop |= id == stopAt;
                        }
                    }

                    if (rowsLeft < 0)
                    {
                        // The level did not fit: what was read stands, and the answer says it is partial.
                        cut = true;
                        break;
                    }

                    if (reachedStop)
                    {
                        break;
                    }
                }

                // The entities the last level met, in the same round trip as the commit.
                var lastArguments = Arguments(parameters, [], graph.TakeMissing());
                lastArguments["limit"] = 0L;
                var last = await transaction.CommitAsync(script.Statement, lastArguments, token);
                foreach (var row in last.Rows)
                {
                    graph.Add(row);
                }

                return new WalkRead(graph.Build(), cut);
            },
            cancellationToken);

    private static Dictionary<string, object?> Arguments(IReadOnlyDictionary<string, object?> parameters, List<Dictionary<string, object?>> frontier, List<string> fetch) =>
        new(parameters) { ["frontier"] = frontier, ["fetch"] = fetch };

    private static Dictionary<string, object?> Item(string id, string walk, bool isStart) => new()
    {
        ["id"] = id,
        ["walk"] = walk,
        ["start"] = isStart,
    };

    /// <summary>
    /// The graph as the levels come in: relationships by element id (each is met from both ends), entities by id, and
    /// the ids met but not fetched yet. Built ordered as the embedded store orders it, so walks pick the same paths.
    /// </summary>
    private sealed class Reading
    {
        private readonly Dictionary<string, Entity> entities = new(StringComparer.Ordinal);
        private readonly Dictionary<string, RelationshipRecord> relationships = new(StringComparer.Ordinal);
        private readonly HashSet<string> requested = new(StringComparer.Ordinal);
        private List<string> missing = [];

        public Reading(IReadOnlyList<Entity> known)
        {
            foreach (var entity in known)
            {
                entities[entity.Id] = entity;
                requested.Add(entity.Id);
            }
        }

        public void Add(CypherRow row)
        {
            if (row["entity"] is CypherNode node)
            {
                var entity = GraphProperties.ToEntity(node);
                entities[entity.Id] = entity;
            }

            if (row["step"] is CypherRelationship step && row["from"] is string from && row["to"] is string to)
            {
                if (!relationships.ContainsKey(step.ElementId))
                {
                    relationships[step.ElementId] = GraphProperties.ToRelationship(step, from, to);
                }

                Need(from);
                Need(to);
            }
        }

        /// <summary>The ids met since the last call and not asked for yet.</summary>
        public List<string> TakeMissing()
        {
            var taken = missing;
            missing = [];
            return taken;
        }

        public GraphIndex Build() => GraphIndex.Build(
            [.. entities.Values.OrderBy(entity => entity.Id, StringComparer.Ordinal)],
            [.. relationships.Values.Where(record => entities.ContainsKey(record.From) && entities.ContainsKey(record.To)).OrderBy(record => record.Key, StringComparer.Ordinal)]);

        private void Need(string id)
        {
            if (requested.Add(id))
            {
                missing.Add(id);
            }
        }
    }
}
