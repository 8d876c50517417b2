using System.Collections;
using SupplyGraph.Api.Telemetry;
using SupplyGraph.Store.Neo4j;

namespace SupplyGraph.Api.Hosting;

/// <summary>
/// The documented flat environment variables (<c>SUPPLYGRAPH_PORT</c>, ...) mapped onto keys of the
/// <c>SupplyGraph</c> section. <c>SupplyGraph__Port</c>-style variables and the command line still win over them.
/// </summary>
internal static class FlatEnvironmentVariables
{
    private static readonly Dictionary<string, string> KeysByVariable = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SUPPLYGRAPH_PORT"] = $"{SupplyGraphOptions.SectionName}:{nameof(SupplyGraphOptions.Port)}",
        ["SUPPLYGRAPH_BIND_ADDRESS"] = $"{SupplyGraphOptions.SectionName}:{nameof(SupplyGraphOptions.BindAddress)}",
        ["SUPPLYGRAPH_DATA_DIR"] = $"{SupplyGraphOptions.SectionName}:{nameof(SupplyGraphOptions.DataDirectory)}",
        ["SUPPLYGRAPH_STORE"] = $"{SupplyGraphOptions.SectionName}:{nameof(SupplyGraphOptions.Store)}",
        ["SUPPLYGRAPH_ALLOWED_HOSTS"] = $"{SupplyGraphOptions.SectionName}:{nameof(SupplyGraphOptions.AllowedHosts)}",
        ["SUPPLYGRAPH_CORS_ORIGINS"] = $"{SupplyGraphOptions.SectionName}:{nameof(SupplyGraphOptions.CorsOrigins)}:0",
        ["SUPPLYGRAPH_INTROSPECTION"] = $"{SupplyGraphOptions.SectionName}:{nameof(SupplyGraphOptions.Introspection)}",
        ["SUPPLYGRAPH_TRUSTED_DOCUMENTS_ONLY"] = $"{SupplyGraphOptions.SectionName}:{GraphQLSettings.SectionName}:{nameof(GraphQLSettings.TrustedDocumentsOnly)}",
        ["SUPPLYGRAPH_TRUSTED_DOCUMENTS_FILE"] = $"{SupplyGraphOptions.SectionName}:{GraphQLSettings.SectionName}:{nameof(GraphQLSettings.TrustedDocumentsFile)}",
        ["SUPPLYGRAPH_REQUEST_TIMEOUT_SECONDS"] = $"{SupplyGraphOptions.SectionName}:{nameof(SupplyGraphOptions.Limits)}:{nameof(RequestLimits.RequestTimeoutSeconds)}",
        ["SUPPLYGRAPH_SEED_ON_EMPTY_STORE"] = $"{SupplyGraphOptions.SectionName}:{nameof(SupplyGraphOptions.SeedOnEmptyStore)}",
        ["SUPPLYGRAPH_START_TIMEOUT_SECONDS"] = $"{SupplyGraphOptions.SectionName}:{nameof(SupplyGraphOptions.StartTimeoutSeconds)}",
        ["SUPPLYGRAPH_NEO4J_URI"] = $"{SupplyGraphOptions.SectionName}:Neo4j:{nameof(Neo4jSettings.Uri)}",
        ["SUPPLYGRAPH_NEO4J_USER"] = $"{SupplyGraphOptions.SectionName}:Neo4j:{nameof(Neo4jSettings.User)}",
        ["SUPPLYGRAPH_NEO4J_PASSWORD"] = $"{SupplyGraphOptions.SectionName}:Neo4j:{nameof(Neo4jSettings.Password)}",
        ["SUPPLYGRAPH_NEO4J_TOKEN"] = $"{SupplyGraphOptions.SectionName}:Neo4j:{nameof(Neo4jSettings.BearerToken)}",
        ["SUPPLYGRAPH_NEO4J_DATABASE"] = $"{SupplyGraphOptions.SectionName}:Neo4j:{nameof(Neo4jSettings.Database)}",
        ["SUPPLYGRAPH_NEO4J_PROJECTION_REFRESH_SECONDS"] = $"{SupplyGraphOptions.SectionName}:Neo4j:{nameof(Neo4jSettings.ProjectionRefreshSeconds)}",
        ["SUPPLYGRAPH_PROMETHEUS"] = $"{TelemetrySettings.SectionName}:{nameof(TelemetrySettings.Prometheus)}",
        ["SUPPLYGRAPH_TELEMETRY"] = $"{TelemetrySettings.SectionName}:{nameof(TelemetrySettings.Enabled)}",
    };

    /// <summary>The configuration keys and values set by the flat variables present in <paramref name="environment"/>.</summary>
    public static Dictionary<string, string?> ToConfiguration(IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name
                && KeysByVariable.TryGetValue(name, out var key)
                && entry.Value is string value
                && !string.IsNullOrWhiteSpace(value))
            {
                settings[key] = value.Trim();
            }
        }

        return settings;
    }
}
