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
        return new GraphIndex([.. nodes], nodeById, edges.Trimmed(), [.. sourceLists]);
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
    public Dictionary<int, string> ExplicitKeys { get; } = [];

    public Dictionary<int, string> Notes { get; } = [];

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
