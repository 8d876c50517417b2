using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// Passes every statement through to the real runner and remembers the auto-commit ones (the questions' reads),
/// so the very statements a store call sent can be sent again bare, without the store's work around them.
/// </summary>
internal sealed class RecordingCypherRunner(ICypherRunner inner) : ICypherRunner, IDisposable
{
    private readonly List<RecordedStatement> recorded = [];

    public IReadOnlyList<RecordedStatement> Recorded => recorded;

    public void Clear() => recorded.Clear();

    public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters, CypherRunOptions options, CancellationToken cancellationToken = default)
    {
        recorded.Add(new RecordedStatement(statement, parameters, options));
        return inner.RunAsync(statement, parameters, options, cancellationToken);
    }

    public Task<ICypherTransaction> BeginAsync(AccessMode accessMode, CancellationToken cancellationToken = default) =>
        inner.BeginAsync(accessMode, cancellationToken);

    /// <summary>Passes the unit through; the statements of a read unit are recorded as one transaction.</summary>
    public Task<T> ExecuteAsync<T>(AccessMode accessMode, Func<ICypherTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (accessMode != AccessMode.Read)
        {
            return inner.ExecuteAsync(accessMode, work, cancellationToken);
        }

        var unit = new List<(string Statement, IReadOnlyDictionary<string, object?>? Parameters)>();
        recorded.Add(new RecordedStatement(string.Empty, null, CypherRunOptions.Read) { Transaction = unit });
        return inner.ExecuteAsync(accessMode, (transaction, token) => work(new RecordingTransaction(transaction, unit), token), cancellationToken);
    }

    /// <summary>Sends the recorded statements again, one after another, as the store sent them (a unit in one transaction).</summary>
    public static async Task ReplayAsync(ICypherRunner runner, IReadOnlyList<RecordedStatement> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(statements);
        foreach (var statement in statements)
        {
            if (statement.Transaction is { } unit)
            {
                await using var transaction = await runner.BeginAsync(AccessMode.Read, cancellationToken);
                foreach (var (text, parameters) in unit)
                {
                    await transaction.RunAsync(text, parameters, cancellationToken: cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                continue;
            }

            await runner.RunAsync(statement.Statement, statement.Parameters, statement.Options, cancellationToken);
        }
    }

    private sealed class RecordingTransaction(ICypherTransaction inner, List<(string, IReadOnlyDictionary<string, object?>?)> unit) : ICypherTransaction
    {
        public AccessMode AccessMode => inner.AccessMode;

        public string? Id => inner.Id;

        public DateTimeOffset? Expires => inner.Expires;

        public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters = null, bool includeCounters = false, CancellationToken cancellationToken = default)
        {
            // A copy: the walk reuses nothing, but a replay must send what was sent then.
            unit.Add((statement, parameters is null ? null : new Dictionary<string, object?>(parameters)));
            return inner.RunAsync(statement, parameters, includeCounters, cancellationToken);
        }

        public Task<IReadOnlyList<string>> CommitAsync(CancellationToken cancellationToken = default) => inner.CommitAsync(cancellationToken);

        public Task<CypherResult> CommitAsync(string finalStatement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
        {
            unit.Add((finalStatement, parameters));
            return inner.CommitAsync(finalStatement, parameters, cancellationToken);
        }

        public Task RollbackAsync(CancellationToken cancellationToken = default) => inner.RollbackAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();
}

internal sealed record RecordedStatement(string Statement, IReadOnlyDictionary<string, object?>? Parameters, CypherRunOptions Options)
{
    /// <summary>The statements of a read unit of work, run in one transaction; null for an auto-commit statement.</summary>
    public IReadOnlyList<(string Statement, IReadOnlyDictionary<string, object?>? Parameters)>? Transaction { get; init; }
}
