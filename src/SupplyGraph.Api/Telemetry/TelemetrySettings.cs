namespace SupplyGraph.Api.Telemetry;

/// <summary>
/// <c>SupplyGraph:Telemetry</c>. OTLP export is not here: it follows the standard <c>OTEL_EXPORTER_OTLP_*</c> variables,
/// on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public sealed class TelemetrySettings
{
    public const string SectionName = "SupplyGraph:Telemetry";

    /// <summary>
    /// Serves the metrics at <see cref="PrometheusPath"/> in Prometheus text format. Off by default: the numbers (store
    /// latency, refusals, operation names) are for the operator, and a public service should not hand them to anyone.
    /// </summary>
    public bool Prometheus { get; set; }

    public const string PrometheusPath = "/metrics";
}
