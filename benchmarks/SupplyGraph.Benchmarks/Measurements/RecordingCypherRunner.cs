using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// Passes every statement through to the real runner and remembers the auto-commit ones (the questions' reads),
/// so the very statements a store call sent can be sent again bare, without the store's work around them.
/// </summary>
public sealed class RecordingCypherRunner(ICypherRunner inner) : ICypherRunner, IDisposable
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

    /// <summary>Sends the recorded statements again, one after another, as the store sent them.</summary>
    public static async Task ReplayAsync(ICypherRunner runner, IReadOnlyList<RecordedStatement> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(statements);
        foreach (var statement in statements)
        {
            await runner.RunAsync(statement.Statement, statement.Parameters, statement.Options, cancellationToken);
        }
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();
}

public sealed record RecordedStatement(string Statement, IReadOnlyDictionary<string, object?>? Parameters, CypherRunOptions Options);
