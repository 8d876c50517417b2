using FluentAssertions;
using SupplyGraph.Benchmarks.Reporting;

namespace SupplyGraph.Benchmarks.Tests;

public sealed class ResultsReportTests
{
    [Fact]
    public void Each_target_is_judged_from_the_numbers_and_unmeasured_targets_say_so()
    {
        // arrange
        var imports = new[] { new ImportResult("L", 1_000_000, 4_000_000, 25, 160_000, 200_000, 1L << 30, 1L << 29, 10) };
        var starts = new[] { new ColdStartResult("L", 1_000_000, 4_000_000, [new ColdStartRun(12, 2L << 30), new ColdStartRun(11, 2L << 30), new ColdStartRun(13, 2L << 30)]) };
        var questions = new[]
        {
            new QuestionResults("S", 10, 40, [Case("S", "paths hub", explored: 1000, p50: 0.1, bareExplored: 1000, bareP50: 0.01)]),
            new QuestionResults("L", 10, 40, [Case("L", "paths hub", explored: 1000, p50: 0.15, bareExplored: 1000, bareP50: 0.1)]),
        };

        // act
        var targets = ResultsReport.Targets(imports, starts, questions, []).ToDictionary(target => target.Target, target => target.Met);

        // assert
        targets.Single(pair => pair.Key.StartsWith("L import", StringComparison.Ordinal)).Value.Should().BeFalse();
        targets.Single(pair => pair.Key.EndsWith("<= 15 s", StringComparison.Ordinal)).Value.Should().BeTrue();
        targets.Single(pair => pair.Key.EndsWith("<= 3 GB resident", StringComparison.Ordinal)).Value.Should().BeTrue();
        targets.Single(pair => pair.Key.StartsWith("paths: cost", StringComparison.Ordinal)).Value.Should().BeFalse("S costs 10x its bare walk");
        targets.Single(pair => pair.Key.StartsWith("paths: time", StringComparison.Ordinal)).Value.Should().BeTrue("L takes 150 ns per relationship, S 100 ns");
        targets.Single(pair => pair.Key.StartsWith("Seed over HTTP: each", StringComparison.Ordinal)).Value.Should().BeNull();
    }

    private static QuestionResult Case(string size, string name, long explored, double p50, long bareExplored, double bareP50) =>
        new(size, name, "paths", "a -> b", explored, false, 10, p50, p50 * 2, p50, 1024, bareExplored, bareP50);
}
