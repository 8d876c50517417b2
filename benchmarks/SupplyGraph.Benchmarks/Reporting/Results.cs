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

public sealed record Neo4jQuestionResult(
    string Case,
    int Statements,
    double StoreP50Milliseconds,
    double StoreP99Milliseconds,
    double BareP50Milliseconds,
    double BareP99Milliseconds,
    long Explored,
    bool Partial)
{
    public double StoreOverBare => StoreP50Milliseconds / BareP50Milliseconds;
}

public sealed record Neo4jResult(
    string Server,
    string Size,
    long Entities,
    long Relationships,
    double ImportSeconds,
    double RelationshipsPerSecond,
    IReadOnlyList<Neo4jQuestionResult> Cases);

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
