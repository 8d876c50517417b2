using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace SupplyGraph.Api.GraphQL.Execution;

/// <summary>graphql-dotnet's parallel strategy, charging every node it makes to the request's <see cref="ResponseBudget"/>.</summary>
internal sealed class BudgetedExecutionStrategy : ParallelExecutionStrategy
{
    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parent);
        base.SetSubFieldNodes(context, parent);
        Charge(context, parent.SubFields?.Length ?? 0);
    }

    protected override async Task SetArrayItemNodesAsync(ExecutionContext context, ArrayExecutionNode parent)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parent);
        await base.SetArrayItemNodesAsync(context, parent);
        Charge(context, parent.Items?.Count ?? 0);
    }

    private static void Charge(ExecutionContext context, int values)
    {
        if (context.UserContext.TryGetValue(ResponseBudget.UserContextKey, out var found) && found is ResponseBudget budget)
        {
            budget.Charge(values);
            context.CancellationToken.ThrowIfCancellationRequested();
        }
    }
}
