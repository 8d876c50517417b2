using System.Diagnostics;
using SupplyGraph.Benchmarks.Reporting;
using SupplyGraph.Benchmarks.Workloads;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Neo4j;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// On the Neo4j server SUPPLYGRAPH_NEO4J_URI names (with _USER, _PASSWORD, _DATABASE, as the tests use):
/// CLEARS THE DATABASE, imports the size's dataset through the store (timed), then times each question
/// of the size through the Neo4j store and the very statements that call sent through the bare Query API client, and
/// keeps the ratio. Without a server it records why it was skipped, so the report says so instead of going quiet.
/// </summary>
public static class Neo4jMeasurement
{
    // The generated sizes' hub questions take seconds each: fewer samples there (p99 is then the slowest).
    private static int SamplesFor(BenchmarkSize size) => size.Generated is null ? 30 : 10;

    public static async Task<string> RunAsync(BenchmarkPaths paths, BenchmarkSize size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(size);
        var uri = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_URI");
        if (string.IsNullOrWhiteSpace(uri))
        {
            var reason = "SUPPLYGRAPH_NEO4J_URI names no Neo4j server, so Neo4j was not measured.";
            ResultFiles.Write(paths, "neo4j", size.Name, new SkippedResult("neo4j", reason));
            return "skipped: " + reason;
        }

        var connection = new Neo4jConnectionOptions
        {
            Uri = new Uri(uri),
            User = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_USER") ?? "neo4j",
            Password = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_PASSWORD"),
            Database = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_DATABASE") ?? "neo4j",
            RequestTimeout = TimeSpan.FromMinutes(5),
        };
        using var bare = QueryApiClient.Create(connection);
        using var recorder = new RecordingCypherRunner(QueryApiClient.Create(connection));
        using var store = new Neo4jGraphStore(recorder, new Neo4jStoreOptions { Connection = connection });
        await bare.WriteAsync(CypherScripts.ClearDatabase.Statement, null, idempotent: true, cancellationToken);
        await store.InitializeAsync(cancellationToken);

        var import = Stopwatch.StartNew();
        var summary = size.Generated is null
            ? await store.ImportAsync(SeedDataset.Load(), cancellationToken)
            : await store.ImportAsync(new DatasetFileSource(ImportMeasurement.EnsureDataset(paths, size)), ImportOptions.Default, cancellationToken);
        import.Stop();
        var relationships = summary.Relationships.Added + summary.Relationships.Updated + summary.Relationships.Unchanged;

        var rows = new List<Neo4jQuestionResult>();
        var cases = await QuestionSubjects.ForAsync(size, async id => (await store.ExposureAsync(new(id, Domain.Questions.TraversalOptions.Create(asOf: QuestionSubjects.AsOf)), cancellationToken)).Exposed.Count > 0);
        foreach (var question in cases)
        {
            var throughStore = await TimeAsync(() => question.AskAsync(store, cancellationToken), SamplesFor(size));
            recorder.Clear();
            var (explored, partial) = await question.AskAsync(store, cancellationToken);
            var statements = recorder.Recorded.ToList();
            var throughBareApi = await TimeAsync(() => RecordingCypherRunner.ReplayAsync(bare, statements, cancellationToken), SamplesFor(size));
            rows.Add(new Neo4jQuestionResult(
                question.Name,
                statements.Sum(statement => statement.Transaction?.Count ?? 1),
                Percentiles.Median(throughStore),
                Percentiles.Of(throughStore, 99),
                Percentiles.Median(throughBareApi),
                Percentiles.Of(throughBareApi, 99),
                explored,
                partial));
        }

        var result = new Neo4jResult(
            $"Neo4j at {new Neo4jConnectionOptions { Uri = new Uri(uri) }.RedactedUri}",
            size.Name,
            summary.Entities.Added + summary.Entities.Updated + summary.Entities.Unchanged,
            relationships,
            import.Elapsed.TotalSeconds,
            relationships / import.Elapsed.TotalSeconds,
            rows);
        ResultFiles.Write(paths, "neo4j", size.Name, result);
        return $"{size.Name}: import {relationships:N0} relationships in {import.Elapsed.TotalSeconds:F1} s ({result.RelationshipsPerSecond:N0}/s)"
            + Environment.NewLine
            + string.Join(Environment.NewLine, rows.Select(row => $"{row.Case}: store p50 {row.StoreP50Milliseconds:F2} ms p99 {row.StoreP99Milliseconds:F2} ms, bare p50 {row.BareP50Milliseconds:F2} ms, {row.StoreOverBare:F2}x"));
    }

    private static async Task<List<double>> TimeAsync(Func<Task> call, int samples)
    {
        await call();
        var times = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }
}
