using Microsoft.Extensions.Options;

namespace SupplyGraph.Api.Hosting;

/// <summary>Checks the <c>SupplyGraph</c> section at start-up, so a bad setting stops the host with a message that says what to change.</summary>
public sealed class SupplyGraphOptionsValidator : IValidateOptions<SupplyGraphOptions>
{
    public ValidateOptionsResult Validate(string? name, SupplyGraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!StoreKinds.IsSupported(options.Store))
        {
            failures.Add(
                $"SupplyGraph:Store (SUPPLYGRAPH_STORE) is \"{options.Store}\", which is not a supported store. "
                + $"Supported stores: {string.Join(", ", StoreKinds.Names)}.");
        }

        if (string.Equals(options.Store?.Trim(), StoreKinds.Neo4j, StringComparison.OrdinalIgnoreCase))
        {
            failures.AddRange(Neo4jFailures(options.Neo4j));
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"SupplyGraph:Port (SUPPLYGRAPH_PORT) must be between 1 and 65535; got {options.Port}.");
        }

        if (string.IsNullOrWhiteSpace(options.BindAddress))
        {
            failures.Add("SupplyGraph:BindAddress (SUPPLYGRAPH_BIND_ADDRESS) must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("SupplyGraph:DataDirectory (SUPPLYGRAPH_DATA_DIR) must not be empty.");
        }

        failures.AddRange(options.Limits.Failures());
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Neo4jFailures(Neo4jSettings neo4j)
    {
        if (string.IsNullOrWhiteSpace(neo4j.Uri))
        {
            yield return "SupplyGraph:Neo4j:Uri (SUPPLYGRAPH_NEO4J_URI) is required for the neo4j store: the HTTP address of the Query API, e.g. http://localhost:7474.";
            yield break;
        }

        string? problem = null;
        try
        {
            StoreKinds.Neo4jConnection(neo4j).Validate();
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or UriFormatException)
        {
            problem = exception.Message;
        }

        if (problem is not null)
        {
            yield return $"SupplyGraph:Neo4j (SUPPLYGRAPH_NEO4J_*): {problem}";
        }

        if (neo4j.RequestTimeoutSeconds is < 1 or > 86_400)
        {
            yield return $"SupplyGraph:Neo4j:RequestTimeoutSeconds must be from 1 to 86400 (a day); got {neo4j.RequestTimeoutSeconds}.";
        }

        if (neo4j.WalkReadBudget < 1)
        {
            yield return $"SupplyGraph:Neo4j:WalkReadBudget (SUPPLYGRAPH_NEO4J_WALK_READ_BUDGET) must be at least 1 relationship; got {neo4j.WalkReadBudget}.";
        }
    }
}
