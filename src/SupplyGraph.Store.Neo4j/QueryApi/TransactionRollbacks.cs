using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>What became of one rollback, or of one step of it.</summary>
internal enum RollbackOutcome
{
    /// <summary>The DELETE answered 200: the transaction and its locks are gone.</summary>
    RolledBack,

    /// <summary>The DELETE answered 404: the server had already ended the transaction (a failure, expiry, a restart).</summary>
    AlreadyGone,

    /// <summary>
    /// The DELETE was refused while the caller waited (500 with an empty body while a statement of the transaction still
    /// runs, or no answer); it is tried again in the background.
    /// </summary>
    Deferred,

    /// <summary>The background tries ran out (attempts, or the transaction's expiry): the server's expiry job ends it.</summary>
    GaveUp,

    /// <summary>Neo4j refused the DELETE for good (e.g. authentication).</summary>
    Failed,
}

/// <param name="TransactionId">The server's id, or "(unknown)" for an open whose answer never came.</param>
/// <param name="Attempt">Which DELETE of this transaction it was: 1 for the one the caller waited for.</param>
internal sealed record RollbackRecord(string TransactionId, RollbackOutcome Outcome, int Attempt, string Detail);

/// <summary>
/// A client's account of its rollbacks: the ones that go on in the background after the caller has left are tracked
/// (so a test or a shutdown can wait for them), and what became of each is logged and kept (the latest
/// <see cref="Capacity"/>).
/// </summary>
internal sealed partial class TransactionRollbacks
{
    /// <summary>How many records are kept; older ones are dropped so a long-lived client does not grow.</summary>
    public const int Capacity = 200;

    private readonly ConcurrentQueue<RollbackRecord> records = new();
    private readonly ConcurrentDictionary<Task, byte> running = new();
    private readonly ILogger logger;

    public TransactionRollbacks(ILogger? logger = null, TimeProvider? clock = null)
    {
        this.logger = logger ?? NullLogger.Instance;
        Clock = clock ?? TimeProvider.System;
    }

    public TimeProvider Clock { get; }

    /// <summary>The latest rollbacks and background steps, oldest first.</summary>
    public IReadOnlyList<RollbackRecord> Records => [.. records];

    /// <summary>How many rollbacks are still being tried in the background.</summary>
    public int Running => running.Keys.Count(task => !task.IsCompleted);

    public void Record(RollbackRecord record)
    {
        records.Enqueue(record);
        while (records.Count > Capacity && records.TryDequeue(out _))
        {
        }

        switch (record.Outcome)
        {
            case RollbackOutcome.RolledBack or RollbackOutcome.AlreadyGone:
                LogSettled(record.TransactionId, record.Outcome, record.Attempt);
                break;
            case RollbackOutcome.Deferred:
                LogDeferred(record.TransactionId, record.Detail);
                break;
            default:
                LogAbandoned(record.TransactionId, record.Outcome, record.Attempt, record.Detail);
                break;
        }
    }

    /// <summary>Keeps <paramref name="background"/> (which must not fault) among the running rollbacks until it ends.</summary>
    public void Track(Task background)
    {
        running.TryAdd(background, 0);
        _ = background.ContinueWith(done => running.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits until no rollback runs in the background any more (including ones started meanwhile).</summary>
    public async Task WhenSettledAsync(CancellationToken cancellationToken)
    {
        while (running.Keys.Where(task => !task.IsCompleted).ToList() is { Count: > 0 } pending)
        {
            await Task.WhenAll(pending).WaitAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Neo4j transaction {TransactionId}: rollback {Outcome} (DELETE attempt {Attempt}).")]
    private partial void LogSettled(string transactionId, RollbackOutcome outcome, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Neo4j transaction {TransactionId}: rollback refused for now, trying again in the background: {Detail}")]
    private partial void LogDeferred(string transactionId, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Neo4j transaction {TransactionId}: rollback {Outcome} after {Attempt} DELETE attempts; the server ends it when it expires: {Detail}")]
    private partial void LogAbandoned(string transactionId, RollbackOutcome outcome, int attempt, string detail);
}
