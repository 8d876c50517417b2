using System.Diagnostics;
using SupplyGraph.Benchmarks.Reporting;
using SupplyGraph.Benchmarks.Workloads;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Formats.Json;
using SupplyGraph.Generator;
using SupplyGraph.Store.Embedded;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// Imports a generated dataset file into an empty embedded store, streamed, and times it until the transaction
/// is committed (durable). Run in a process of its own, so the peak resident memory is the import's. Then times
/// loading the in-memory index from the new file, which is what a start on that store costs in-process.
/// </summary>
public static class ImportMeasurement
{
    public static string EnsureDataset(BenchmarkPaths paths, BenchmarkSize size)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(size);
        var file = size.DatasetPath(paths);
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(paths.Data);
            var clock = Stopwatch.StartNew();
            var summary = SyntheticSupplyChain.Write(file, size.Generated ?? throw new InvalidOperationException("the seed is not generated"));
            Console.WriteLine($"generated {file}: {summary} in {clock.Elapsed.TotalSeconds:F1} s");
        }

        return file;
    }

    public static async Task<ImportResult> RunAsync(BenchmarkPaths paths, BenchmarkSize size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(size);
        var file = EnsureDataset(paths, size);
        var storeDirectory = size.StoreDirectory(paths);
        if (Directory.Exists(storeDirectory))
        {
            Directory.Delete(storeDirectory, recursive: true);
        }

        var database = Path.Combine(storeDirectory, EmbeddedStoreOptions.DefaultFileName);
        var clock = Stopwatch.StartNew();
        long entities;
        long relationships;
        using (var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = database, RefreshIndexAfterImport = false }))
        {
            await store.InitializeAsync(cancellationToken);
            clock.Restart();
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            var summary = await store.ImportAsync(new DatasetFileSource(stream, Path.GetFileName(file)), ImportOptions.Default, cancellationToken);
            clock.Stop();
            entities = summary.Entities.Added + summary.Entities.Updated + summary.Entities.Unchanged;
            relationships = summary.Relationships.Added + summary.Relationships.Updated + summary.Relationships.Unchanged;
            Console.WriteLine($"imported {entities:N0} entities and {relationships:N0} relationships in {clock.Elapsed.TotalSeconds:F2} s");
        }

        var importSeconds = clock.Elapsed.TotalSeconds;
        var peak = ProcessMemory.PeakResidentBytes();
        var load = Stopwatch.StartNew();
        using (var reopened = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = database }))
        {
            await reopened.InitializeAsync(cancellationToken);
        }

        var result = new ImportResult(
            size.Name,
            entities,
            relationships,
            importSeconds,
            relationships / importSeconds,
            (entities + relationships) / importSeconds,
            peak,
            new FileInfo(database).Length,
            load.Elapsed.TotalSeconds);
        ResultFiles.Write(paths, "import", size.Name, result);
        return result;
    }
}
