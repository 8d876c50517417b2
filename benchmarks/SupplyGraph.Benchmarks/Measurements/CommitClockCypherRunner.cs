using System.Diagnostics;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// Passes everything through to the real runner and notes when the last explicit write transaction's commit was
/// acknowledged. The store's import returns only after it has read its projection again, so without this note an
/// import's rate would include that read; with it, the import is timed to its commit and the read after it apart.
/// </summary>
internal sealed class CommitClockCypherRunner(ICypherRunner inner) : ICypherRunner, IDisposable
{
    private long lastWriteCommit;

    /// <summary>The <see cref="Stopwatch.GetTimestamp"/> at which the last write commit returned; null before any.</summary>
    public long? LastWriteCommitTimestamp => Interlocked.Read(ref lastWriteCommit) is var stamp && stamp != 0 ? stamp : null;

    public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters, CypherRunOptions options, CancellationToken cancellationToken = default) =>
        inner.RunAsync(statement, parameters, options, cancellationToken);

    public async Task<ICypherTransaction> BeginAsync(AccessMode accessMode, CancellationToken cancellationToken = default) =>
        Watch(await inner.BeginAsync(accessMode, cancellationToken));

    public Task<T> ExecuteAsync<T>(AccessMode accessMode, Func<ICypherTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return inner.ExecuteAsync(accessMode, (transaction, token) => work(Watch(transaction), token), cancellationToken);
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private ICypherTransaction Watch(ICypherTransaction transaction) =>
        transaction.AccessMode == AccessMode.Write ? new WatchedTransaction(transaction, this) : transaction;

    private void NoteCommit() => Interlocked.Exchange(ref lastWriteCommit, Stopwatch.GetTimestamp());

    private sealed class WatchedTransaction(ICypherTransaction inner, CommitClockCypherRunner clock) : ICypherTransaction
    {
        public AccessMode AccessMode => inner.AccessMode;

        public string? Id => inner.Id;

        public DateTimeOffset? Expires => inner.Expires;

        public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters = null, bool includeCounters = false, CancellationToken cancellationToken = default) =>
            inner.RunAsync(statement, parameters, includeCounters, cancellationToken);

        public async Task<IReadOnlyList<string>> CommitAsync(CancellationToken cancellationToken = default)
        {
            var bookmarks = await inner.CommitAsync(cancellationToken);
            clock.NoteCommit();
            return bookmarks;
        }

        public async Task<CypherResult> CommitAsync(string finalStatement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
        {
            var result = await inner.CommitAsync(finalStatement, parameters, cancellationToken);
            clock.NoteCommit();
            return result;
        }

        public Task RollbackAsync(CancellationToken cancellationToken = default) => inner.RollbackAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
