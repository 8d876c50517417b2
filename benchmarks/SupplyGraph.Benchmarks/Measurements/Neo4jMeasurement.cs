using SupplyGraph.Benchmarks.Reporting;
using SupplyGraph.Benchmarks.Workloads;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// The Neo4j comparison (the service's questions against the same statements sent bare through the Query API)
/// needs a server. Without one it records why it was skipped, so the report says so instead of going quiet.
/// </summary>
public static class Neo4jMeasurement
{
    public static string Run(BenchmarkPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var uri = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_URI");
        var reason = string.IsNullOrWhiteSpace(uri)
            ? "SUPPLYGRAPH_NEO4J_URI is not set and this machine has no Docker engine or Neo4j server, so the service-vs-bare-Query-API ratio on Neo4j was not measured."
            : "a Neo4j server is configured, but this harness does not yet drive the Neo4j comparison; it was not measured.";
        var skipped = new SkippedResult("neo4j", reason);
        ResultFiles.Write(paths, "neo4j", "all", skipped);
        return "skipped: " + reason;
    }
}
