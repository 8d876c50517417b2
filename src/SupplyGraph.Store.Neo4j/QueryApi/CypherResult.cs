namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>What one statement returned.</summary>
internal sealed record CypherResult
{
    public static CypherResult Empty { get; } = new();

    /// <summary>The column names, in order.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    public IReadOnlyList<CypherRow> Rows { get; init; } = [];

    /// <summary>What the statement changed; null unless counters were asked for.</summary>
    public CypherCounters? Counters { get; init; }

    /// <summary>Warnings and hints the server attached, such as an unknown label.</summary>
    public IReadOnlyList<CypherNotification> Notifications { get; init; } = [];

    /// <summary>The bookmarks of the committed state; empty inside an explicit transaction until commit.</summary>
    public IReadOnlyList<string> Bookmarks { get; init; } = [];
}
