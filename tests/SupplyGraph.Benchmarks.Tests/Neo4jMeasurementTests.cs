using System.Text.Json;
using FluentAssertions;
using SupplyGraph.Benchmarks.Measurements;
using SupplyGraph.Benchmarks.Reporting;
using SupplyGraph.Benchmarks.Workloads;
using SupplyGraph.Testing;

namespace SupplyGraph.Benchmarks.Tests;

public sealed class Neo4jMeasurementTests : IDisposable
{
    private readonly BenchmarkPaths paths = new(Path.Combine(Path.GetTempPath(), "supplygraph-bench-tests-" + Guid.NewGuid().ToString("N")));

    [Fact]
    public async Task Without_a_server_named_it_measures_nothing_and_records_why()
    {
        // arrange
        Func<string, string?> noServer = _ => null;

        // act
        var said = await Neo4jMeasurement.RunAsync(paths, BenchmarkSize.Parse("S"), quick: false, TestContext.Current.CancellationToken, noServer);

        // assert
        said.Should().Be("skipped: " + Neo4jMeasurement.SkippedReason);
        var recorded = ResultFiles.Read<SkippedResult>(paths, "neo4j", "S");
        recorded.Should().Be(new SkippedResult("neo4j", Neo4jMeasurement.SkippedReason));
        Directory.Exists(paths.Data).Should().BeFalse("no dataset is generated for a measurement that cannot run");
    }

    [Fact]
    public async Task The_report_shows_a_skipped_size_with_its_reason_and_keeps_the_numbers_recorded_before()
    {
        // arrange
        await Neo4jMeasurement.RunAsync(paths, BenchmarkSize.Seed, quick: false, TestContext.Current.CancellationToken, _ => "  ");
        ResultFiles.Write(paths, "neo4j", "seed-before", new Neo4jBeforeResult("Neo4j 5.26 Community on this machine", "seed", 0.3, 563, [new Neo4jBeforeCase("paths model to chip", 10.89, 26.03)]));

        // act
        var section = ResultsReport.Neo4jSection(paths);

        // assert
        section.Should().Contain("### seed: skipped").And.Contain(Neo4jMeasurement.SkippedReason);
        section.Should().Contain("| paths model to chip | 10.89 → - | 26.03 → - |");
        section.Should().Contain("not measured |", "no target can be judged without a run");
    }

    [Fact]
    public void The_report_puts_each_number_beside_the_one_recorded_before_issue_19()
    {
        // arrange
        ResultFiles.Write(paths, "neo4j", "S-before", new Neo4jBeforeResult("before", "S", 4.5, 9_192, [new Neo4jBeforeCase("paths hub model to hub foundry", 1120.49, 1302.04)]));
        ResultFiles.Write(paths, "neo4j", "S", new Neo4jResult(
            "Neo4j 5.26.0 community at http://127.0.0.1:7474/, database neo4j", "S", 10_000, 41_138,
            [new Neo4jImportRun(5000, 0.6, 0.9, 68_563), new Neo4jImportRun(1000, 0.8, 1.1, 51_422)],
            new Neo4jColdStart(0.9, [new ColdStartRun(2.1, 200L << 20), new ColdStartRun(2.0, 210L << 20), new ColdStartRun(2.2, 205L << 20)], null),
            "FB:abc",
            [new Neo4jQuestionResult("paths hub model to hub foundry", 60, 4.2, 6.1, 4.0, 5.9, 28_908, true, null)],
            new Neo4jFreshness("lab-000000", "description", [new Neo4jFreshnessTrial(12, 640), new Neo4jFreshnessTrial(11, 1_180)]),
            new Neo4jClientsResult(8, 20, ["paths hub model to hub foundry"], 30_000, 0, 0, 4.5, 11.2, new Dictionary<string, long> { ["200"] = 30_000 }, null)));

        // act
        var section = ResultsReport.Neo4jSection(paths);

        // assert
        section.Should().Contain("| 1000 | 0.80 s | 9,192 → 51,422 | 0.30 s |");
        section.Should().Contain("| 5000 | 0.60 s | - → 68,563 | 0.30 s |");
        section.Should().Contain("| 1120.49 → 4.20 | 1302.04 → 6.10 | 23.00 | yes |");
        section.Should().Contain("| Neo4j: import of S through the store (emptied database, timed to the commit) >= 50,000 relationships/s | 51,422/s (batch 1000, 0.8 s to the commit) | met |");
        section.Should().Contain("Neo4j: cold start of the service on the existing S database <= 5 s (until a question answers) | 2.1 s (median of 3)");
        section.Should().Contain("640, 1180 ms | met |");
        section.Should().Contain("0 503s of 30,000 requests");
    }

    [Fact]
    public void The_results_recorded_before_issue_19_still_read_as_the_before_column()
    {
        // arrange: the shape benchmarks/results/neo4j-S-before.json was written in
        var recorded = File.ReadAllText(RepositoryPaths.Combine("benchmarks", "results", "neo4j-S-before.json"));

        // act
        var before = JsonSerializer.Deserialize<Neo4jBeforeResult>(recorded, ResultFiles.Json)!;

        // assert
        before.RelationshipsPerSecond.Should().BeGreaterThan(0);
        before.Cases.Should().NotBeEmpty().And.OnlyContain(row => row.StoreP50Milliseconds > 0 && row.Case.Length > 0);
    }

    public void Dispose()
    {
        if (Directory.Exists(paths.Root))
        {
            Directory.Delete(paths.Root, recursive: true);
        }
    }
}
