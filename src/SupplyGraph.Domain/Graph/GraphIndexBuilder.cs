using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Graph;

/// <summary>
/// Collects nodes and relationships, column by column, into a <see cref="GraphIndex"/>. Stores that load
/// millions of rows add edges by node number (<see cref="AddEdge(int, int, RelationshipType, DateOnly?, DateOnly?, RelationshipStatus, string?, string?, IReadOnlyList{Source})"/>)
/// so no <see cref="RelationshipRecord"/> is made per row. Not thread-safe; use once.
/// </summary>
public sealed class GraphIndexBuilder
{
    private readonly List<Entity> nodes;
    private readonly Dictionary<string, int> nodeById;
    private readonly EdgeColumns edges;
    private readonly List<IReadOnlyList<Source>> sourceLists = [];
    private readonly Dictionary<IReadOnlyList<Source>, int> sourceListNumbers = new(ReferenceEqualityComparer.Instance);
    private bool built;

    public GraphIndexBuilder(int expectedNodes = 0, int expectedEdges = 0)
    {
        nodes = new List<Entity>(expectedNodes);
        nodeById = new Dictionary<string, int>(expectedNodes, StringComparer.Ordinal);
        edges = new EdgeColumns(expectedEdges);
    }

    public int NodeCount => nodes.Count;

    public int EdgeCount => edges.Count;

    /// <summary>Adds an entity and returns its node number.</summary>
    public int AddNode(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var node = nodes.Count;
        if (!nodeById.TryAdd(entity.Id, node))
        {
            throw new InvalidOperationException($"Entity {entity.Id} is in the graph twice.");
        }

        nodes.Add(entity);
        return node;
    }

    public bool TryGetNode(string id, out int node) => nodeById.TryGetValue(id, out node);

    /// <summary>Adds a relationship whose ends are already in the graph.</summary>
    public void AddEdge(RelationshipRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!nodeById.TryGetValue(record.From, out var from) || !nodeById.TryGetValue(record.To, out var to))
        {
            throw new InvalidOperationException($"Relationship {record.Key} refers to an entity that is not in the graph.");
        }

        var explicitKey = record.HasDefaultKey ? null : record.Key;
        AddEdge(from, to, record.Type, record.ValidFrom, record.ValidTo, record.Status, explicitKey, record.Note, record.Sources);
    }

    /// <summary>
    /// Adds a relationship between two node numbers. <paramref name="explicitKey"/> is null when the key is the
    /// default <c>{from}/{TYPE}/{to}</c>. Pass the same list instance for repeated source lists: it is kept once.
    /// </summary>
    public void AddEdge(
        int from,
        int to,
        RelationshipType type,
        DateOnly? validFrom,
        DateOnly? validTo,
        RelationshipStatus status,
        string? explicitKey,
        string? note,
        IReadOnlyList<Source> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if ((uint)from >= (uint)nodes.Count || (uint)to >= (uint)nodes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"Relationship ends {from} and {to} must be node numbers below {nodes.Count}.");
        }

        if (!sourceListNumbers.TryGetValue(sources, out var sourceList))
        {
            sourceList = sourceLists.Count;
            sourceLists.Add(sources);
            sourceListNumbers[sources] = sourceList;
        }

        edges.Add(
            from,
            to,
            type,
            status,
            validFrom?.DayNumber ?? GraphIndex.OpenStart,
            validTo?.DayNumber ?? GraphIndex.OpenEnd,
            sourceList,
            explicitKey,
            note);
    }

    public GraphIndex Build()
    {
        if (built)
        {
            throw new InvalidOperationException("This builder has already built its index.");
        }

        built = true;
        return new GraphIndex([.. nodes], nodeById, edges.Trimmed().InCanonicalOrder(), [.. sourceLists]);
    }
}

/// <summary>A relationship's columns, one array each, grown as rows arrive.</summary>
internal sealed class EdgeColumns(int capacity)
{
    public int[] From { get; private set; } = new int[capacity];

    public int[] To { get; private set; } = new int[capacity];

    public RelationshipType[] Type { get; private set; } = new RelationshipType[capacity];

    public RelationshipStatus[] Status { get; private set; } = new RelationshipStatus[capacity];

    public int[] ValidFrom { get; private set; } = new int[capacity];

    public int[] ValidTo { get; private set; } = new int[capacity];

    public int[] Sources { get; private set; } = new int[capacity];

    /// <summary>Keys that are not the default <c>{from}/{TYPE}/{to}</c>, by edge: few in practice.</summary>
    public Dictionary<int, string> ExplicitKeys { get; private set; } = [];

    public Dictionary<int, string> Notes { get; private set; } = [];

    public int Count { get; private set; }

    public void Add(int from, int to, RelationshipType type, RelationshipStatus status, int validFrom, int validTo, int sources, string? explicitKey, string? note)
    {
        if (Count == From.Length)
        {
            Resize(Math.Max(16, Count * 2));
        }

        From[Count] = from;
        To[Count] = to;
        Type[Count] = type;
        Status[Count] = status;
        ValidFrom[Count] = validFrom;
        ValidTo[Count] = validTo;
        Sources[Count] = sources;
        if (explicitKey is not null)
        {
            ExplicitKeys[Count] = explicitKey;
        }

        if (note is not null)
        {
            Notes[Count] = note;
        }

        Count++;
    }

    /// <summary>
    /// Puts the edges in one order whatever order they were added in: by start node, type, end node, then explicit
    /// key (none first), dates and status. Walks meet neighbours in edge order, and an answer cut by a budget keeps
    /// what it met first, so without this the embedded store (rows in import order) and the Neo4j store (rows in
    /// page order) would cut the same question differently. Node numbers follow ids, so the order is the data's own.
    /// </summary>
    public EdgeColumns InCanonicalOrder()
    {
        var order = new int[Count];
        var keys = new long[Count];
        var packable = From.Take(Count).DefaultIfEmpty().Max() < 1 << 29 && To.Take(Count).DefaultIfEmpty().Max() < 1 << 28;
        var sorted = true;
        for (var edge = 0; edge < Count; edge++)
        {
            order[edge] = edge;
            keys[edge] = packable ? ((long)From[edge] << 34) | ((long)Type[edge] << 28) | (long)To[edge] : 0;
            sorted &= edge == 0 || keys[edge - 1] < keys[edge];
        }

        if (sorted && packable)
        {
            return this;
        }

        Array.Sort(keys, order);

        // Equal packed keys (parallel relationships, or a graph too large to pack) are ordered by the full comparison.
        for (var start = 0; start < Count;)
        {
            var end = start + 1;
            while (end < Count && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, start, end - start, Comparer<int>.Create(CompareEdges));
            }

            start = end;
        }

        From = [.. order.Select(edge => From[edge])];
        To = [.. order.Select(edge => To[edge])];
        Type = [.. order.Select(edge => Type[edge])];
        Status = [.. order.Select(edge => Status[edge])];
        ValidFrom = [.. order.Select(edge => ValidFrom[edge])];
        ValidTo = [.. order.Select(edge => ValidTo[edge])];
        Sources = [.. order.Select(edge => Sources[edge])];
        var explicitKeys = new Dictionary<int, string>(ExplicitKeys.Count);
        var notes = new Dictionary<int, string>(Notes.Count);
        for (var edge = 0; edge < Count; edge++)
        {
            if (ExplicitKeys.TryGetValue(order[edge], out var key))
            {
                explicitKeys[edge] = key;
            }

            if (Notes.TryGetValue(order[edge], out var note))
            {
                notes[edge] = note;
            }
        }

        ExplicitKeys = explicitKeys;
        Notes = notes;
        return this;
    }

    private int CompareEdges(int left, int right)
    {
        var compared = From[left].CompareTo(From[right]);
        compared = compared != 0 ? compared : Type[left].CompareTo(Type[right]);
        compared = compared != 0 ? compared : To[left].CompareTo(To[right]);
        compared = compared != 0 ? compared : string.CompareOrdinal(ExplicitKeys.GetValueOrDefault(left), ExplicitKeys.GetValueOrDefault(right));
        compared = compared != 0 ? compared : ValidFrom[left].CompareTo(ValidFrom[right]);
        compared = compared != 0 ? compared : ValidTo[left].CompareTo(ValidTo[right]);
        return compared != 0 ? compared : Status[left].CompareTo(Status[right]);
    }

    public EdgeColumns Trimmed()
    {
        if (Count != From.Length)
        {
            Resize(Count);
        }

        return this;
    }

    private void Resize(int size)
    {
        From = Resized(From, size);
        To = Resized(To, size);
        Type = Resized(Type, size);
        Status = Resized(Status, size);
        ValidFrom = Resized(ValidFrom, size);
        ValidTo = Resized(ValidTo, size);
        Sources = Resized(Sources, size);
    }

    private static T[] Resized<T>(T[] array, int size)
    {
        var resized = array;
        Array.Resize(ref resized, size);
        return resized;
    }
}
