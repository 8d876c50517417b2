using System.Net;

using SupplyGraph.Store.Neo4j.Telemetry;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// Rolls explicit transactions back so that none is left open on the server, whatever the caller's token says: the
/// DELETE gets its own short timeout (<see cref="Neo4jConnectionOptions.RollbackTimeout"/>), and a DELETE refused
/// because a statement of the transaction still runs on the server (recorded exchange 59: 500, empty body; the
/// statement a client timed out on keeps waiting for its lock) is tried again in the background, a bounded number of
/// times, until the transaction would expire anyway.
/// </summary>
internal sealed class TransactionRollback
{
    /// <summary>DELETEs per transaction at most, the one the caller waits for included.</summary>
    public const int MaxAttempts = 12;

    /// <summary>The idle timeout when a transaction's own cannot be learned: <c>server.queryapi.transaction_idle_timeout</c>'s default.</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Beyond the expiry: the server's job that rolls expired transactions back runs every 5 s.</summary>
    private static readonly TimeSpan ExpiryGrace = TimeSpan.FromSeconds(5);

    /// <summary>The longest pause between background DELETEs: the first ones come quickly, the later spread to the expiry.</summary>
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(10);

    private readonly QueryApiSender sender;
    private readonly QueryApiEndpoints endpoints;
    private readonly Neo4jConnectionOptions options;

    public TransactionRollback(QueryApiSender sender, QueryApiEndpoints endpoints, Neo4jConnectionOptions options, TransactionRollbacks rollbacks)
    {
        this.sender = sender;
        this.endpoints = endpoints;
        this.options = options;
        Rollbacks = rollbacks;
    }

    private enum Verdict
    {
        Done,
        TryLater,
        Refused,
    }

    public TransactionRollbacks Rollbacks { get; }

    public TimeProvider Clock => Rollbacks.Clock;

    /// <summary>
    /// Sends the DELETE once and waits for it (at most <see cref="Neo4jConnectionOptions.RollbackTimeout"/>); if the
    /// server cannot roll back yet, goes on trying in the background until <paramref name="expiresBy"/>.
    /// </summary>
    /// <returns>Neo4j's final refusal, for a caller who asked to roll back explicitly; null otherwise.</returns>
    public async Task<Neo4jException?> RollBackAsync(string transactionId, string? clusterAffinity, DateTimeOffset expiresBy)
    {
        var error = await TryDeleteAsync(transactionId, clusterAffinity);
        switch (Judge(error))
        {
            case Verdict.Done:
                Rollbacks.Record(new RollbackRecord(transactionId, Settled(error), 1, "answered while the caller waited"));
                return null;
            case Verdict.TryLater:
                Rollbacks.Record(new RollbackRecord(transactionId, RollbackOutcome.Deferred, 1, error!.Message));
                Rollbacks.Track(RetryInBackgroundAsync(transactionId, clusterAffinity, expiresBy + ExpiryGrace));
                return null;
            default:
                Rollbacks.Record(new RollbackRecord(transactionId, RollbackOutcome.Failed, 1, error!.Message));
                return error;
        }
    }

    /// <summary>
    /// For an open request the caller stopped waiting for: the server may open the transaction all the same, and only
    /// the answer names it, so the answer is awaited in the background and what it opened is rolled back.
    /// </summary>
    public void RollBackOnceOpened(Task<QueryApiResponse> opening, DateTimeOffset sentAt) =>
        Rollbacks.Track(RollBackOnceOpenedAsync(opening, sentAt));

    /// <summary>When the transaction will expire, in this client's clock: its last request plus the idle timeout.</summary>
    public static DateTimeOffset ExpiresBy(DateTimeOffset lastRequestSent, TimeSpan? idleTimeout) =>
        lastRequestSent + (idleTimeout ?? DefaultIdleTimeout);

    /// <summary>
    /// The idle timeout the server's <c>expires</c> implies (its last request plus the timeout, second precision), or
    /// null when the clocks disagree too much for it to be believed.
    /// </summary>
    public static TimeSpan? IdleTimeoutFrom(DateTimeOffset? expires, DateTimeOffset sentAt) =>
        expires - sentAt is { } idle && idle >= TimeSpan.FromSeconds(1) && idle <= TimeSpan.FromHours(1) ? idle + TimeSpan.FromSeconds(1) : null;

    private static Verdict Judge(Neo4jException? error) => error switch
    {
        null => Verdict.Done,
        { Kind: Neo4jFailureKind.TransactionGone } => Verdict.Done,

        // Exchange 59: a statement of the transaction still waits on the server; the DELETE rolls nothing back yet.
        { Code: Neo4jClientErrorCodes.HttpError, HttpStatus: HttpStatusCode.InternalServerError } => Verdict.TryLater,
        { IsRetryable: true } => Verdict.TryLater,
        _ => Verdict.Refused,
    };

    private static RollbackOutcome Settled(Neo4jException? error) => error is null ? RollbackOutcome.RolledBack : RollbackOutcome.AlreadyGone;

    private async Task RollBackOnceOpenedAsync(Task<QueryApiResponse> opening, DateTimeOffset sentAt)
    {
        QueryApiResponse response;
        try
        {
            response = await opening;
        }
        catch (Neo4jException error)
        {
            // Refused: nothing opened. Unanswered: whatever opened is unnamed, so only its expiry can end it.
            if (error.OutcomeUnknown)
            {
                Rollbacks.Record(new RollbackRecord("(unknown)", RollbackOutcome.GaveUp, 0, $"the open request was cancelled and then failed: {error.Message}"));
            }

            return;
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        if (response.TransactionId is { } id)
        {
            var expiresBy = ExpiresBy(sentAt, IdleTimeoutFrom(response.TransactionExpires, sentAt));
            await RollBackAsync(id, response.ClusterAffinity, expiresBy);
        }
    }

    private async Task RetryInBackgroundAsync(string transactionId, string? clusterAffinity, DateTimeOffset giveUpAt)
    {
        Neo4jException? error = null;
        for (var attempt = 2; attempt <= MaxAttempts; attempt++)
        {
            await Task.Delay(PauseBefore(attempt), Clock);
            if (Clock.GetUtcNow() > giveUpAt)
            {
                Rollbacks.Record(new RollbackRecord(transactionId, RollbackOutcome.GaveUp, attempt - 1, "the transaction has expired on the server by now"));
                return;
            }

            error = await TryDeleteAsync(transactionId, clusterAffinity);
            switch (Judge(error))
            {
                case Verdict.Done:
                    Rollbacks.Record(new RollbackRecord(transactionId, Settled(error), attempt, "answered in the background"));
                    return;
                case Verdict.Refused:
                    Rollbacks.Record(new RollbackRecord(transactionId, RollbackOutcome.Failed, attempt, error!.Message));
                    return;
            }
        }

        Rollbacks.Record(new RollbackRecord(transactionId, RollbackOutcome.GaveUp, MaxAttempts, error?.Message ?? "no attempt left"));
    }

    /// <summary>Doubling from <see cref="Neo4jConnectionOptions.RetryBaseDelay"/>, capped at <see cref="MaxPause"/>.</summary>
    private TimeSpan PauseBefore(int attempt)
    {
        var pause = TimeSpan.FromTicks((long)Math.Min(options.RetryBaseDelay.Ticks * Math.Pow(2, attempt - 2), MaxPause.Ticks));
        return pause;
    }

    private async Task<Neo4jException?> TryDeleteAsync(string transactionId, string? clusterAffinity)
    {
        using var span = Neo4jStoreTelemetry.StartTransactionRequest(Neo4jStoreTelemetry.TransactionRequest.Rollback, statement: null, endpoints.Database);
        try
        {
            // Never the caller's token: a caller who cancelled must still leave no transaction (and its locks) behind.
            var response = await sender.SendAsync(HttpMethod.Delete, endpoints.Transaction(transactionId), body: null, clusterAffinity, sender.Resilience.Rollback, CancellationToken.None);
            Neo4jStoreTelemetry.Answered(span, response.Result, response.ReceivedBytes);
            return null;
        }
        catch (Neo4jException error)
        {
            Neo4jStoreTelemetry.Failed(span, error);
            return error;
        }
        catch (ObjectDisposedException disposed)
        {
            // The client was disposed meanwhile: no request can be sent any more.
            return new Neo4jException(Neo4jClientErrorCodes.HttpError, $"The client was disposed: {disposed.Message}", httpStatus: null, disposed);
        }
    }
}
