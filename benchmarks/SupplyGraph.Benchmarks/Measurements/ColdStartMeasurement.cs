using SupplyGraph.Benchmarks.Reporting;
using SupplyGraph.Benchmarks.Workloads;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>Starts the host on the store the import left, three times: seconds until /graphql answers, resident memory then.</summary>
public static class ColdStartMeasurement
{
    private const int Runs = 3;

    public static async Task<ColdStartResult> RunAsync(BenchmarkPaths paths, BenchmarkSize size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(size);
        var import = ResultFiles.Read<ImportResult>(paths, "import", size.Name)
            ?? throw new InvalidOperationException($"no store for {size.Name}: run the import measurement first");
        var runs = new List<ColdStartRun>();
        for (var run = 0; run < Runs; run++)
        {
            await using var host = await HostProcess.StartAsync(paths.RepositoryRoot, size.StoreDirectory(paths), seedOnEmptyStore: false, cancellationToken);
            runs.Add(new ColdStartRun(host.StartedIn.TotalSeconds, host.ResidentBytes));
            Console.WriteLine($"cold start {size.Name}: answered after {host.StartedIn.TotalSeconds:F2} s, {host.ResidentBytes / 1048576.0:F0} MiB resident");
        }

        var result = new ColdStartResult(size.Name, import.Entities, import.Relationships, runs);
        ResultFiles.Write(paths, "coldstart", size.Name, result);
        return result;
    }
}
