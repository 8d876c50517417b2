using System.Globalization;
using System.Text;
using SupplyGraph.Benchmarks.Measurements;

namespace SupplyGraph.Benchmarks.Reporting;

/// <summary>RESULTS.md's section for <c>overhead seed</c>: issue 21's targets with their verdicts, then each configuration's medians.</summary>
public static class OverheadReport
{
    public const string Heading = "## Instrumentation overhead over HTTP (issue 21, measured)";

    /// <summary>The issue's bounds: what each configuration may cost over telemetry off, in percent.</summary>
    public static readonly IReadOnlyDictionary<string, double> Bounds = new Dictionary<string, double>
    {
        [InstrumentationOverhead.Configurations[1].Name] = 5,
        [InstrumentationOverhead.Configurations[2].Name] = 15,
    };

    public static string Section(OverheadResult? result)
    {
        var md = new StringBuilder();
        md.AppendLine(Heading).AppendLine();
        if (result is null)
        {
            md.AppendLine("Not run (`bench overhead seed`).").AppendLine();
            return md.ToString();
        }

        md.AppendLine(Invariant($"`bench overhead seed`: the seed's HTTP load (the scenarios of `http seed`: each for 1 s on one connection, then 32 connections for 4 s on the floor and on the mix) against three services running side by side on one seeded store: telemetry off (`SUPPLYGRAPH_TELEMETRY=false`), on with no exporter (the default) and Prometheus on (`SUPPLYGRAPH_PROMETHEUS=true`, `/metrics` scraped every {InstrumentationOverhead.ScrapeInterval.TotalSeconds:0} s while it is under load). {result.Rounds} rounds; a round loads each service in turn, the order rotated. A cost is the median over rounds of the round's figure against the same round's telemetry-off figure (throughput lost, latency added); 1-connection latency is the geometric mean over the scenarios' p50 (or p99). Load average before/after: {result.LoadAverageBefore} / {result.LoadAverageAfter} on {result.Cores} cores{(result.Quick ? "; **quick run: do not quote**" : "")}.")).AppendLine();
        md.AppendLine("| target | measured (median of paired rounds) | verdict |").AppendLine("|---|---|---|");
        foreach (var (configuration, bound) in Bounds)
        {
            var cost = result.Paired.FirstOrDefault(each => each.Configuration == configuration)?.Cost;
            md.AppendLine(Invariant($"| {configuration}: throughput lost and p50 added <= {bound:0}% over telemetry off | {(cost is null ? "-" : Describe(cost))} | {(cost is null ? "not measured" : cost.Headline <= bound ? "met" : "**missed**")} |"));
        }

        md.AppendLine();
        md.AppendLine("Medians over rounds of each configuration's own figures:").AppendLine();
        md.AppendLine("| configuration | rounds | floor req/s | mix req/s | mix p50 ms | mix p99 ms | 1-connection p50 ms | 1-connection p99 ms | errors | scrapes (failed) |").AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var each in result.Configurations)
        {
            md.AppendLine(Invariant($"| {each.Configuration} | {each.Rounds} | {each.FloorRequestsPerSecond:N0} | {each.MixRequestsPerSecond:N0} | {each.MixP50Ms:F3} | {each.MixP99Ms:F3} | {each.LatencyP50Ms:F3} | {each.LatencyP99Ms:F3} | {each.Errors} | {each.Scrapes} ({each.FailedScrapes}) |"));
        }

        md.AppendLine();
        return md.ToString();
    }

    private static string Describe(OverheadPercentages cost) =>
        Invariant($"floor req/s {Signed(-cost.FloorThroughput)}, mix req/s {Signed(-cost.MixThroughput)}, mix p50 {Signed(cost.MixP50)}, 1-connection p50 {Signed(cost.LatencyP50)} (p99: mix {Signed(cost.MixP99)}, 1-connection {Signed(cost.LatencyP99)})");

    private static string Signed(double percent) => Invariant($"{(percent >= 0 ? "+" : "")}{percent:F1}%");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
