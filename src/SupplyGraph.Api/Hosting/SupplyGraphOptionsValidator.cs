using Microsoft.Extensions.Options;

namespace SupplyGraph.Api.Hosting;

/// <summary>
/// Checks the <c>SupplyGraph</c> section at start-up, so a bad setting stops the host with a message that says what to
/// change. It also hands the settings' secrets to <see cref="CredentialRedaction"/> first, so that no message (these
/// failures included) prints them.
/// </summary>
internal sealed class SupplyGraphOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<SupplyGraphOptions>
{
    public ValidateOptionsResult Validate(string? name, SupplyGraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var secret in options.Neo4j.Secrets())
        {
            CredentialRedaction.AddSecret(secret);
        }

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
        else if (StoreNames.Normalize(options.Store) == StoreNames.Embedded && DataDirectoryProblem(options.DataDirectory) is { } problem)
        {
            failures.Add(problem);
        }

        failures.AddRange(options.Limits.Failures());
        failures.AddRange(Http.PersistedDocuments.TrustedDocumentStore.Problems(options.GraphQL, environment?.ContentRootPath ?? Directory.GetCurrentDirectory()));
        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures.Select(CredentialRedaction.Redact));
    }

    /// <summary>
    /// The data folder (or a folder above it) is a regular file: the store could neither create nor open it, and used to
    /// stop the host with an unhandled IOException (issue 20). Found here, it names the setting and the path.
    /// </summary>
    private string? DataDirectoryProblem(string dataDirectory)
    {
        string folder;
        try
        {
            // Relative to the content root, as the store resolves it (the working directory when there is no host).
            folder = Path.GetFullPath(dataDirectory, environment?.ContentRootPath ?? Directory.GetCurrentDirectory());
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"SupplyGraph:DataDirectory (SUPPLYGRAPH_DATA_DIR, --data-dir) is \"{dataDirectory}\", which is not a usable path: {exception.Message}";
        }

        for (var path = folder; !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (Directory.Exists(path))
            {
                return null;
            }

            if (File.Exists(path))
            {
                return path == folder
                    ? $"SupplyGraph:DataDirectory (SUPPLYGRAPH_DATA_DIR, --data-dir) is {folder}, which is a file, not a folder: point it at a folder (it is created when missing) or move the file away."
                    : $"SupplyGraph:DataDirectory (SUPPLYGRAPH_DATA_DIR, --data-dir) is {folder}, but {path} above it is a file, so the folder cannot be created: point the setting at a folder elsewhere or move the file away.";
            }
        }

        return null;
    }
}
