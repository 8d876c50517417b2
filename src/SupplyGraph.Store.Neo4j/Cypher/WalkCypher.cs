using System.Text;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Store.Neo4j.Cypher;

/// <summary>
/// Writes the question files of cypher/queries that walk the graph (supply chain, export controls, exposure,
/// paths). Each is one level of a breadth-first walk over distinct entities: the service sends the frontier,
/// the file returns every relationship of each frontier entity (what the domain's walk examines there) and says
/// which neighbours the walk follows; the service sends those not seen yet as the next frontier, one round trip a
/// level, up to the hop limit. The direction lists come from the relationship table, so they are never copied by
/// hand; a test fails when the checked-in files differ from what this writes.
/// </summary>
/// <remarks>
/// The follow rules may follow more than the domain's walk does (never less): the domain reads the answer from
/// what comes back, so an extra neighbour costs a little reading, a missing one would change the answer.
/// </remarks>
internal static class WalkCypher
{
    /// <summary>The walks a frontier entry can belong to (<c>item.walk</c>).</summary>
    public const string Upstream = "upstream";

    public const string Downstream = "downstream";

    private const string Header = "// Generated from the relationship table in src/SupplyGraph.Domain by WalkCypher; do not edit by hand.\n";

    private const string LevelNote = """
        // One level of the walk. $frontier holds the entities reached at the level before (the start first), each with
        // the walk it belongs to; the first part returns every relationship of each (valid or not: the service's walk
        // looks at all of them), the ids at its ends, and in `follows` whether the walk goes on to the neighbour. The
        // service sends the neighbours not seen yet as the next $frontier, up to maxHops + 1 levels (one more to tell
        // whether the limit cut), so the work grows with the entities reached, never with the number of routes between
        // them. The second part returns the entities of $fetch: each entity the walk met, once (the service asks for the
        // ids met on the level before, and for the last level's with an empty frontier). $limit caps the relationships
        // one level returns: the service reads a bounded amount per question and answers partial past it.

        """;

    private const string Valid = "(step.validFrom IS NULL OR step.validFrom <= $asOf) AND (step.validTo IS NULL OR $asOf <= step.validTo)";

    private const string NextInForce = "(NOT next:Regulation OR (next.effective <= $asOf AND (next.rescinded IS NULL OR $asOf < next.rescinded)))";

    private const string HereInForce = "here.effective <= $asOf AND (here.rescinded IS NULL OR $asOf < here.rescinded)";

    private static IEnumerable<RelationshipTypeInfo> Dependencies => RelationshipTypes.All.Where(info => info.IsDependency);

    public static string SupplyChain() => File(
        """
        // Silicon to deployment: one entity's supply chain, as two walks from it.
        // Upstream: what the entity and its own products (a lab's models, a designer's chips) depend on, transitively;
        // from the start only, also what a platform serves (its own offering). Downstream: what depends on the entity,
        // out to the platforms that serve its models (the walk ends there).
        // A dependency step follows each type's documented upstream end (the relationship table in the README).
        // The service groups the entities into stages, RAW_MATERIALS to DEPLOYMENT; here you see the graph.
        """,
        $"[{{id: 'deepseek', walk: '{Upstream}', start: true}}, {{id: 'deepseek', walk: '{Downstream}', start: true}}]",
        $"""
        CASE item.walk
                 WHEN '{Upstream}' THEN {UpstreamRule()}
                 WHEN '{Downstream}' THEN {DownstreamRule()}
                 ELSE false
               END
        """);

    public static string ExportControls() => File(
        """
        // Which export rules touch an entity: every regulation in force that restricts the entity, one of its own
        // products (a lab's models, a designer's chips) or served models (a platform's), or anything upstream of them.
        // The walk goes upstream (see supply-chain.cypher); a RESTRICTED_BY relationship of anything reached names a
        // regulation, and the service keeps those in force, with the routes that explain them, shortest first.
        """,
        $"[{{id: 'deepseek', walk: '{Upstream}', start: true}}]",
        UpstreamRule());

    public static string Exposure() => File(
        """
        // Exposure, the reverse of export controls: every entity a regulation in force touches. From the regulation
        // (the start) to its subjects, then downstream of them (see supply-chain.cypher), ending at the platforms that
        // serve an exposed model; the owners (DEVELOPS, DESIGNS) of anything exposed are reached, not walked on from.
        """,
        $"[{{id: 'us-bis-2023-10-advanced-computing', walk: '{Downstream}', start: true}}]",
        $"""
        CASE WHEN item.start
                 THEN {HereInForce} AND endNode(step) = here AND type(step) IN {Names(RelationshipTypes.All.Where(info => info.Role == RelationshipRole.Control))}
                 ELSE {DownstreamRule()}
               END
        """);

    public static string Paths() => File(
        """
        // All shortest paths between two entities ($from, $to), along relationships in either direction, optionally
        // over some $types only. Relationships not valid on the day, and regulations not in force on it, are left out.
        // The service walks from $from until a level reaches $to (or the hard hop cap), then reads the shortest paths.
        """,
        $"[{{id: 'hugging-face', walk: '{Downstream}', start: true}}]",
        $"($types IS NULL OR type(step) IN $types) AND {NextInForce}",
        "// :param types => null\n");

    /// <summary>What the entity depends on: each dependency's upstream end; a platform's served models from the start only.</summary>
    private static string UpstreamRule()
    {
        var walked = Dependencies.Where(info => info.Role != RelationshipRole.Serving).ToList();
        var serving = Dependencies.Where(info => info.Role == RelationshipRole.Serving).ToList();
        var products = RelationshipTypes.All.Where(info => info.Role == RelationshipRole.Product).ToList();
        return Either(Ending(walked, RelationshipEnd.To), Ending(walked, RelationshipEnd.From))
            + $"\n                   OR (item.start AND ({Either([.. Ending(serving, RelationshipEnd.To), .. products], Ending(serving, RelationshipEnd.From))}))";
    }

    /// <summary>What depends on the entity: each dependency's downstream end. Serving steps end the walk, so they are not followed.</summary>
    private static string DownstreamRule()
    {
        var walked = Dependencies.Where(info => info.Role != RelationshipRole.Serving).ToList();
        return Either(Ending(walked, RelationshipEnd.From), Ending(walked, RelationshipEnd.To));
    }

    private static List<RelationshipTypeInfo> Ending(IEnumerable<RelationshipTypeInfo> types, RelationshipEnd upstreamEnd) =>
        [.. types.Where(info => info.UpstreamEnd == upstreamEnd)];

    /// <summary>Follows <paramref name="outgoing"/> from their start node and <paramref name="incoming"/> from their end node.</summary>
    private static string Either(IEnumerable<RelationshipTypeInfo> outgoing, IEnumerable<RelationshipTypeInfo> incoming) =>
        $"(startNode(step) = here AND type(step) IN {Names(outgoing)}) OR (endNode(step) = here AND type(step) IN {Names(incoming)})";

    private static string Names(IEnumerable<RelationshipTypeInfo> types) => $"[{string.Join(", ", types.Select(info => $"'{info.Name}'"))}]";

    private static string File(string about, string exampleFrontier, string follows, string extraParameters = "")
    {
        var text = new StringBuilder(Header);
        text.Append(about).Append('\n').Append(LevelNote).Append('\n');
        text.Append("//\n");
        text.Append("// :param frontier => ").Append(exampleFrontier).Append('\n');
        text.Append("// :param fetch => []\n");
        text.Append("// :param limit => 20000\n");
        text.Append("// :param asOf => date('2025-06-01')\n");
        text.Append(extraParameters);
        text.Append($$"""

            UNWIND $frontier AS item
            MATCH (here:Entity {id: item.id})-[step]-(next)
            RETURN item.walk AS walk, step, startNode(step).id AS from, endNode(step).id AS to, next.id AS reached,
                   {{Valid}}
                   AND ({{follows}}) AS follows,
                   null AS entity
            LIMIT $limit
            UNION ALL
            UNWIND $fetch AS id
            MATCH (entity:Entity {id: id})
            RETURN null AS walk, null AS step, null AS from, null AS to, null AS reached, false AS follows, entity;

            """);
        return text.ToString();
    }
}
