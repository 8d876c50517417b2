using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using SupplyGraph.Benchmarks.Reporting;
using SupplyGraph.Benchmarks.Workloads;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// Runs <see cref="QuestionBenchmarks"/> with BenchmarkDotNet for one size and keeps, per case, p50/p99 of single
/// answers (one invocation per iteration, so each sample is one answer's time), allocations per answer, and the
/// bare walk's time over the same number of relationships.
/// </summary>
public static class QuestionMeasurement
{
    public static async Task<QuestionResults> RunAsync(BenchmarkPaths paths, BenchmarkSize size, bool quick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(size);
        using var workload = await QuestionWorkload.OpenAsync(paths, size, cancellationToken);
        QuestionBenchmarks.Workload = workload;
        var iterations = quick ? 15 : size.Name == "L" ? 40 : 200;
        var job = Job.Default
            // In-process (the store is loaded once); a hub's exposure on L takes seconds an answer, so allow 30 minutes a case.
            .WithToolchain(new InProcessNoEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 1 : 3)
            .WithIterationCount(iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.P50, StatisticColumn.P95)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(Path.Combine(paths.Data, "BenchmarkDotNet", size.Name))
            .WithOption(ConfigOptions.DisableLogFile, true);
        var summary = BenchmarkRunner.Run<QuestionBenchmarks>(config);
        QuestionBenchmarks.Workload = null;

        var cases = new List<QuestionResult>();
        foreach (var prepared in workload.Cases)
        {
            var answer = Report(summary, prepared.Case.Name, "question");
            var bare = Report(summary, prepared.Case.Name, "bare walk");
            var answerTimes = Milliseconds(answer);
            var bareTimes = Milliseconds(bare);
            cases.Add(new QuestionResult(
                size.Name,
                prepared.Case.Name,
                prepared.Case.Question,
                prepared.Case.Subject + (prepared.Case.Target is { } target ? " -> " + target : string.Empty),
                prepared.Explored,
                prepared.Partial,
                answerTimes.Count,
                Percentiles.Of(answerTimes, 50),
                Percentiles.Of(answerTimes, 99),
                answerTimes.Average(),
                answer.GcStats.GetBytesAllocatedPerOperation(answer.BenchmarkCase) ?? -1,
                workload.BareWalk.Run(prepared.StartNode, prepared.Explored),
                Percentiles.Of(bareTimes, 50)));
        }

        var result = new QuestionResults(size.Name, workload.Index.NodeCount, workload.Index.EdgeCount, cases);
        ResultFiles.Write(paths, "questions", size.Name, result);
        return result;
    }

    private static BenchmarkReport Report(Summary summary, string caseName, string description) =>
        summary.Reports.SingleOrDefault(report =>
            report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'') == description
            && (string)report.BenchmarkCase.Parameters["Case"] == caseName)
        ?? throw new InvalidOperationException($"BenchmarkDotNet has no result for {description} / {caseName}");

    private static List<double> Milliseconds(BenchmarkReport report) =>
        report.ResultStatistics?.OriginalValues.Select(nanoseconds => nanoseconds / 1e6).ToList()
        ?? throw new InvalidOperationException($"{report.BenchmarkCase.DisplayInfo} failed: {string.Join("; ", report.ExecuteResults.SelectMany(result => result.Results))}");
}
