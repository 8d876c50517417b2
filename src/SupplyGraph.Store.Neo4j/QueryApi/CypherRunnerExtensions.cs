namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>Shorthands for the common kinds of implicit-transaction statements.</summary>
internal static class CypherRunnerExtensions
{
    public static Task<CypherResult> ReadAsync(
        this ICypherRunner runner,
        string statement,
        IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        return runner.RunAsync(statement, parameters, CypherRunOptions.Read, cancellationToken);
    }

    /// <summary>Runs a write; pass <paramref name="idempotent"/> only when repeating it is harmless.</summary>
    public static Task<CypherResult> WriteAsync(
        this ICypherRunner runner,
        string statement,
        IReadOnlyDictionary<string, object?>? parameters = null,
        bool idempotent = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var options = idempotent ? CypherRunOptions.IdempotentWrite : CypherRunOptions.Write;
        return runner.RunAsync(statement, parameters, options, cancellationToken);
    }
}
