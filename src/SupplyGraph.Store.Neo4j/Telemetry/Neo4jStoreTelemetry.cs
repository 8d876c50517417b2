using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SupplyGraph.Store.Neo4j.Telemetry;

/// <summary>
/// The Neo4j store's spans and metrics, under its own name: the host adds it to its OpenTelemetry set-up (the store
/// does not know the API). Static, as ActivitySource and Meter are meant to be: nothing is recorded while no one listens.
/// </summary>
public static class Neo4jStoreTelemetry
{
    public const string Name = "SupplyGraph.Store.Neo4j";
    internal const string ProjectionRefreshSpan = "neo4j.projection.refresh";

    internal static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> RefreshDuration = Meter.CreateHistogram<double>(
        "supplygraph.neo4j.projection.refresh.duration", unit: "s", description: "Time to read the projection from Neo4j, per read.");

    private static readonly Gauge<long> Entities = Meter.CreateGauge<long>(
        "supplygraph.neo4j.projection.entities", unit: "{entity}", description: "Entities in the projection read last.");

    private static readonly Gauge<long> Relationships = Meter.CreateGauge<long>(
        "supplygraph.neo4j.projection.relationships", unit: "{relationship}", description: "Relationships in the projection read last.");

    // The newest read's time, for the age gauge. One projection per process in service; in a test process with
    // several stores the age is the youngest one's, which is what a single-store dashboard would show anyway.
    private static long loadedAtTicks;

    static Neo4jStoreTelemetry()
    {
        Meter.CreateObservableGauge(
            "supplygraph.neo4j.projection.age",
            () => Interlocked.Read(ref loadedAtTicks) is var ticks and > 0
                ? new[] { new Measurement<double>((DateTimeOffset.UtcNow - new DateTimeOffset(ticks, TimeSpan.Zero)).TotalSeconds) }
                : [],
            unit: "s",
            description: "Seconds since the projection answering now was read from Neo4j (absent before the first read).");
    }

    internal static void RecordProjection(TimeSpan elapsed, long entities, long relationships, DateTimeOffset loadedAt)
    {
        RefreshDuration.Record(elapsed.TotalSeconds);
        Entities.Record(entities);
        Relationships.Record(relationships);
        Interlocked.Exchange(ref loadedAtTicks, loadedAt.UtcTicks);
    }
}
