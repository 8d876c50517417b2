namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>How one implicit-transaction statement is run.</summary>
internal sealed record CypherRunOptions
{
    /// <summary>Read statements are sent with <c>accessMode: "Read"</c>, so the server refuses writes in them.</summary>
    public AccessMode AccessMode { get; init; } = AccessMode.Write;

    /// <summary>
    /// Whether running a write twice is harmless (MERGE-style upserts). Only then may a write be retried after a
    /// connection failure or timeout, when it cannot be known whether the first attempt committed.
    /// Reads are always treated as idempotent.
    /// </summary>
    public bool Idempotent { get; init; }

    /// <summary>Asks the server for <see cref="CypherResult.Counters"/>.</summary>
    public bool IncludeCounters { get; init; }

    public static CypherRunOptions Read { get; } = new() { AccessMode = AccessMode.Read };

    public static CypherRunOptions Write { get; } = new();

    public static CypherRunOptions IdempotentWrite { get; } = new() { Idempotent = true };

    internal bool MayRepeat => AccessMode == AccessMode.Read || Idempotent;
}
