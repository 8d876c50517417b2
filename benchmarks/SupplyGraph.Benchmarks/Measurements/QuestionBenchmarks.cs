using BenchmarkDotNet.Attributes;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// BenchmarkDotNet cases: each headline question, and the bare walk over as many relationships from the same
/// start. Runs in-process (<see cref="QuestionMeasurement"/> opens the store once and sets <see cref="Workload"/>).
/// </summary>
public class QuestionBenchmarks
{
    private PreparedCase current = null!;

    /// <summary>Set before BenchmarkDotNet runs; in-process, so the store is loaded once for every case.</summary>
    public static QuestionWorkload? Workload { get; set; }

    public static IEnumerable<string> CaseNames => Workload?.Cases.Select(prepared => prepared.Case.Name) ?? [];

    [ParamsSource(nameof(CaseNames))]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup() => current = (Workload ?? throw new InvalidOperationException("no workload")).Case(Case);

    [Benchmark(Description = "question")]
    public long Answer() => current.Case.AskAsync(Workload!.Store, CancellationToken.None).GetAwaiter().GetResult().Explored;

    [Benchmark(Description = "bare walk")]
    public long BareWalk() => Workload!.BareWalk.Run(current.StartNode, current.Explored);
}
