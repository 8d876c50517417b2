namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// The narrow seam the store talks to Neo4j through. <see cref="QueryApiClient"/> implements it over the HTTP
/// Query API; a Bolt driver could implement it later without the store noticing.
/// </summary>
internal interface ICypherRunner
{
    /// <summary>Runs one statement in its own (implicit) transaction, retrying transient failures where safe.</summary>
    /// <param name="statement">The Cypher text.</param>
    /// <param name="parameters">Parameters as plain .NET values (see <see cref="QueryApiClient"/> for the mapping), or null.</param>
    /// <param name="options">Read or write, idempotency, counters.</param>
    /// <param name="cancellationToken">Cancels the whole call, including retries.</param>
    Task<CypherResult> RunAsync(
        string statement,
        IReadOnlyDictionary<string, object?>? parameters,
        CypherRunOptions options,
        CancellationToken cancellationToken = default);

    /// <summary>Begins an explicit transaction; dispose it to roll back whatever was not committed.</summary>
    Task<ICypherTransaction> BeginAsync(AccessMode accessMode, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a unit of work in one explicit transaction and, when it fails with a transient error (a lost connection,
    /// a restarting server, a deadlock), runs the whole unit again in a new transaction, as the official driver's
    /// <c>ExecuteReadAsync</c>/<c>ExecuteWriteAsync</c> do. The work commits (or leaves the transaction to be rolled
    /// back) itself, so it must be safe to run twice: reads, and writes that are idempotent (our upserts are).
    /// </summary>
    Task<T> ExecuteAsync<T>(AccessMode accessMode, Func<ICypherTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);
}
