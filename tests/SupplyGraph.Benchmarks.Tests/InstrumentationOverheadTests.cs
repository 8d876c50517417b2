using FluentAssertions;
using SupplyGraph.Benchmarks.Measurements;
using SupplyGraph.Benchmarks.Reporting;

namespace SupplyGraph.Benchmarks.Tests;

public sealed class InstrumentationOverheadTests
{
    private static readonly string Off = InstrumentationOverhead.Configurations[0].Name;
    private static readonly string On = InstrumentationOverhead.Configurations[1].Name;
    private static readonly string Prometheus = InstrumentationOverhead.Configurations[2].Name;

    [Fact]
    public void Each_round_is_compared_with_its_own_baseline_so_a_machine_that_slows_down_cancels_out()
    {
        // arrange: the machine halves its speed in round 2; "on" costs 4% and Prometheus 20% in both rounds.
        var runs = new List<OverheadRun>
        {
            Run(Off, 1, requestsPerSecond: 1000, p50: 1.0),
            Run(On, 1, requestsPerSecond: 960, p50: 1.0),
            Run(Prometheus, 1, requestsPerSecond: 800, p50: 1.0),
            Run(Off, 2, requestsPerSecond: 500, p50: 2.0),
            Run(On, 2, requestsPerSecond: 480, p50: 2.0),
            Run(Prometheus, 2, requestsPerSecond: 400, p50: 2.0),
        };

        // act
        var result = InstrumentationOverhead.Summarize(runs, rounds: 2, "1 1 1", "1 1 1", quick: false);
        var report = OverheadReport.Section(result);

        // assert
        result.Paired.Single(each => each.Configuration == On).Cost.MixThroughput.Should().BeApproximately(4, 1e-9);
        result.Paired.Single(each => each.Configuration == Prometheus).Cost.FloorThroughput.Should().BeApproximately(20, 1e-9);
        result.Paired.Single(each => each.Configuration == On).Cost.LatencyP50.Should().BeApproximately(0, 1e-9);
        report.Should().Contain(OverheadReport.Heading)
            .And.MatchRegex(@"\| on, no exporter: [^\n]*\| met \|")
            .And.MatchRegex(@"\| Prometheus, scraped: [^\n]*\| \*\*missed\*\* \|");
    }

    [Fact]
    public void Without_a_result_the_section_says_it_was_not_run()
    {
        // act
        var report = OverheadReport.Section(null);

        // assert
        report.Should().Contain("Not run");
    }

    private static OverheadRun Run(string configuration, int round, double requestsPerSecond, double p50) =>
        new(configuration, round,
        [
            new HttpRun("__typename", "latency", 1, 1, 100, 100, p50, p50, p50 * 2, p50, p50 * 3, 0),
            new HttpRun("__typename (floor)", "throughput", 32, 4, 4000, requestsPerSecond, p50, p50, p50 * 2, p50, p50 * 3, 0),
            new HttpRun("mix of 8 questions", "throughput", 32, 4, 4000, requestsPerSecond, p50, p50, p50 * 2, p50, p50 * 3, 0),
        ],
        Scrapes: 0,
        FailedScrapes: 0,
        ScrapeBytes: 0);
}
