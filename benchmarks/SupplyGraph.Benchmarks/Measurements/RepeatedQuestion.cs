using System.Diagnostics;
using SupplyGraph.Benchmarks.Workloads;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// Asks one case's question again and again in this process, printing each answer's time: the workload to run under
/// a profiler (<c>dotnet-trace collect -- dotnet SupplyGraph.Benchmarks.dll repeat L "exposure hub regulation" 10</c>).
/// </summary>
public static class RepeatedQuestion
{
    public static async Task RunAsync(BenchmarkPaths paths, BenchmarkSize size, string caseName, int times, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        using var workload = await QuestionWorkload.OpenAsync(paths, size, cancellationToken);
        var prepared = workload.Case(caseName);
        for (var time = 0; time < times; time++)
        {
            var clock = Stopwatch.StartNew();
            var (explored, partial) = await prepared.Case.AskAsync(workload.Store, cancellationToken);
            Console.WriteLine($"{caseName}: {clock.Elapsed.TotalMilliseconds:0.0} ms, {explored:N0} relationships explored{(partial ? ", partial" : string.Empty)}");
        }
    }
}
