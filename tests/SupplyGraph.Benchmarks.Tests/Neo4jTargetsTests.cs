using FluentAssertions;
using SupplyGraph.Benchmarks.Reporting;

namespace SupplyGraph.Benchmarks.Tests;

public sealed class Neo4jTargetsTests
{
    [Fact]
    public void Without_any_run_every_target_says_it_was_not_measured()
    {
        // arrange
        var runs = Array.Empty<Neo4jResult>();

        // act
        var verdicts = Neo4jTargets.Judge(runs).ToList();

        // assert
        verdicts.Should().NotBeEmpty();
        verdicts.Should().OnlyContain(verdict => verdict.Met == null && verdict.Measured == "-");
    }

    [Fact]
    public void Import_rate_is_judged_on_the_default_batch_size_against_50000_relationships_a_second()
    {
        // arrange: the larger batch would pass, but the service imports with the default
        var s = Run("S", imports: [new Neo4jImportRun(5000, 0.5, 0.7, 80_000), new Neo4jImportRun(1000, 1, 1.2, 45_000)]);
        var m = Run("M", imports: [new Neo4jImportRun(1000, 5, 6, 50_000)]);

        // act
        var verdicts = Verdicts(s, m);

        // assert
        verdicts.Single(pair => pair.Key.Contains("import of S", StringComparison.Ordinal)).Value.Should().BeFalse();
        verdicts.Single(pair => pair.Key.Contains("import of M", StringComparison.Ordinal)).Value.Should().BeTrue();
    }

    [Fact]
    public void Cold_start_is_judged_on_the_median_service_start_and_a_service_that_never_answered_misses()
    {
        // arrange
        var s = Run("S", coldStart: new Neo4jColdStart(1.5, [new ColdStartRun(4.0, 1 << 28), new ColdStartRun(6.0, 1 << 28), new ColdStartRun(4.5, 1 << 28)], null));
        var m = Run("M", coldStart: new Neo4jColdStart(12, [], "the service did not answer within 120 s"));

        // act
        var verdicts = Verdicts(s, m);

        // assert
        verdicts.Single(pair => pair.Key.Contains("existing S database <= 5 s", StringComparison.Ordinal)).Value.Should().BeTrue("the median start is 4.5 s");
        verdicts.Single(pair => pair.Key.Contains("existing M database <= 15 s", StringComparison.Ordinal)).Value.Should().BeFalse();
    }

    [Theory]
    [InlineData(1.0, 17.0, true)]
    [InlineData(1.0, 17.01, false)]
    [InlineData(400.0, 815.0, true)]
    public void A_question_is_within_its_bound_when_its_neo4j_p50_is_at_most_twice_the_embedded_p50_plus_15_ms(double embeddedP50, double neo4jP50, bool within)
    {
        // arrange
        var run = Run("S", cases: [Case("paths hub", neo4jP50, embeddedP50)]);

        // act
        var verdicts = Verdicts(run);

        // assert
        verdicts.Single(pair => pair.Key.EndsWith("p50 + 15 ms (S)", StringComparison.Ordinal)).Value.Should().Be(within);
    }

    [Fact]
    public void One_answer_that_differs_from_the_embedded_store_misses_the_equality_target_and_is_named()
    {
        // arrange
        var run = Run("seed", cases: [Case("paths model to chip", 1, 1), Case("exposure broad rule", 1, 1, mismatch: "partial yes in the embedded store, no in Neo4j")]);

        // act
        var verdict = Neo4jTargets.Judge([run]).Single(target => target.Target.EndsWith("partial flag) (seed)", StringComparison.Ordinal));

        // assert
        verdict.Met.Should().BeFalse();
        verdict.Measured.Should().Contain("exposure broad rule").And.Contain("partial yes");
    }

    [Fact]
    public void Freshness_misses_when_a_trial_took_over_2_s_or_never_showed_the_write()
    {
        // arrange
        var fresh = Run("S", freshness: new Neo4jFreshness("lab-0", "description", [new(20, 900), new(25, 1_950)]));
        var slow = Run("S", freshness: new Neo4jFreshness("lab-0", "description", [new(20, 900), new(25, 2_100)]));
        var unseen = Run("S", freshness: new Neo4jFreshness("lab-0", "description", [new(20, 900), new(25, null)]));

        // act
        bool? Verdict(Neo4jResult run) => Verdicts(run).Single(pair => pair.Key.Contains("write by another client", StringComparison.Ordinal)).Value;

        // assert
        Verdict(fresh).Should().BeTrue();
        Verdict(slow).Should().BeFalse();
        Verdict(unseen).Should().BeFalse();
    }

    [Fact]
    public void Eight_clients_meet_the_target_only_with_answers_and_no_503()
    {
        // arrange
        Neo4jClientsResult Clients(long requests, long unavailable, string? failure = null) =>
            new(8, 20, ["paths hub"], requests, unavailable, 0, 2, 9, new Dictionary<string, long> { ["200"] = requests - unavailable, ["503"] = unavailable }, failure);

        // act
        bool? Verdict(Neo4jClientsResult clients) => Verdicts(Run("S", clients: clients)).Single(pair => pair.Key.Contains("8 clients", StringComparison.Ordinal)).Value;

        // assert
        Verdict(Clients(10_000, 0)).Should().BeTrue();
        Verdict(Clients(10_000, 1)).Should().BeFalse();
        Verdict(Clients(0, 0, "no request was sent")).Should().BeFalse();
    }

    private static Dictionary<string, bool?> Verdicts(params Neo4jResult[] runs) =>
        Neo4jTargets.Judge(runs).ToDictionary(target => target.Target, target => target.Met);

    private static Neo4jQuestionResult Case(string name, double neo4jP50, double embeddedP50, string? mismatch = null) =>
        new(name, 10, neo4jP50, neo4jP50 * 2, embeddedP50, embeddedP50 * 2, 100, false, mismatch);

    private static Neo4jResult Run(
        string size,
        IReadOnlyList<Neo4jImportRun>? imports = null,
        Neo4jColdStart? coldStart = null,
        IReadOnlyList<Neo4jQuestionResult>? cases = null,
        Neo4jFreshness? freshness = null,
        Neo4jClientsResult? clients = null) =>
        new("Neo4j 5.26.0 community at http://127.0.0.1:7474/, database neo4j", size, 10, 40,
            imports ?? [new Neo4jImportRun(1000, 1, 1.1, 60_000)],
            coldStart ?? new Neo4jColdStart(1, [new ColdStartRun(2, 1 << 28)], null),
            "FB:bookmark", cases ?? [Case("paths hub", 1, 1)], freshness, clients);
}
