using System.Globalization;

namespace SupplyGraph.Benchmarks.Reporting;

/// <summary>Issue 19's targets for the Neo4j store (Neo4j the store of record, questions answered from its projection), and their verdicts.</summary>
public static class Neo4jTargets
{
    /// <summary>The store's and the service's default <c>ImportBatchSize</c>: the batch size the headline import rate is of.</summary>
    public const int DefaultImportBatchSize = 1000;

    public const double ImportRelationshipsPerSecond = 50_000;

    public const double FreshnessMilliseconds = 2_000;

    /// <summary>The 8-client run sends only questions the embedded store answers faster than this (p50, in process).</summary>
    public const double FastEmbeddedMilliseconds = 50;

    public const int Clients = 8;

    /// <summary>The sizes issue 19 sets its targets on.</summary>
    private static readonly string[] IssueSizes = ["seed", "S", "M"];

    /// <summary>Cold start bounds by size; sizes not named here have none.</summary>
    public static IReadOnlyDictionary<string, double> ColdStartSeconds { get; } = new Dictionary<string, double> { ["S"] = 5, ["M"] = 15 };

    /// <summary>The Neo4j store's p50 may be at most twice the embedded store's plus 15 ms.</summary>
    public static double AllowedP50Milliseconds(double embeddedP50Milliseconds) => 2 * embeddedP50Milliseconds + 15;

    /// <summary>Each target with what was measured and its verdict (null: not measured, e.g. no server named).</summary>
    public static IEnumerable<(string Target, string Measured, bool? Met)> Judge(IReadOnlyList<Neo4jResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        Neo4jResult? Run(string size) => runs.FirstOrDefault(run => run.Size == size);

        foreach (var size in new[] { "S", "M" })
        {
            var import = Run(size)?.DefaultImport;
            yield return (Invariant($"Neo4j: import of {size} through the store (emptied database, timed to the commit) >= {ImportRelationshipsPerSecond:N0} relationships/s"),
                import is null ? "-" : Invariant($"{import.RelationshipsPerSecond:N0}/s (batch {import.BatchSize}, {import.CommitSeconds:F1} s to the commit)"),
                import is null ? null : import.RelationshipsPerSecond >= ImportRelationshipsPerSecond);
        }

        foreach (var (size, bound) in ColdStartSeconds)
        {
            var start = Run(size)?.ColdStart;
            yield return (Invariant($"Neo4j: cold start of the service on the existing {size} database <= {bound:0} s (until a question answers)"),
                start is null ? "-" : ColdStartText(start),
                start is null ? null : start.MedianServiceSeconds <= bound);
        }

        // The question targets hold for every size issue 19 names, and for any other size that was run.
        foreach (var size in IssueSizes.Union(runs.Select(run => run.Size), StringComparer.Ordinal))
        {
            var cases = Run(size)?.Cases ?? [];
            var worst = cases.OrderByDescending(row => row.Neo4jP50Milliseconds - row.AllowedP50Milliseconds).FirstOrDefault();
            yield return (Invariant($"Neo4j: each question's p50 <= 2x the embedded store's p50 + 15 ms ({size})"),
                worst is null ? "-" : Invariant($"closest: {worst.Case} {worst.Neo4jP50Milliseconds:F2} ms vs allowed {worst.AllowedP50Milliseconds:F2} ms (embedded {worst.EmbeddedP50Milliseconds:F2} ms)"),
                worst is null ? null : cases.All(row => row.WithinAllowedP50));

            var mismatches = cases.Where(row => row.Mismatch is not null).ToList();
            yield return (Invariant($"Neo4j: every answer equals the embedded store's (entity ids, path summaries, partial flag) ({size})"),
                cases.Count == 0 ? "-" : mismatches.Count == 0 ? Invariant($"{cases.Count} of {cases.Count} equal") : string.Join("; ", mismatches.Select(row => $"{row.Case}: {row.Mismatch}")),
                cases.Count == 0 ? null : mismatches.Count == 0);
        }

        var freshness = Run("S")?.Freshness;
        yield return (Invariant($"Neo4j: a write by another client shows in the store's answers within {FreshnessMilliseconds / 1000:0} s (S, the slowest of the trials, from sending the write)"),
            freshness is null ? "-" : FreshnessText(freshness),
            freshness is null ? null : freshness.WorstMilliseconds <= FreshnessMilliseconds);

        var clients = Run("S")?.Clients;
        yield return (Invariant($"Neo4j: {Clients} clients over HTTP on S get no 503 on questions the embedded store answers under {FastEmbeddedMilliseconds:0} ms"),
            clients is null ? "-" : ClientsText(clients),
            clients is null ? null : clients.Failure is null && clients.Requests > 0 && clients.ServiceUnavailable == 0);
    }

    public static string ColdStartText(Neo4jColdStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var inProcess = Invariant($"in process {start.InProcessSeconds:F1} s");
        return start.MedianServiceSeconds is { } median
            ? Invariant($"{median:F1} s (median of {start.ServiceRuns.Count}), {start.MaxServiceResidentBytes / 1048576.0:N0} MiB resident; {inProcess}")
            : $"the service never answered: {start.ServiceFailure ?? "not run"}; {inProcess}";
    }

    public static string FreshnessText(Neo4jFreshness freshness)
    {
        ArgumentNullException.ThrowIfNull(freshness);
        var unseen = freshness.Trials.Count(trial => trial.VisibleAfterMilliseconds is null);
        var seen = freshness.Trials.Where(trial => trial.VisibleAfterMilliseconds is not null).Select(trial => trial.VisibleAfterMilliseconds!.Value.ToString("F0", CultureInfo.InvariantCulture));
        return Invariant($"{string.Join(", ", seen)} ms") + (unseen > 0 ? Invariant($"; {unseen} never seen") : string.Empty);
    }

    public static string ClientsText(Neo4jClientsResult clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        return clients.Failure is { } failure
            ? "not run: " + failure
            : Invariant($"{clients.ServiceUnavailable:N0} 503s of {clients.Requests:N0} requests ({clients.OtherFailures:N0} other failures; p50 {clients.P50Milliseconds:F1} ms, p99 {clients.P99Milliseconds:F1} ms over {clients.Seconds:0} s, {clients.Cases.Count} cases)");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
