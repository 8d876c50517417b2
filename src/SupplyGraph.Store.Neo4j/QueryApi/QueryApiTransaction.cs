namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// An explicit Query API transaction: opened by its first statement (<c>POST .../tx</c>), continued at
/// <c>.../tx/{id}</c>, committed at <c>.../tx/{id}/commit</c>, rolled back by <c>DELETE .../tx/{id}</c>.
/// </summary>
internal sealed class QueryApiTransaction : ICypherTransaction
{
    private readonly QueryApiEndpoints endpoints;
    private readonly QueryApiSender sender;
    private readonly BookmarkSet bookmarks;
    private IReadOnlyList<string> sentBookmarks = [];
    private string? clusterAffinity;
    private TransactionState state = TransactionState.NotStarted;

    public QueryApiTransaction(AccessMode accessMode, QueryApiEndpoints endpoints, QueryApiSender sender, BookmarkSet bookmarks)
    {
        AccessMode = accessMode;
        this.endpoints = endpoints;
        this.sender = sender;
        this.bookmarks = bookmarks;
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
        if (state == TransactionState.NotStarted)
        {
            return await OpenAsync(statement, parameters, includeCounters, cancellationToken);
        }

        var body = RequestBody.ForStatement(statement, parameters, includeCounters, accessMode: null, bookmarks: null);
        var response = await SendAsync(HttpMethod.Post, endpoints.Transaction(Id!), body, cancellationToken);
        return response.Result;
    }

    public async Task<IReadOnlyList<string>> CommitAsync(CancellationToken cancellationToken = default)
    {
        EnsureUsable("commit");
        if (state == TransactionState.NotStarted)
        {
            // Nothing reached the server, so there is nothing to commit.
            state = TransactionState.Committed;
            return [];
        }

        var response = await SendAsync(HttpMethod.Post, endpoints.Commit(Id!), body: null, cancellationToken);
        return MarkCommitted(response).Bookmarks;
    }

    public async Task<CypherResult> CommitAsync(
        string finalStatement,
        IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(finalStatement);
        EnsureUsable("commit");
        if (state == TransactionState.NotStarted)
        {
            var result = await OpenAsync(finalStatement, parameters, includeCounters: false, cancellationToken);
            var committed = await CommitAsync(cancellationToken);
            return result with { Bookmarks = committed };
        }

        var body = RequestBody.ForStatement(finalStatement, parameters, includeCounters: false, accessMode: null, bookmarks: null);
        var response = await SendAsync(HttpMethod.Post, endpoints.Commit(Id!), body, cancellationToken);
        return MarkCommitted(response);
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        switch (state)
        {
            case TransactionState.Committed:
                throw new InvalidOperationException("The transaction was already committed; it cannot be rolled back.");
            case TransactionState.RolledBack:
                return;
            case TransactionState.Failed:
                // The failure usually ended the transaction on the server already, so a refusal here is expected.
                await TryRollbackAsync(cancellationToken);
                return;
            case TransactionState.NotStarted:
                state = TransactionState.RolledBack;
                return;
        }

        try
        {
            await sender.SendAsync(HttpMethod.Delete, endpoints.Transaction(Id!), body: null, clusterAffinity, cancellationToken);
        }
        finally
        {
            state = TransactionState.RolledBack;
        }
    }

    /// <summary>Rolls back what was not committed; failures are ignored, the server expires the transaction anyway.</summary>
    public async ValueTask DisposeAsync()
    {
        if (state is TransactionState.Open or TransactionState.Failed)
        {
            await TryRollbackAsync(CancellationToken.None);
        }

        state = state == TransactionState.Committed ? TransactionState.Committed : TransactionState.RolledBack;
    }

    private async Task<CypherResult> OpenAsync(
        string statement,
        IReadOnlyDictionary<string, object?>? parameters,
        bool includeCounters,
        CancellationToken cancellationToken)
    {
        sentBookmarks = bookmarks.Snapshot();
        var body = RequestBody.ForStatement(statement, parameters, includeCounters, AccessMode, sentBookmarks);
        var response = await SendAsync(HttpMethod.Post, endpoints.Transactions, body, cancellationToken);
        if (response.TransactionId is null)
        {
            state = TransactionState.Failed;
            throw new Neo4jException(
                Neo4jClientErrorCodes.InvalidResponse,
                $"Neo4j opened no transaction at {endpoints.Transactions.AbsolutePath}: its answer has no transaction id.",
                httpStatus: null);
        }

        Id = response.TransactionId;
        state = TransactionState.Open;
        return response.Result;
    }

    private async Task<QueryApiResponse> SendAsync(HttpMethod method, Uri uri, byte[]? body, CancellationToken cancellationToken)
    {
        try
        {
            var response = await sender.SendAsync(method, uri, body, clusterAffinity, cancellationToken);

            // Clusters pin a transaction to the member that opened it; later requests must say which.
            clusterAffinity = response.ClusterAffinity ?? clusterAffinity;
            Expires = response.TransactionExpires ?? Expires;
            return response;
        }
        catch (Exception failure) when (failure is Neo4jException or OperationCanceledException)
        {
            state = TransactionState.Failed;
            throw;
        }
    }

    private CypherResult MarkCommitted(QueryApiResponse response)
    {
        state = TransactionState.Committed;
        bookmarks.Replace(sentBookmarks, response.Result.Bookmarks);
        return response.Result;
    }

    private async Task TryRollbackAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (Id is not null)
            {
                await sender.SendAsync(HttpMethod.Delete, endpoints.Transaction(Id), body: null, clusterAffinity, cancellationToken);
            }
        }
        catch (Neo4jException)
        {
            // Already gone on the server (rolled back after the failure, or expired).
        }
        finally
        {
            state = TransactionState.RolledBack;
        }
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
