using Microsoft.Extensions.Options;

namespace SupplyGraph.Api.Hosting;

/// <summary>Checks the <c>SupplyGraph</c> section at start-up, so a bad setting stops the host with a message that says what to change.</summary>
internal sealed class SupplyGraphOptionsValidator : IValidateOptions<SupplyGraphOptions>
{
    public ValidateOptionsResult Validate(string? name, SupplyGraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (StoreNames.Normalize(options.Store) is null)
        {
            failures.Add(
                $"SupplyGraph:Store (SUPPLYGRAPH_STORE) is \"{options.Store}\", which is not a supported store. "
                + $"Supported stores: {string.Join(", ", StoreNames.All)}.");
        }

        if (StoreNames.Normalize(options.Store) == StoreNames.Neo4j)
        {
            failures.AddRange(options.Neo4j.Failures());
        }

        if (double.IsNaN(options.StartTimeoutSeconds) || options.StartTimeoutSeconds is < 1 or > 86_400)
        {
            failures.Add($"SupplyGraph:StartTimeoutSeconds (SUPPLYGRAPH_START_TIMEOUT_SECONDS) must be from 1 to 86400 (a day); got {options.StartTimeoutSeconds}.");
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
}
