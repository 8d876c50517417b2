using SupplyGraph.Store.Neo4j.Resilience;
using SupplyGraph.Store.Neo4j.Telemetry;

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
    private readonly Neo4jResilience resilience;
    private readonly Neo4jConnectionOptions options;
    private readonly TransactionRollback rollback;
    private readonly BookmarkSet bookmarks = new();

    internal QueryApiSession(
        QueryApiEndpoints endpoints,
        QueryApiSender sender,
        Neo4jResilience resilience,
        Neo4jConnectionOptions options,
        TransactionRollback rollback,
        IEnumerable<string>? bookmarks)
    {
        this.endpoints = endpoints;
        this.sender = sender;
        this.resilience = resilience;
        this.options = options;
        this.rollback = rollback;
        this.bookmarks.Replace([], [.. bookmarks ?? []]);
    }

    /// <summary>The bookmarks the session's next request will carry.</summary>
    public IReadOnlyList<string> Bookmarks => bookmarks.Snapshot();

    public async Task<CypherResult> RunAsync(
        string statement,
        IReadOnlyDictionary<string, object?>? parameters,
        CypherRunOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statement);
        ArgumentNullException.ThrowIfNull(options);
        using var span = Neo4jStoreTelemetry.StartStatement(statement, this.options.Database);
        long receivedBytes = 0;
        try
        {
            var result = await resilience.ExecuteStatementAsync(
                async token =>
                {
                    try
                    {
                        var response = await RunOnceAsync(statement, parameters, options, token);
                        receivedBytes += response.ReceivedBytes;
                        return response.Result;
                    }
                    catch (Neo4jException failure)
                    {
                        receivedBytes += failure.ReceivedBytes;
                        throw;
                    }
                },
                options.MayRepeat,
                span,
                cancellationToken);
            Neo4jStoreTelemetry.Answered(span, result, receivedBytes);
            return result;
        }
        catch (Exception failure) when (span is not null)
        {
            Neo4jStoreTelemetry.Failed(span, failure, receivedBytes);
            throw;
        }
    }

    public Task<ICypherTransaction> BeginAsync(AccessMode accessMode, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<ICypherTransaction>(new QueryApiTransaction(accessMode, endpoints, sender, bookmarks, rollback));
    }

    public async Task<T> ExecuteAsync<T>(AccessMode accessMode, Func<ICypherTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var span = Neo4jStoreTelemetry.StartUnitOfWork(accessMode, options.Database);
        try
        {
            return await resilience.ExecuteUnitAsync(
                async token =>
                {
                    // Disposing rolls back whatever the work did not commit, on success, failure and cancellation alike
                    // (with its own timeout), before a transient failure has the whole unit run again in a new transaction.
                    await using var transaction = await BeginAsync(accessMode, token);
                    return await work(transaction, token);
                },
                span,
                cancellationToken);
        }
        catch (Exception failure) when (span is not null)
        {
            Neo4jStoreTelemetry.Failed(span, failure);
            throw;
        }
    }

    private async Task<QueryApiResponse> RunOnceAsync(
        string statement,
        IReadOnlyDictionary<string, object?>? parameters,
        CypherRunOptions runOptions,
        CancellationToken cancellationToken)
    {
        var sent = bookmarks.Snapshot();
        var body = RequestBody.ForStatement(statement, parameters, runOptions.IncludeCounters, runOptions.AccessMode, sent);
        var response = await sender.SendAsync(HttpMethod.Post, endpoints.Query, body, clusterAffinity: null, cancellationToken);
        bookmarks.Replace(sent, response.Result.Bookmarks);
        return response;
    }
}
