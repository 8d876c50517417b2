using SupplyGraph.Store.Neo4j.Telemetry;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// An explicit Query API transaction: opened by its first statement (<c>POST .../tx</c>), continued at
/// <c>.../tx/{id}</c>, committed at <c>.../tx/{id}/commit</c>, rolled back by <c>DELETE .../tx/{id}</c>.
/// </summary>
/// <remarks>
/// None is left open on the server: what is not committed is rolled back on every path (disposal, a failure, the
/// caller's cancellation), by a <see cref="TransactionRollback"/> that does not use the caller's token. A statement
/// the caller cancels or times out keeps running on the server (recorded exchanges 48 and 58), so the rollback may have
/// to wait for it, in the background. An open request the caller cancels is not aborted: its answer is the only thing
/// that names the transaction it may open, so it is awaited in the background and that transaction rolled back.
/// </remarks>
internal sealed class QueryApiTransaction : ICypherTransaction
{
    private readonly QueryApiEndpoints endpoints;
    private readonly QueryApiSender sender;
    private readonly BookmarkSet bookmarks;
    private readonly TransactionRollback rollback;
    private IReadOnlyList<string> sentBookmarks = [];
    private string? clusterAffinity;
    private TransactionState state = TransactionState.NotStarted;
    private DateTimeOffset lastRequestSent;
    private TimeSpan? idleTimeout;

    public QueryApiTransaction(AccessMode accessMode, QueryApiEndpoints endpoints, QueryApiSender sender, BookmarkSet bookmarks, TransactionRollback rollback)
    {
        AccessMode = accessMode;
        this.endpoints = endpoints;
        this.sender = sender;
        this.bookmarks = bookmarks;
        this.rollback = rollback;
    }

    private enum TransactionState
    {
        NotStarted,
        Open,
        Failed,
        Committed,
        RolledBack,
    }

    public AccessMode AccessMode { get; }

    public string? Id { get; private set; }

    public DateTimeOffset? Expires { get; private set; }

    public async Task<CypherResult> RunAsync(
        string statement,
        IReadOnlyDictionary<string, object?>? parameters = null,
        bool includeCounters = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statement);
        EnsureUsable("run a statement in");

        // Cancelled before anything is sent: nothing happened; disposing rolls back what ran before.
        cancellationToken.ThrowIfCancellationRequested();
        if (state == TransactionState.NotStarted)
        {
            return await OpenAsync(statement, parameters, includeCounters, cancellationToken);
        }

        var body = RequestBody.ForStatement(statement, parameters, includeCounters, accessMode: null, bookmarks: null);
        var response = await SendAsync(Neo4jStoreTelemetry.TransactionRequest.Run, statement, HttpMethod.Post, endpoints.Transaction(Id!), body, cancellationToken);
        return response.Result;
    }

    public async Task<IReadOnlyList<string>> CommitAsync(CancellationToken cancellationToken = default)
    {
        EnsureUsable("commit");
        cancellationToken.ThrowIfCancellationRequested();
        if (state == TransactionState.NotStarted)
        {
            // Nothing reached the server, so there is nothing to commit.
            state = TransactionState.Committed;
            return [];
        }

        var response = await SendAsync(Neo4jStoreTelemetry.TransactionRequest.Commit, statement: null, HttpMethod.Post, endpoints.Commit(Id!), body: null, cancellationToken);
        return MarkCommitted(response).Bookmarks;
    }

    public async Task<CypherResult> CommitAsync(
        string finalStatement,
        IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(finalStatement);
        EnsureUsable("commit");
        cancellationToken.ThrowIfCancellationRequested();
        if (state == TransactionState.NotStarted)
        {
            var result = await OpenAsync(finalStatement, parameters, includeCounters: false, cancellationToken);
            var committed = await CommitAsync(cancellationToken);
            return result with { Bookmarks = committed };
        }

        var body = RequestBody.ForStatement(finalStatement, parameters, includeCounters: false, accessMode: null, bookmarks: null);
        var response = await SendAsync(Neo4jStoreTelemetry.TransactionRequest.Commit, finalStatement, HttpMethod.Post, endpoints.Commit(Id!), body, cancellationToken);
        return MarkCommitted(response);
    }

    /// <summary>
    /// Rolls back. The DELETE is sent even when <paramref name="cancellationToken"/> is cancelled (it has its own
    /// <see cref="Neo4jConnectionOptions.RollbackTimeout"/>); a DELETE the server refuses while a statement still runs
    /// is tried again in the background. Throws only when Neo4j refuses it for good in a transaction that had not failed.
    /// </summary>
    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        switch (state)
        {
            case TransactionState.Committed:
                throw new InvalidOperationException("The transaction was already committed; it cannot be rolled back.");
            case TransactionState.RolledBack:
                return;
            case TransactionState.NotStarted:
                state = TransactionState.RolledBack;
                return;
        }

        // After a failure the server has usually ended the transaction already, so a refusal then is expected.
        var failedBefore = state == TransactionState.Failed;
        var refusal = await RollBackOnServerAsync();
        if (refusal is not null && !failedBefore)
        {
            throw refusal;
        }
    }

    /// <summary>Rolls back what was not committed (see <see cref="RollbackAsync"/>); never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (state is TransactionState.Open or TransactionState.Failed)
        {
            await RollBackOnServerAsync();
        }

        state = state == TransactionState.Committed ? TransactionState.Committed : TransactionState.RolledBack;
    }

    private async Task<Neo4jException?> RollBackOnServerAsync()
    {
        state = TransactionState.RolledBack;
        if (Id is null)
        {
            // Never opened, or its open request was cancelled and is rolled back once answered (see OpenAsync).
            return null;
        }

        return await rollback.RollBackAsync(Id, clusterAffinity, TransactionRollback.ExpiresBy(lastRequestSent, idleTimeout));
    }

    private async Task<CypherResult> OpenAsync(
        string statement,
        IReadOnlyDictionary<string, object?>? parameters,
        bool includeCounters,
        CancellationToken cancellationToken)
    {
        using var span = Neo4jStoreTelemetry.StartTransactionRequest(Neo4jStoreTelemetry.TransactionRequest.Open, statement, endpoints.Database);
        sentBookmarks = bookmarks.Snapshot();
        var body = RequestBody.ForStatement(statement, parameters, includeCounters, AccessMode, sentBookmarks);
        var sentAt = rollback.Clock.GetUtcNow();
        lastRequestSent = sentAt;

        // Not aborted by the caller's token: see the remarks on the class. RequestTimeout still bounds it.
        var opening = sender.SendAsync(HttpMethod.Post, endpoints.Transactions, body, clusterAffinity: null, CancellationToken.None);
        QueryApiResponse response;
        try
        {
            response = await opening.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException canceled) when (cancellationToken.IsCancellationRequested)
        {
            state = TransactionState.Failed;
            rollback.RollBackOnceOpened(opening, sentAt);
            Neo4jStoreTelemetry.Failed(span, canceled);
            throw;
        }
        catch (Neo4jException failure)
        {
            state = TransactionState.Failed;
            Neo4jStoreTelemetry.Failed(span, failure);
            throw;
        }

        Learn(response, sentAt);
        if (response.TransactionId is null)
        {
            state = TransactionState.Failed;
            var noTransaction = new Neo4jException(
                Neo4jClientErrorCodes.InvalidResponse,
                $"Neo4j opened no transaction at {endpoints.Transactions.AbsolutePath}: its answer has no transaction id.",
                httpStatus: null);
            Neo4jStoreTelemetry.Failed(span, noTransaction);
            throw noTransaction;
        }

        Id = response.TransactionId;
        state = TransactionState.Open;
        Neo4jStoreTelemetry.Answered(span, response.Result, response.ReceivedBytes);
        return response.Result;
    }

    private async Task<QueryApiResponse> SendAsync(
        string request,
        string? statement,
        HttpMethod method,
        Uri uri,
        byte[]? body,
        CancellationToken cancellationToken)
    {
        using var span = Neo4jStoreTelemetry.StartTransactionRequest(request, statement, endpoints.Database);
        var sentAt = rollback.Clock.GetUtcNow();
        lastRequestSent = sentAt;
        try
        {
            var response = await sender.SendAsync(method, uri, body, clusterAffinity, cancellationToken);
            Learn(response, sentAt);
            Neo4jStoreTelemetry.Answered(span, response.Result, response.ReceivedBytes);
            return response;
        }
        catch (Exception failure) when (failure is Neo4jException or OperationCanceledException)
        {
            // The statement may still run on the server (a timeout or a cancel does not stop it); disposing rolls back.
            state = TransactionState.Failed;
            Neo4jStoreTelemetry.Failed(span, failure);
            throw;
        }
    }

    private void Learn(QueryApiResponse response, DateTimeOffset sentAt)
    {
        // Clusters pin a transaction to the member that opened it; later requests must say which.
        clusterAffinity = response.ClusterAffinity ?? clusterAffinity;
        Expires = response.TransactionExpires ?? Expires;
        idleTimeout = TransactionRollback.IdleTimeoutFrom(response.TransactionExpires, sentAt) ?? idleTimeout;
    }

    private CypherResult MarkCommitted(QueryApiResponse response)
    {
        state = TransactionState.Committed;
        bookmarks.Replace(sentBookmarks, response.Result.Bookmarks);
        return response.Result;
    }

    private void EnsureUsable(string action)
    {
        var reason = state switch
        {
            TransactionState.Committed => "it was already committed",
            TransactionState.RolledBack => "it was already rolled back",
            TransactionState.Failed => "an earlier request in it failed, which ends a transaction; begin a new one",
            _ => null,
        };
        if (reason is not null)
        {
            throw new InvalidOperationException($"Cannot {action} the transaction: {reason}.");
        }
    }
}
