namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// An explicit transaction. Not thread-safe: run its statements one after another. Statements inside it are
/// never retried, because after a failure the server has already ended the transaction.
/// </summary>
internal interface ICypherTransaction : IAsyncDisposable
{
    /// <summary>The access mode the transaction was begun with.</summary>
    AccessMode AccessMode { get; }

    /// <summary>The server's transaction id, or null while the transaction is not open on the server yet.</summary>
    string? Id { get; }

    /// <summary>When the server will roll the transaction back if it stays idle, or null if not known.</summary>
    DateTimeOffset? Expires { get; }

    /// <summary>Runs a statement inside the transaction.</summary>
    Task<CypherResult> RunAsync(
        string statement,
        IReadOnlyDictionary<string, object?>? parameters = null,
        bool includeCounters = false,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits and returns the bookmarks that name the committed state. If the connection fails meanwhile, whether
    /// the commit happened is unknown (<see cref="Neo4jException.OutcomeUnknown"/>).
    /// </summary>
    Task<IReadOnlyList<string>> CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs a last statement and commits in the same round trip; the result carries the bookmarks.</summary>
    Task<CypherResult> CommitAsync(
        string finalStatement,
        IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken cancellationToken = default);

    /// <summary>Rolls back. Does nothing if the transaction never reached the server or was already rolled back.</summary>
    Task RollbackAsync(CancellationToken cancellationToken = default);
}
