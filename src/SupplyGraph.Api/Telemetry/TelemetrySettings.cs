namespace SupplyGraph.Api.Telemetry;

/// <summary>
/// <c>SupplyGraph:Telemetry</c>. OTLP export is not here: it follows the standard <c>OTEL_EXPORTER_OTLP_*</c> variables,
/// on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public sealed class TelemetrySettings
{
    public const string SectionName = "SupplyGraph:Telemetry";

    /// <summary>
    /// Off (<c>SUPPLYGRAPH_TELEMETRY=false</c>): no span, no metric, no exporter (Prometheus and OTLP settings are then
    /// ignored) and no trace id in log lines. On by default, where it costs a flag check per instrument until an exporter
    /// listens; the switch exists to measure that cost (benchmarks' <c>overhead</c> step) and to rule it out.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Serves the metrics at <see cref="PrometheusPath"/> in Prometheus text format (<c>SUPPLYGRAPH_PROMETHEUS=true</c>).
    /// Off by default: the numbers (store latency, refusals, operation names) are for the operator, and a public service
    /// should not hand them to anyone.
    /// </summary>
    public bool Prometheus { get; set; }

    public const string PrometheusPath = "/metrics";

    /// <summary>Prometheus is served only while telemetry is on.</summary>
    internal bool ServesPrometheus => Enabled && Prometheus;
}
