using System.Diagnostics;
using System.Diagnostics.Metrics;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Domain.Importing;

/// <summary>
/// What every import records, whoever asked for it (the service's seed, the <c>import</c> verb, a test): rows, time
/// and rows per second, by store. The stores call <see cref="MeasureAsync"/> around their import, so the service's host
/// and the command line's record alike. Static, as a Meter is meant to be: nothing is recorded while no one listens.
/// </summary>
public static class ImportTelemetry
{
    public const string MeterName = "SupplyGraph.Import";

    public const string StoreTag = "supplygraph.store";
    public const string OutcomeTag = "supplygraph.import.outcome";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Rows = Meter.CreateCounter<long>(
        "supplygraph.import.rows",
        unit: "{row}",
        description: "Rows imported (entities and relationships, added, updated or unchanged), by store and outcome (committed or dry_run).");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "supplygraph.import.duration",
        unit: "s",
        description: "Time of one import, from its call until committed (or rolled back), by store and outcome (committed, dry_run or failed).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600] });

    private static readonly Histogram<double> Rate = Meter.CreateHistogram<double>(
        "supplygraph.import.rate",
        unit: "{row}/s",
        description: "Rows per second of one import (its rows over its duration), by store and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [100, 1_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000] });

    /// <summary>Runs <paramref name="import"/> and records its rows and time under <paramref name="store"/> (embedded, memory, neo4j).</summary>
    public static async Task<ImportSummary> MeasureAsync(string store, Func<Task<ImportSummary>> import)
    {
        ArgumentNullException.ThrowIfNull(import);
        var started = Stopwatch.GetTimestamp();
        ImportSummary summary;
        try
        {
            summary = await import();
        }
        catch
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, Tag(StoreTag, store), Tag(OutcomeTag, "failed"));
            throw;
        }

        Record(store, summary, Stopwatch.GetElapsedTime(started));
        return summary;
    }

    internal static void Record(string store, ImportSummary summary, TimeSpan elapsed)
    {
        var rows = Count(summary.Entities) + Count(summary.Relationships);
        var storeTag = Tag(StoreTag, store);
        var outcomeTag = Tag(OutcomeTag, summary.DryRun ? "dry_run" : "committed");
        Rows.Add(rows, storeTag, outcomeTag);
        Duration.Record(elapsed.TotalSeconds, storeTag, outcomeTag);
        if (elapsed > TimeSpan.Zero)
        {
            Rate.Record(rows / elapsed.TotalSeconds, storeTag, outcomeTag);
        }
    }

    private static long Count(ChangeCounts counts) => counts.Added + counts.Updated + counts.Unchanged;

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}
