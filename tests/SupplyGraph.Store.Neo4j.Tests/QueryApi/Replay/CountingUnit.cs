using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

/// <summary>
/// A unit of work for <see cref="ICypherRunner.ExecuteAsync{T}"/>: runs its statements in the transaction and
/// commits, counting its tries and keeping the failures that ended them, so a test can see how each was classified.
/// </summary>
internal sealed class CountingUnit(params (string Statement, IReadOnlyDictionary<string, object?>? Parameters)[] statements)
{
    private readonly List<Neo4jException> failures = [];

    public int Tries { get; private set; }

    public IReadOnlyList<Neo4jException> Failures => failures;

    public static CountingUnit Of(params string[] statements) => new([.. statements.Select(statement => (statement, (IReadOnlyDictionary<string, object?>?)null))]);

    public async Task<IReadOnlyList<string>> RunAsync(ICypherTransaction transaction, CancellationToken cancellationToken)
    {
        Tries++;
        try
        {
            foreach (var (statement, parameters) in statements)
            {
                await transaction.RunAsync(statement, parameters, cancellationToken: cancellationToken);
            }

            return await transaction.CommitAsync(cancellationToken);
        }
        catch (Neo4jException failure)
        {
            failures.Add(failure);
            throw;
        }
    }
}
