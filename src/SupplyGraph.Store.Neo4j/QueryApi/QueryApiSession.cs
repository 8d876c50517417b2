namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// A logical session over a <see cref="QueryApiClient"/>'s connections: its statements, transactions and units of
/// work carry the session's own bookmarks (causal consistency within the session, as a driver session gives).
/// Thread-safe; cheap to start, nothing to dispose.
/// </summary>
internal sealed class QueryApiSession : ICypherRunner
{
    private readonly QueryApiEndpoints endpoints;
    private readonly QueryApiSender sender;
    private readonly RetryPolicy retryPolicy;
    private readonly Neo4jConnectionOptions options;
    private readonly TransactionRollback rollback;
    private readonly BookmarkSet bookmarks = new();

    internal QueryApiSession(
        QueryApiEndpoints endpoints,
        QueryApiSender sender,
        RetryPolicy retryPolicy,
        Neo4jConnectionOptions options,
        TransactionRollback rollback,
        IEnumerable<string>? bookmarks)
    {
        this.endpoints = endpoints;
        this.sender = sender;
        this.retryPolicy = retryPolicy;
        this.options = options;
        this.rollback = rollback;
        this.bookmarks.Replace([], [.. bookmarks ?? []]);
    }

    /// <summary>The bookmarks the session's next request will carry.</summary>
    public IReadOnlyList<string> Bookmarks => bookmarks.Snapshot();

    public Task<CypherResult> RunAsync(
        string statement,
        IReadOnlyDictionary<string, object?>? parameters,
        CypherRunOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statement);
        ArgumentNullException.ThrowIfNull(options);
        return retryPolicy.ExecuteAsync(
            token => RunOnceAsync(statement, parameters, options, token),
            options.MayRepeat,
            cancellationToken);
    }

    public Task<ICypherTransaction> BeginAsync(AccessMode accessMode, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<ICypherTransaction>(new QueryApiTransaction(accessMode, endpoints, sender, bookmarks, rollback));
    }

    public Task<T> ExecuteAsync<T>(AccessMode accessMode, Func<ICypherTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return retryPolicy.ExecuteUnitAsync(
            async token =>
            {
                // Disposing rolls back whatever the work did not commit, on success, failure and cancellation alike
                // (with its own timeout), before a transient failure has the whole unit run again in a new transaction.
                await using var transaction = await BeginAsync(accessMode, token);
                return await work(transaction, token);
            },
            options.MaxTransactionRetryTime,
            rollback.Clock,
            cancellationToken);
    }

    private async Task<CypherResult> RunOnceAsync(
        string statement,
        IReadOnlyDictionary<string, object?>? parameters,
        CypherRunOptions runOptions,
        CancellationToken cancellationToken)
    {
        var sent = bookmarks.Snapshot();
        var body = RequestBody.ForStatement(statement, parameters, runOptions.IncludeCounters, runOptions.AccessMode, sent);
        var response = await sender.SendAsync(HttpMethod.Post, endpoints.Query, body, clusterAffinity: null, cancellationToken);
        bookmarks.Replace(sent, response.Result.Bookmarks);
        return response.Result;
    }
}
