using System.Diagnostics;
using SupplyGraph.Benchmarks.Reporting;
using SupplyGraph.Benchmarks.Workloads;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Store.Neo4j;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// On a Neo4j server (SUPPLYGRAPH_NEO4J_URI, _USER, _PASSWORD, _DATABASE, as the tests use): imports the seed
/// (an upsert: it changes nothing already there but adds the seed's rows), then times each seed question through the
/// Neo4j store and the very statements that call sent through the bare Query API client, and keeps the ratio.
/// Without a server it records why it was skipped, so the report says so instead of going quiet.
/// </summary>
public static class Neo4jMeasurement
{
    private const int Samples = 30;

    public static async Task<string> RunAsync(BenchmarkPaths paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var uri = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_URI");
        if (string.IsNullOrWhiteSpace(uri))
        {
            var reason = "SUPPLYGRAPH_NEO4J_URI is not set (and this harness starts no server), so the service-vs-bare-Query-API ratio on Neo4j was not measured.";
            ResultFiles.Write(paths, "neo4j", "all", new SkippedResult("neo4j", reason));
            return "skipped: " + reason;
        }

        var connection = new Neo4jConnectionOptions
        {
            Uri = new Uri(uri),
            User = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_USER") ?? "neo4j",
            Password = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_PASSWORD"),
            Database = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_DATABASE") ?? "neo4j",
        };
        using var bare = QueryApiClient.Create(connection);
        using var recorder = new RecordingCypherRunner(QueryApiClient.Create(connection));
        using var store = new Neo4jGraphStore(recorder, new Neo4jStoreOptions { Connection = connection });
        await store.InitializeAsync(cancellationToken);
        await store.ImportAsync(SeedDataset.Load(), cancellationToken);

        var rows = new List<Neo4jQuestionResult>();
        foreach (var question in QuestionSubjects.For(BenchmarkSize.Seed))
        {
            var throughStore = await TimeAsync(() => question.AskAsync(store, cancellationToken));
            recorder.Clear();
            await question.AskAsync(store, cancellationToken);
            var statements = recorder.Recorded.ToList();
            var throughBareApi = await TimeAsync(() => RecordingCypherRunner.ReplayAsync(bare, statements, cancellationToken));
            rows.Add(new Neo4jQuestionResult(question.Name, statements.Count, Percentiles.Median(throughStore), Percentiles.Median(throughBareApi)));
        }

        var result = new Neo4jResult(connection.Uri.ToString(), rows);
        ResultFiles.Write(paths, "neo4j", "all", result);
        return string.Join(Environment.NewLine, rows.Select(row => $"{row.Case}: store {row.StoreP50Milliseconds:F2} ms, bare {row.BareP50Milliseconds:F2} ms, {row.StoreOverBare:F2}x"));
    }

    private static async Task<List<double>> TimeAsync(Func<Task> call)
    {
        await call();
        var times = new List<double>(Samples);
        for (var i = 0; i < Samples; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }
}
