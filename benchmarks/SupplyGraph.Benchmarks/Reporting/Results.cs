using System.Text.Json;
using System.Text.Json.Serialization;
using SupplyGraph.Benchmarks.Workloads;

namespace SupplyGraph.Benchmarks.Reporting;

public sealed record ImportResult(
    string Size,
    long Entities,
    long Relationships,
    double Seconds,
    double RelationshipsPerSecond,
    double RowsPerSecond,
    long PeakResidentBytes,
    long StoreFileBytes,
    double IndexLoadSeconds);

public sealed record ColdStartRun(double SecondsUntilAnswer, long ResidentBytesWhenReady);

public sealed record ColdStartResult(string Size, long Entities, long Relationships, IReadOnlyList<ColdStartRun> Runs)
{
    public double MedianSeconds => Runs.Select(run => run.SecondsUntilAnswer).Order().ElementAt(Runs.Count / 2);

    public long MaxResidentBytes => Runs.Max(run => run.ResidentBytesWhenReady);
}

public sealed record QuestionResult(
    string Size,
    string Case,
    string Question,
    string Subject,
    long Explored,
    bool Partial,
    int Samples,
    double P50Milliseconds,
    double P99Milliseconds,
    double MeanMilliseconds,
    long AllocatedBytesPerAnswer,
    long BareExplored,
    double BareP50Milliseconds)
{
    public double NanosecondsPerRelationship => P50Milliseconds * 1e6 / Math.Max(1, Explored);

    public double BareNanosecondsPerRelationship => BareP50Milliseconds * 1e6 / Math.Max(1, BareExplored);

    /// <summary>The question's cost per explored relationship over the bare walk's (target: at most 5).</summary>
    public double CostOverBareWalk => NanosecondsPerRelationship / BareNanosecondsPerRelationship;
}

public sealed record QuestionResults(string Size, long Entities, long Relationships, IReadOnlyList<QuestionResult> Cases);

/// <summary>One run of benchmarks/load/http-load.mjs, as it wrote it.</summary>
public sealed record HttpRun(
    string Name,
    string Kind,
    int Connections,
    double Seconds,
    long Requests,
    double RequestsPerSecond,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MeanMs,
    double MaxMs,
    long Errors);

public sealed record HttpResult(string Size, IReadOnlyList<HttpRun> Runs);

public sealed record SkippedResult(string Measurement, string Reason);

/// <summary>One import of the size's dataset into an emptied Neo4j database through the store, with one batch size.</summary>
/// <param name="BatchSize">Rows per UNWIND statement (<c>Neo4jStoreOptions.ImportBatchSize</c>; the service's default is 1000).</param>
/// <param name="CommitSeconds">From the call until Neo4j acknowledged the commit: what the rate is of.</param>
/// <param name="Seconds">The whole store call: the commit, then the store reading its projection again.</param>
public sealed record Neo4jImportRun(int BatchSize, double CommitSeconds, double Seconds, double RelationshipsPerSecond)
{
    public double ProjectionReadSeconds => Seconds - CommitSeconds;
}

/// <summary>
/// A new store on the database the import left. In process: <c>Neo4jGraphStore.Connect</c> then <c>InitializeAsync</c>
/// (schema statements and the projection read). The service: <c>supplygraph serve</c> with SUPPLYGRAPH_STORE=neo4j, from
/// process start until a question that reads the store answers; null runs and a failure when it never did.
/// </summary>
public sealed record Neo4jColdStart(double InProcessSeconds, IReadOnlyList<ColdStartRun> ServiceRuns, string? ServiceFailure)
{
    public double? MedianServiceSeconds => ServiceRuns.Count == 0 ? null : ServiceRuns.Select(run => run.SecondsUntilAnswer).Order().ElementAt(ServiceRuns.Count / 2);

    public long MaxServiceResidentBytes => ServiceRuns.Count == 0 ? -1 : ServiceRuns.Max(run => run.ResidentBytesWhenReady);
}

/// <summary>
/// One question case asked of the Neo4j store and of an in-memory embedded store holding the same dataset, in turns.
/// <paramref name="Mismatch"/> is null when both answers say the same (<c>AnswerDigest</c>), else what differs.
/// </summary>
public sealed record Neo4jQuestionResult(
    string Case,
    int Samples,
    double Neo4jP50Milliseconds,
    double Neo4jP99Milliseconds,
    double EmbeddedP50Milliseconds,
    double EmbeddedP99Milliseconds,
    long Explored,
    bool Partial,
    string? Mismatch)
{
    /// <summary>Issue 19's bound on the Neo4j store's p50: twice the embedded store's, plus 15 ms.</summary>
    public double AllowedP50Milliseconds => Neo4jTargets.AllowedP50Milliseconds(EmbeddedP50Milliseconds);

    public bool WithinAllowedP50 => Neo4jP50Milliseconds <= AllowedP50Milliseconds;
}

/// <summary>
/// A property written by another client (a separate Query API client, as Neo4j Browser writes), and how long from
/// sending that write until the store's <c>ResolveAsync</c> showed it (polled every 10 ms); null when it never did
/// within the bound.
/// </summary>
public sealed record Neo4jFreshnessTrial(double WriteMilliseconds, double? VisibleAfterMilliseconds);

public sealed record Neo4jFreshness(string Entity, string Property, IReadOnlyList<Neo4jFreshnessTrial> Trials)
{
    /// <summary>The slowest trial, or null when one never showed the write (then the target is missed).</summary>
    public double? WorstMilliseconds => Trials.Count == 0 || Trials.Any(trial => trial.VisibleAfterMilliseconds is null) ? null : Trials.Max(trial => trial.VisibleAfterMilliseconds);
}

/// <summary>
/// Concurrent clients over HTTP against the service on Neo4j, each sending the given cases in turn, one request after
/// another, for a bounded time: answers by status, and the 503s among them.
/// </summary>
public sealed record Neo4jClientsResult(
    int Clients,
    double Seconds,
    IReadOnlyList<string> Cases,
    long Requests,
    long ServiceUnavailable,
    long OtherFailures,
    double P50Milliseconds,
    double P99Milliseconds,
    IReadOnlyDictionary<string, long> ByStatus,
    string? Failure);

public sealed record Neo4jResult(
    string Server,
    string Size,
    long Entities,
    long Relationships,
    IReadOnlyList<Neo4jImportRun> Imports,
    Neo4jColdStart ColdStart,
    string? AnsweredAt,
    IReadOnlyList<Neo4jQuestionResult> Cases,
    Neo4jFreshness? Freshness,
    Neo4jClientsResult? Clients)
{
    /// <summary>The import with the store's default batch size: the headline rate.</summary>
    public Neo4jImportRun? DefaultImport => Imports.FirstOrDefault(run => run.BatchSize == Neo4jTargets.DefaultImportBatchSize) ?? (Imports.Count > 0 ? Imports[0] : null);
}

/// <summary>What the harness recorded before issue 19 (Neo4j answering with Cypher per question), kept as the "before" column.</summary>
public sealed record Neo4jBeforeResult(string Server, string Size, double ImportSeconds, double RelationshipsPerSecond, IReadOnlyList<Neo4jBeforeCase> Cases);

public sealed record Neo4jBeforeCase(string Case, double StoreP50Milliseconds, double StoreP99Milliseconds);

/// <summary>
/// The DeepSeek page of the dashboard in Chromium (benchmarks/dashboard/measure.mjs): milliseconds from navigation
/// start until every section has rendered (the page's ready flag), over fresh browser contexts; and the JS+CSS the
/// dashboard ships, gzipped.
/// </summary>
public sealed record DashboardResult(
    string Size,
    string Page,
    string Browser,
    int Runs,
    double ReadyP50Milliseconds,
    double ReadyP95Milliseconds,
    double ReadyMaxMilliseconds,
    double DomContentLoadedP50Milliseconds,
    long ShippedGzipBytes,
    long GraphiQLGzipBytes);

/// <summary>Reads and writes the per-measurement JSON files under benchmarks/results.</summary>
public static class ResultFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string PathOf(BenchmarkPaths paths, string measurement, string size) =>
        Path.Combine(paths.Results, $"{measurement}-{size}.json");

    public static void Write<T>(BenchmarkPaths paths, string measurement, string size, T result)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Directory.CreateDirectory(paths.Results);
        File.WriteAllText(PathOf(paths, measurement, size), JsonSerializer.Serialize(result, Json));
    }

    public static T? Read<T>(BenchmarkPaths paths, string measurement, string size)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(paths);
        var path = PathOf(paths, measurement, size);
        return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) : null;
    }
}
