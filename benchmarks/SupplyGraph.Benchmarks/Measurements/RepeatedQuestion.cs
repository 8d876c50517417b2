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
            var (paused, gen0, gen1, gen2, allocated) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
            var clock = Stopwatch.StartNew();
            var (explored, partial) = await prepared.Case.AskAsync(workload.Store, cancellationToken);
            Console.WriteLine(
                $"{caseName}: {clock.Elapsed.TotalMilliseconds:0.0} ms, {explored:N0} relationships explored{(partial ? ", partial" : string.Empty)}; " +
                $"GC paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms ({GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} collections of gen 0/1/2), {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:0} MB allocated");
            if (prepared.Case.Question == "exposure")
            {
                // What a query that does not select the paths costs (the hub-exposure flood's): the same search, nothing listed.
                var withoutPaths = new Domain.Questions.ExposureQuestion(prepared.Case.Subject, Domain.Questions.TraversalOptions.Create(asOf: QuestionSubjects.AsOf)) { WithPaths = false };
                (paused, gen0, gen1, gen2, allocated) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
                clock.Restart();
                var bare = await workload.Store.ExposureAsync(withoutPaths, cancellationToken);
                Console.WriteLine(
                    $"  without paths: {clock.Elapsed.TotalMilliseconds:0.0} ms, {bare.Explored.Relationships:N0} relationships explored{(bare.Partial ? ", partial" : string.Empty)}, {bare.Exposed.Count:N0} exposed; " +
                    $"GC paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms ({GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} collections of gen 0/1/2), {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:0} MB allocated");
            }

            if (time == 0 && prepared.Case.Question == "exposure")
            {
                // What the answer holds: the listing's share of the work.
                var answer = await workload.Store.ExposureAsync(new Domain.Questions.ExposureQuestion(prepared.Case.Subject, Domain.Questions.TraversalOptions.Create(asOf: QuestionSubjects.AsOf)), cancellationToken);
                Console.WriteLine($"  {answer.Exposed.Count:N0} exposed, {answer.Exposed.Sum(item => item.Paths.Count):N0} paths, {answer.Exposed.Sum(item => item.Paths.Sum(path => path.Length)):N0} relationships listed, {answer.Exposed.Count(item => item.Paths.Count == 0):N0} without a path; cut by {string.Join(", ", answer.Explored.CutBy)}");
            }
        }
    }
}
