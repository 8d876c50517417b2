using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Graph;

/// <summary>
/// An immutable adjacency index over entities and relationships (compressed sparse rows: one offsets array
/// and one edge array per direction), sized for millions of relationships. Nodes and edges are addressed by
/// dense integers; the questions walk it without allocating per edge.
/// </summary>
public sealed class GraphIndex
{
    private const int OpenStart = int.MinValue;
    private const int OpenEnd = int.MaxValue;

    private readonly Entity[] nodes;
    private readonly Dictionary<string, int> nodeById;
    private readonly RelationshipRecord[] edges;
    private readonly int[] edgeFrom;
    private readonly int[] edgeTo;
    private readonly RelationshipType[] edgeType;
    private readonly int[] edgeValidFrom;
    private readonly int[] edgeValidTo;
    private readonly int[] outStart;
    private readonly int[] outEdges;
    private readonly int[] inStart;
    private readonly int[] inEdges;
    private readonly Dictionary<string, int[]> nodesByName;

    private GraphIndex(IReadOnlyList<Entity> entities, IReadOnlyList<RelationshipRecord> relationships)
    {
        nodes = [.. entities];
        var ids = new Dictionary<string, int>(nodes.Length, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++)
        {
            ids[nodes[i].Id] = i;
        }

        nodeById = ids;
        edges = [.. relationships];
        edgeFrom = new int[edges.Length];
        edgeTo = new int[edges.Length];
        edgeType = new RelationshipType[edges.Length];
        edgeValidFrom = new int[edges.Length];
        edgeValidTo = new int[edges.Length];
        var outDegree = new int[nodes.Length + 1];
        var inDegree = new int[nodes.Length + 1];
        for (var e = 0; e < edges.Length; e++)
        {
            var record = edges[e];
            if (!ids.TryGetValue(record.From, out var from) || !ids.TryGetValue(record.To, out var to))
            {
                throw new InvalidOperationException($"Relationship {record.Key} refers to an entity that is not in the graph.");
            }

            edgeFrom[e] = from;
            edgeTo[e] = to;
            edgeType[e] = record.Type;
            edgeValidFrom[e] = record.ValidFrom?.DayNumber ?? OpenStart;
            edgeValidTo[e] = record.ValidTo?.DayNumber ?? OpenEnd;
            outDegree[from + 1]++;
            inDegree[to + 1]++;
        }

        outStart = PrefixSum(outDegree);
        inStart = PrefixSum(inDegree);
        outEdges = new int[edges.Length];
        inEdges = new int[edges.Length];
        var outFill = (int[])outStart.Clone();
        var inFill = (int[])inStart.Clone();
        for (var e = 0; e < edges.Length; e++)
        {
            outEdges[outFill[edgeFrom[e]]++] = e;
            inEdges[inFill[edgeTo[e]]++] = e;
        }

        nodesByName = BuildNameIndex(nodes);
    }

    public int NodeCount => nodes.Length;

    public int EdgeCount => edges.Length;

    public IReadOnlyList<Entity> Entities => nodes;

    public static GraphIndex Build(IReadOnlyList<Entity> entities, IReadOnlyList<RelationshipRecord> relationships) =>
        new(entities, relationships);

    public static GraphIndex Empty { get; } = new([], []);

    public Entity Node(int node) => nodes[node];

    public bool TryGetNode(string id, out int node) => nodeById.TryGetValue(id, out node);

    public RelationshipRecord Edge(int edge) => edges[edge];

    public int From(int edge) => edgeFrom[edge];

    public int To(int edge) => edgeTo[edge];

    public RelationshipType Type(int edge) => edgeType[edge];

    public ReadOnlySpan<int> Outgoing(int node) => outEdges.AsSpan(outStart[node], outStart[node + 1] - outStart[node]);

    public ReadOnlySpan<int> Incoming(int node) => inEdges.AsSpan(inStart[node], inStart[node + 1] - inStart[node]);

    /// <summary>True when the relationship held on the day (<see cref="DateOnly.DayNumber"/>).</summary>
    public bool IsValidOn(int edge, int dayNumber) => edgeValidFrom[edge] <= dayNumber && dayNumber <= edgeValidTo[edge];

    /// <summary>Nodes whose id, name or alias equals <paramref name="text"/>, ignoring case.</summary>
    public ReadOnlySpan<int> NodesNamed(string text) =>
        nodesByName.TryGetValue(NameKey(text), out var found) ? found : [];

    /// <summary>The relationship as an answer shows it, both ends resolved.</summary>
    public Relationship Relationship(int edge) => new(edges[edge], nodes[edgeFrom[edge]], nodes[edgeTo[edge]]);

    public static string NameKey(string text) => text.Trim().ToUpperInvariant();

    private static int[] PrefixSum(int[] counts)
    {
        for (var i = 1; i < counts.Length; i++)
        {
            counts[i] += counts[i - 1];
        }

        return counts;
    }

    private static Dictionary<string, int[]> BuildNameIndex(Entity[] nodes)
    {
        var byName = new Dictionary<string, List<int>>(nodes.Length * 2, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++)
        {
            var entity = nodes[i];
            Add(entity.Id, i);
            Add(entity.Name, i);
            foreach (var alias in entity.Aliases)
            {
                Add(alias, i);
            }
        }

        return byName.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

        void Add(string name, int node)
        {
            var key = NameKey(name);
            if (!byName.TryGetValue(key, out var list))
            {
                byName[key] = list = new List<int>(1);
            }

            if (!list.Contains(node))
            {
                list.Add(node);
            }
        }
    }
}
