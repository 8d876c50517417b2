namespace SupplyGraph.Api.GraphQL.Execution;

/// <summary>
/// How many values one answer may hold (each field of each object and each list item counts one). The answer is built
/// whole in memory before it is written, so this bounds both the memory a request takes and the size of its answer:
/// past it, the request is cancelled and answers <c>RESPONSE_TOO_LARGE</c> instead of growing without bound.
/// </summary>
internal sealed class ResponseBudget(int maxValues, CancellationTokenSource cancelExecution)
{
    /// <summary>The key of the budget in the execution's user context.</summary>
    public const string UserContextKey = "SupplyGraph.ResponseBudget";

    private long spent;

    public int MaxValues { get; } = maxValues;

    public bool Exceeded { get; private set; }

    public long Spent => Interlocked.Read(ref spent);

    /// <summary>Counts <paramref name="values"/> more; past the budget, cancels the execution.</summary>
    public void Charge(int values)
    {
        if (Interlocked.Add(ref spent, values) > MaxValues && !Exceeded)
        {
            Exceeded = true;
            cancelExecution.Cancel();
        }
    }
}
