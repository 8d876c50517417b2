using GraphQL;
using GraphQL.Execution;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Api.GraphQL.Errors;

/// <summary>Tells a store that cannot be reached (down, hanging, refusing connections) from one that answered with an error.</summary>
internal static class StoreErrors
{
    /// <summary>True when <paramref name="exception"/> (or what it wraps) says the store could not be reached in time.</summary>
    public static bool IsUnavailability(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case StoreUnavailableException:
                case HttpRequestException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>True when the request failed only because the store could not be reached, and nothing was answered.</summary>
    public static bool OnlyUnavailability(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Errors is not { Count: > 0 } errors || !errors.All(error => IsUnavailability(error.InnerException)))
        {
            return false;
        }

        return result.Data is not RootExecutionNode root || root.SubFields is null || root.SubFields.All(field => field.ToValue() is null);
    }
}
