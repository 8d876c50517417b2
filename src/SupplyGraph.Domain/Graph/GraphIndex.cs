using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Graph;

/// <summary>
/// An immutable adjacency index over entities and relationships (compressed sparse rows: one offsets array
/// and one edge array per direction), sized for millions of relationships. Nodes and edges are addressed by
/// dense integers; the questions walk it without allocating per edge. Relationships are held column by column
/// (ends, type, dates, status, a shared source list) and become <see cref="RelationshipRecord"/>s only when an
/// answer shows them, so a large graph costs tens of bytes per relationship rather than a few hundred.
/// Made by <see cref="GraphIndexBuilder"/>.
/// </summary>
public sealed class GraphIndex
{
    internal const int OpenStart = int.MinValue;
    internal const int OpenEnd = int.MaxValue;
    private const int ParallelBuildThreshold = 100_000;

    private readonly Entity[] nodes;
    private readonly EntityKind[] nodeKinds;
    private readonly Dictionary<string, int> nodeById;
    // What a walk reads of each relationship it looks at, side by side: one cache line per relationship, not one per column.
    private readonly WalkedEdge[] walked;
    private readonly int[] edgeSources;
    private readonly IReadOnlyList<Source>[] sourceLists;
    private readonly Dictionary<int, string> explicitKeys;
    private readonly Dictionary<int, string> notes;
    private readonly int[] outStart;
    private readonly int[] outEdges;
    private readonly int[] inStart;
    private readonly int[] inEdges;
    private readonly NameIndex names;
    private readonly Lazy<LookupIndex> lookups;

    internal GraphIndex(
        Entity[] nodes,
        Dictionary<string, int> nodeById,
        EdgeColumns edges,
        IReadOnlyList<Source>[] sourceLists)
    {
        this.nodes = nodes;
        nodeKinds = [.. nodes.Select(node => node.Kind)];
        this.nodeById = nodeById;
        walked = new WalkedEdge[edges.Count];
        for (var edge = 0; edge < walked.Length; edge++)
        {
            walked[edge] = new WalkedEdge(edges.From[edge], edges.To[edge], edges.ValidFrom[edge], edges.ValidTo[edge], edges.Type[edge], edges.Status[edge]);
        }

        edgeSources = edges.Sources;
        explicitKeys = edges.ExplicitKeys;
        notes = edges.Notes;
        this.sourceLists = sourceLists;
        EdgeCount = edges.Count;
        (int[] Start, int[] Edges) outgoing = ([], []), incoming = ([], []);
        NameIndex? byName = null;
        Action[] parts =
        [
            () => outgoing = Adjacency(nodes.Length, edges.From, EdgeCount),
            () => incoming = Adjacency(nodes.Length, edges.To, EdgeCount),
            () => byName = NameIndex.Build(nodes),
        ];

        // A store's whole graph is built at start: its three parts are independent, so use every core.
        if (EdgeCount + nodes.Length >= ParallelBuildThreshold)
        {
            Parallel.Invoke(parts);
        }
        else
        {
            Array.ForEach(parts, part => part());
        }

        (outStart, outEdges) = outgoing;
        (inStart, inEdges) = incoming;
        names = byName!;

        // Made on first use, not here: a store starts (and answers walks) without paying for it, and only the first
        // search or unknown reference waits for it. Made once, whichever request gets there first.
        lookups = new Lazy<LookupIndex>(() => LookupIndex.Build(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public int NodeCount => nodes.Length;

    public int EdgeCount { get; }

    public IReadOnlyList<Entity> Entities => nodes;

    /// <summary>What search and suggestions use (<see cref="LookupIndex"/>), made on first use.</summary>
    public LookupIndex Lookups => lookups.Value;

    /// <summary>
    /// Builds <see cref="Lookups"/> on a pool thread now, so the first search or unknown reference after a store loads
    /// does not pay for it (seconds on a million entities); what asks for it meanwhile waits for the same build.
    /// </summary>
    public void WarmLookupsInBackground()
    {
        if (!lookups.IsValueCreated && NodeCount > 0)
        {
            _ = Task.Run(() => lookups.Value);
        }
    }

    public static GraphIndex Build(IReadOnlyList<Entity> entities, IReadOnlyList<RelationshipRecord> relationships)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(relationships);
        var builder = new GraphIndexBuilder(entities.Count, relationships.Count);
        foreach (var entity in entities)
        {
            builder.AddNode(entity);
        }

        foreach (var relationship in relationships)
        {
            builder.AddEdge(relationship);
        }

        return builder.Build();
    }

    public static GraphIndex Empty { get; } = new GraphIndexBuilder().Build();

    public Entity Node(int node) => nodes[node];

    /// <summary>The node's kind, without touching its entity (walks ask this of every neighbour).</summary>
    public EntityKind Kind(int node) => nodeKinds[node];

    public bool TryGetNode(string id, out int node) => nodeById.TryGetValue(id, out node);

    /// <summary>The relationship as stored (made on demand; edges are held column by column).</summary>
    public RelationshipRecord Edge(int edge) => new()
    {
        Key = Key(edge),
        Type = walked[edge].Type,
        From = nodes[walked[edge].From].Id,
        To = nodes[walked[edge].To].Id,
        ValidFrom = walked[edge].ValidFrom == OpenStart ? null : DateOnly.FromDayNumber(walked[edge].ValidFrom),
        ValidTo = walked[edge].ValidTo == OpenEnd ? null : DateOnly.FromDayNumber(walked[edge].ValidTo),
        Status = walked[edge].Status,
        Note = notes.GetValueOrDefault(edge),
        Sources = sourceLists[edgeSources[edge]],
    };

    public int From(int edge) => walked[edge].From;

    public int To(int edge) => walked[edge].To;

    public RelationshipType Type(int edge) => walked[edge].Type;

    public RelationshipStatus Status(int edge) => walked[edge].Status;

    /// <summary>The relationship's key: its explicit id, or <c>{from}/{TYPE}/{to}</c>.</summary>
    public string Key(int edge) =>
        explicitKeys.TryGetValue(edge, out var key)
            ? key
            : RelationshipRecord.DefaultKey(nodes[walked[edge].From].Id, walked[edge].Type, nodes[walked[edge].To].Id);

    public ReadOnlySpan<int> Outgoing(int node) => outEdges.AsSpan(outStart[node], outStart[node + 1] - outStart[node]);

    public ReadOnlySpan<int> Incoming(int node) => inEdges.AsSpan(inStart[node], inStart[node + 1] - inStart[node]);

    /// <summary>True when the relationship held on the day (<see cref="DateOnly.DayNumber"/>).</summary>
    public bool IsValidOn(int edge, int dayNumber) => walked[edge].ValidFrom <= dayNumber && dayNumber <= walked[edge].ValidTo;

    /// <summary>
    /// Nodes whose id, name, alias or citation equals <paramref name="text"/>, ignoring case and surrounding spaces;
    /// a Federal Register citation however loosely written (<see cref="ReferenceKeys"/>). In node order.
    /// </summary>
    public ReadOnlySpan<int> NodesNamed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var named = names.Find(text);
        if (ReferenceKeys.FederalRegister(text) is not { } citation)
        {
            return named;
        }

        var found = new SortedSet<int>(named.ToArray());
        found.UnionWith(names.Find(citation).ToArray());
        return found.ToArray();
    }

    /// <summary>The node's citation keys (<see cref="ReferenceKeys.CitationKeys"/>), made once when the index is built.</summary>
    public IReadOnlyList<string> CitationKeys(int node) => names.CitationKeys.GetValueOrDefault(node, []);

    /// <summary>The relationship as an answer shows it, both ends resolved.</summary>
    public Relationship Relationship(int edge) => new(Edge(edge), nodes[walked[edge].From], nodes[walked[edge].To]);

    public static string NameKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToUpperInvariant();
    }

    private static (int[] Start, int[] Edges) Adjacency(int nodeCount, int[] endOf, int edgeCount)
    {
        var start = new int[nodeCount + 1];
        for (var e = 0; e < edgeCount; e++)
        {
            start[endOf[e] + 1]++;
        }

        for (var i = 1; i < start.Length; i++)
        {
            start[i] += start[i - 1];
        }

        var edges = new int[edgeCount];
        var fill = (int[])start.Clone();
        for (var e = 0; e < edgeCount; e++)
        {
            edges[fill[endOf[e]]++] = e;
        }

        return (start, edges);
    }

    /// <summary>
    /// Id, name, aliases and citation keys to nodes, compared as <see cref="NameKey"/> compares them but without making a key
    /// string per name: one node per name in the common case, an array only for names several nodes share.
    /// </summary>
    private sealed class NameIndex
    {
        private readonly Dictionary<string, int> single;
        private readonly Dictionary<string, int[]> shared;

        private NameIndex(Dictionary<string, int> single, Dictionary<string, int[]> shared, Dictionary<int, IReadOnlyList<string>> citationKeys)
        {
            this.single = single;
            this.shared = shared;
            CitationKeys = citationKeys;
        }

        /// <summary>Citation keys by node, for the regulations that have any: search reads them for every regulation.</summary>
        public Dictionary<int, IReadOnlyList<string>> CitationKeys { get; }

        public static NameIndex Build(Entity[] nodes)
        {
            var single = new Dictionary<string, int>(nodes.Length * 2, NameKeyComparer.Instance);
            var shared = new Dictionary<string, List<int>>(NameKeyComparer.Instance);
            var citationKeys = new Dictionary<int, IReadOnlyList<string>>();
            for (var node = 0; node < nodes.Length; node++)
            {
                var entity = nodes[node];
                Add(entity.Id, node);
                Add(entity.Name, node);
                foreach (var alias in entity.Aliases)
                {
                    Add(alias, node);
                }

                var citations = ReferenceKeys.CitationKeys(entity);
                if (citations.Count > 0)
                {
                    citationKeys[node] = citations;
                }

                foreach (var citation in citations)
                {
                    Add(citation, node);
                }
            }

            return new NameIndex(single, shared.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), NameKeyComparer.Instance), citationKeys);

            void Add(string name, int node)
            {
                if (shared.TryGetValue(name, out var several))
                {
                    if (!several.Contains(node))
                    {
                        several.Add(node);
                    }
                }
                else if (!single.TryAdd(name, node) && single[name] != node)
                {
                    shared[name] = [single[name], node];
                    single.Remove(name);
                }
            }
        }

        public ReadOnlySpan<int> Find(string text)
        {
            if (single.TryGetValue(text, out var node))
            {
                return new[] { node };
            }

            return shared.TryGetValue(text, out var nodes) ? nodes : [];
        }
    }

    /// <summary>Equality of <see cref="NameKey"/>s (trimmed, upper-cased invariantly) computed on the spans themselves.</summary>
    private sealed class NameKeyComparer : IEqualityComparer<string>
    {
        public static readonly NameKeyComparer Instance = new();

        public bool Equals(string? x, string? y)
        {
            if (x is null || y is null)
            {
                return x is null && y is null;
            }

            var left = x.AsSpan().Trim();
            var right = y.AsSpan().Trim();
            if (left.Length != right.Length)
            {
                return false;
            }

            for (var i = 0; i < left.Length; i++)
            {
                if (left[i] != right[i] && char.ToUpperInvariant(left[i]) != char.ToUpperInvariant(right[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(string obj)
        {
            var hash = default(HashCode);
            foreach (var character in obj.AsSpan().Trim())
            {
                hash.Add(char.ToUpperInvariant(character));
            }

            return hash.ToHashCode();
        }
    }
}

/// <summary>A relationship's ends, dates, type and status: 20 bytes a walk reads together.</summary>
internal readonly struct WalkedEdge(int from, int to, int validFrom, int validTo, RelationshipType type, RelationshipStatus status)
{
    private readonly byte type = (byte)type;
    private readonly byte status = (byte)status;

    public int From { get; } = from;

    public int To { get; } = to;

    public int ValidFrom { get; } = validFrom;

    public int ValidTo { get; } = validTo;

    public RelationshipType Type => (RelationshipType)type;

    public RelationshipStatus Status => (RelationshipStatus)status;
}
