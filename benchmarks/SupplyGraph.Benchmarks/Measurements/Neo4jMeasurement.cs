using System.Diagnostics;
using System.Globalization;
using SupplyGraph.Benchmarks.Reporting;
using SupplyGraph.Benchmarks.Workloads;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Embedded;
using SupplyGraph.Store.Neo4j;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// Issue 19's targets on the Neo4j server SUPPLYGRAPH_NEO4J_URI names (with _USER, _PASSWORD, _DATABASE, as the tests
/// use). It CLEARS THAT DATABASE, then: imports the size's dataset through the store, once per batch size (each into
/// an emptied database), timed to the commit; starts a new store on the database left (in process, then the service
/// three times, until a question answers); asks every question case of the size of that store and of an in-memory
/// embedded store holding the same dataset, in turns, comparing the answers; writes a property through a separate
/// Query API client and times until the store shows it; and runs 8 clients over HTTP against the service. Without a
/// server it records why it was skipped, so the report says so instead of going quiet. Every loop is bounded in count
/// and time; traffic goes only to that server and to 127.0.0.1.
/// </summary>
public static class Neo4jMeasurement
{
    public const string SkippedReason = "SUPPLYGRAPH_NEO4J_URI names no Neo4j server, so Neo4j was not measured.";

    private static readonly TimeSpan ServiceReadyTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan FreshnessTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FreshnessPoll = TimeSpan.FromMilliseconds(10);

    /// <param name="environment">Where SUPPLYGRAPH_NEO4J_* are read from; the process environment when null (tests pass their own).</param>
    public static async Task<string> RunAsync(BenchmarkPaths paths, BenchmarkSize size, bool quick, CancellationToken cancellationToken, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(size);
        environment ??= Environment.GetEnvironmentVariable;
        var uri = environment("SUPPLYGRAPH_NEO4J_URI");
        if (string.IsNullOrWhiteSpace(uri))
        {
            ResultFiles.Write(paths, "neo4j", size.Name, new SkippedResult("neo4j", SkippedReason));
            return "skipped: " + SkippedReason;
        }

        var settings = new Neo4jSettings
        {
            Uri = uri,
            // A user written into the address wins over the default, as in the service.
            User = environment("SUPPLYGRAPH_NEO4J_USER") ?? (new Uri(uri).UserInfo.Length > 0 ? null : "neo4j"),
            Password = environment("SUPPLYGRAPH_NEO4J_PASSWORD"),
            BearerToken = environment("SUPPLYGRAPH_NEO4J_TOKEN"),
            Database = environment("SUPPLYGRAPH_NEO4J_DATABASE") ?? "neo4j",
            // An M import is one transaction of minutes at the old rates: the default 30 s per request would cut it.
            RequestTimeoutSeconds = 600,
        };
        var connection = settings.ToStoreOptions().Connection;
        using var bare = QueryApiClient.Create(connection);
        var server = await ServerAsync(bare, connection, cancellationToken);
        Console.WriteLine($"neo4j {size.Name}: {server}; its database {connection.Database} is cleared before each import");

        // 1. Import into an emptied database, once per batch size; the last one leaves the data the rest measures.
        var batchSizes = quick ? new[] { Neo4jTargets.DefaultImportBatchSize } : [5000, Neo4jTargets.DefaultImportBatchSize];
        var imports = new List<Neo4jImportRun>();
        long entities = 0, relationships = 0;
        foreach (var batchSize in batchSizes)
        {
            var (run, entityCount, relationshipCount) = await ImportAsync(paths, size, connection, bare, batchSize, cancellationToken);
            imports.Add(run);
            (entities, relationships) = (entityCount, relationshipCount);
            Console.WriteLine(Invariant($"import {size.Name}, batch {batchSize}: {relationships:N0} relationships committed in {run.CommitSeconds:F1} s ({run.RelationshipsPerSecond:N0}/s), projection read after it {run.ProjectionReadSeconds:F1} s"));
        }

        // 2a. Cold start in process: a new store on the existing database, until its projection is read.
        var options = new Neo4jStoreOptions { Connection = connection };
        var coldClock = Stopwatch.StartNew();
        using var store = Neo4jGraphStore.Connect(options);
        await store.InitializeAsync(cancellationToken);
        var inProcessSeconds = coldClock.Elapsed.TotalSeconds;
        Console.WriteLine(Invariant($"cold start in process: {inProcessSeconds:F2} s, answering at {store.AnsweringAt}"));

        // 3. Each question of the Neo4j store and of the embedded store with the same dataset, in turns.
        using var embedded = await EmbeddedWithAsync(paths, size, cancellationToken);
        var cases = await QuestionSubjects.ForAsync(size, async id => (await embedded.ExposureAsync(new ExposureQuestion(id, TraversalOptions.Create(asOf: QuestionSubjects.AsOf)), cancellationToken)).Exposed.Count > 0);
        var rows = new List<Neo4jQuestionResult>();
        foreach (var question in cases)
        {
            rows.Add(await CompareAsync(question, store, embedded, size, quick, cancellationToken));
            var row = rows[^1];
            Console.WriteLine(Invariant($"{row.Case}: neo4j p50 {row.Neo4jP50Milliseconds:F2} ms p99 {row.Neo4jP99Milliseconds:F2} ms, embedded p50 {row.EmbeddedP50Milliseconds:F2} ms ({row.Samples} samples){(row.Mismatch is null ? ", same answer" : ", ANSWERS DIFFER: " + row.Mismatch)}"));
        }

        var answeredAt = store.AnsweringAt;

        // 4. Freshness: another client's write, until the store shows it.
        var subject = (await store.ResolveAsync(cases[0].Subject, cancellationToken)).Id;
        var freshness = await FreshnessAsync(connection, store, subject, quick ? 2 : 5, cancellationToken);
        Console.WriteLine($"freshness on {subject}: {Neo4jTargets.FreshnessText(freshness)}");
        store.Dispose();

        // 2b and 5. The service on the existing database, started three times; 8 clients on the last one.
        var fast = cases.Where(question => rows.Single(row => row.Case == question.Name).EmbeddedP50Milliseconds < Neo4jTargets.FastEmbeddedMilliseconds).ToList();
        var (coldStart, clients) = await ServiceAsync(paths, size, connection, subject, inProcessSeconds, fast, quick, cancellationToken);
        Console.WriteLine($"cold start of the service: {Neo4jTargets.ColdStartText(coldStart)}");
        if (clients is not null)
        {
            Console.WriteLine($"{Neo4jTargets.Clients} clients: {Neo4jTargets.ClientsText(clients)}");
        }

        var result = new Neo4jResult(server, size.Name, entities, relationships, imports, coldStart, answeredAt, rows, freshness, clients);
        ResultFiles.Write(paths, "neo4j", size.Name, result);
        return "wrote " + ResultFiles.PathOf(paths, "neo4j", size.Name);
    }

    private static async Task<string> ServerAsync(QueryApiClient bare, Neo4jConnectionOptions connection, CancellationToken cancellationToken)
    {
        var where = $"at {connection.RedactedUri}, database {connection.Database}";
        try
        {
            var components = await bare.ReadAsync("CALL dbms.components() YIELD name, versions, edition RETURN name + ' ' + versions[0] + ' ' + edition AS server", null, cancellationToken);
            return components.Rows.Count == 0 ? "Neo4j " + where : $"{components.Rows[0].Get<string>("server")} {where}";
        }
        catch (Neo4jException)
        {
            // Some servers refuse dbms procedures to ordinary users: the address is still worth saying.
            return "Neo4j " + where;
        }
    }

    private static async Task<(Neo4jImportRun Run, long Entities, long Relationships)> ImportAsync(
        BenchmarkPaths paths, BenchmarkSize size, Neo4jConnectionOptions connection, QueryApiClient bare, int batchSize, CancellationToken cancellationToken)
    {
        await bare.WriteAsync(CypherScripts.ClearDatabase.Statement, null, idempotent: true, cancellationToken);
        using var runner = new CommitClockCypherRunner(QueryApiClient.Create(connection));
        using var store = new Neo4jGraphStore(runner, new Neo4jStoreOptions { Connection = connection, ImportBatchSize = batchSize });
        await store.InitializeAsync(cancellationToken);

        var started = Stopwatch.GetTimestamp();
        var summary = size.IsSeed
            ? await store.ImportAsync(SeedDataset.Load(), cancellationToken)
            : await store.ImportAsync(new DatasetFileSource(ImportMeasurement.EnsureDataset(paths, size)), ImportOptions.Default, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var commitSeconds = runner.LastWriteCommitTimestamp is { } committed ? Stopwatch.GetElapsedTime(started, committed).TotalSeconds : seconds;
        var entities = summary.Entities.Added + summary.Entities.Updated + summary.Entities.Unchanged;
        var relationships = summary.Relationships.Added + summary.Relationships.Updated + summary.Relationships.Unchanged;
        return (new Neo4jImportRun(batchSize, commitSeconds, seconds, relationships / commitSeconds), entities, relationships);
    }

    /// <summary>An in-memory embedded store with the same dataset the Neo4j database was given.</summary>
    private static async Task<EmbeddedGraphStore> EmbeddedWithAsync(BenchmarkPaths paths, BenchmarkSize size, CancellationToken cancellationToken)
    {
        var embedded = new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true });
        await embedded.InitializeAsync(cancellationToken);
        _ = size.IsSeed
            ? await embedded.ImportAsync(SeedDataset.Load(), cancellationToken)
            : await embedded.ImportAsync(new DatasetFileSource(ImportMeasurement.EnsureDataset(paths, size)), ImportOptions.Default, cancellationToken);
        return embedded;
    }

    /// <summary>
    /// Compares the answers once, then times both stores in turns (so a collection or a noisy neighbour falls on
    /// both alike) until the case has its samples or its time is up, with at least <see cref="SampleBounds.Minimum"/>.
    /// </summary>
    private static async Task<Neo4jQuestionResult> CompareAsync(QuestionCase question, Neo4jGraphStore store, EmbeddedGraphStore embedded, BenchmarkSize size, bool quick, CancellationToken cancellationToken)
    {
        var expected = await AnswerDigest.OfAsync(question, embedded, cancellationToken);
        var actual = await AnswerDigest.OfAsync(question, store, cancellationToken);
        var bounds = SampleBounds.For(size, quick);
        var neo4jTimes = new List<double>();
        var embeddedTimes = new List<double>();
        var clock = Stopwatch.StartNew();
        while (neo4jTimes.Count < bounds.Maximum && (neo4jTimes.Count < bounds.Minimum || clock.Elapsed < bounds.Time))
        {
            embeddedTimes.Add(await TimeAsync(() => question.AskAsync(embedded, cancellationToken)));
            neo4jTimes.Add(await TimeAsync(() => question.AskAsync(store, cancellationToken)));
        }

        return new Neo4jQuestionResult(
            question.Name,
            neo4jTimes.Count,
            Percentiles.Median(neo4jTimes),
            Percentiles.Of(neo4jTimes, 99),
            Percentiles.Median(embeddedTimes),
            Percentiles.Of(embeddedTimes, 99),
            actual.Explored,
            actual.Partial,
            AnswerDigest.Difference(expected, actual));
    }

    private static async Task<double> TimeAsync(Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        await call();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>
    /// Sets the entity's description through a Query API client of its own (as Neo4j Browser would write it) and polls
    /// the store's <c>ResolveAsync</c> every 10 ms until it shows the new text, at most 30 s per trial; puts the
    /// description back afterwards. The store's poll runs every second, so trials land at different points of it.
    /// </summary>
    private static async Task<Neo4jFreshness> FreshnessAsync(Neo4jConnectionOptions connection, Neo4jGraphStore store, string entityId, int trials, CancellationToken cancellationToken)
    {
        const string Set = "MATCH (entity:Entity {id: $id}) SET entity.description = $description";
        using var browser = QueryApiClient.Create(connection);
        var original = (await browser.ReadAsync("MATCH (entity:Entity {id: $id}) RETURN entity.description AS description", new Dictionary<string, object?> { ["id"] = entityId }, cancellationToken))
            .Rows.Select(row => row.Get<string?>("description")).FirstOrDefault();
        var results = new List<Neo4jFreshnessTrial>();
        try
        {
            for (var trial = 0; trial < trials; trial++)
            {
                var marker = $"freshness probe {trial} {Guid.NewGuid():N}";
                var started = Stopwatch.GetTimestamp();
                await browser.WriteAsync(Set, new Dictionary<string, object?> { ["id"] = entityId, ["description"] = marker }, idempotent: true, cancellationToken);
                var written = Stopwatch.GetElapsedTime(started);
                double? visible = null;
                while (Stopwatch.GetElapsedTime(started) < FreshnessTimeout)
                {
                    if ((await store.ResolveAsync(entityId, cancellationToken)).Description == marker)
                    {
                        visible = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                        break;
                    }

                    await Task.Delay(FreshnessPoll, cancellationToken);
                }

                results.Add(new Neo4jFreshnessTrial(written.TotalMilliseconds, visible));

                // A pause that is no multiple of the store's 1 s poll, so the next write lands at another point of it.
                await Task.Delay(TimeSpan.FromMilliseconds(137 * (trial + 1)), cancellationToken);
            }
        }
        finally
        {
            // Null removes the property, as it was when the entity had no description.
            await browser.WriteAsync(Set, new Dictionary<string, object?> { ["id"] = entityId, ["description"] = original }, idempotent: true, CancellationToken.None);
        }

        return new Neo4jFreshness(entityId, "description", results);
    }

    /// <summary>
    /// Starts <c>supplygraph serve</c> on the Neo4j database three times (once when quick), each until
    /// <c>entity(ref: SUBJECT)</c> answers (the store's projection is read by then), with the service's own defaults;
    /// on the last start, 8 clients send the fast cases for 20 s (3 s when quick).
    /// </summary>
    private static async Task<(Neo4jColdStart ColdStart, Neo4jClientsResult? Clients)> ServiceAsync(
        BenchmarkPaths paths,
        BenchmarkSize size,
        Neo4jConnectionOptions connection,
        string subject,
        double inProcessSeconds,
        List<QuestionCase> fast,
        bool quick,
        CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(paths.Data, "stores", "neo4j-service");
        Directory.CreateDirectory(dataDirectory);
        // The very connection the in-process store used (a user written into the address taken out of it), so both read the same database alike.
        var variables = new Dictionary<string, string>
        {
            ["SUPPLYGRAPH_STORE"] = "neo4j",
            ["SUPPLYGRAPH_SEED_ON_EMPTY_STORE"] = "false",
            ["SUPPLYGRAPH_NEO4J_URI"] = connection.Uri.ToString(),
            ["SUPPLYGRAPH_NEO4J_DATABASE"] = connection.Database,
        };
        foreach (var (name, value) in new[] { ("SUPPLYGRAPH_NEO4J_USER", connection.User), ("SUPPLYGRAPH_NEO4J_PASSWORD", connection.Password), ("SUPPLYGRAPH_NEO4J_TOKEN", connection.BearerToken) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                variables[name] = value;
            }
        }

        var readyQuery = $"{{ entity(ref: \"{subject.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\") {{ id }} }}";
        var runs = new List<ColdStartRun>();
        var starts = quick ? 1 : 3;
        for (var start = 0; start < starts; start++)
        {
            HostProcess host;
            try
            {
                host = await HostProcess.StartAsync(paths.RepositoryRoot, dataDirectory, seedOnEmptyStore: false, variables, readyQuery, ServiceReadyTimeout, cancellationToken);
            }
            catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
            {
                Console.WriteLine(exception.Message);

                // Only the first line goes into the committed result: the log after it is for the console.
                var failure = exception.Message.Split('\n')[0];
                return (new Neo4jColdStart(inProcessSeconds, runs, failure), null);
            }

            await using (host)
            {
                runs.Add(new ColdStartRun(host.StartedIn.TotalSeconds, host.ResidentBytes));
                Console.WriteLine(Invariant($"service start {start + 1}: answered after {host.StartedIn.TotalSeconds:F2} s, {host.ResidentBytes / 1048576.0:F0} MiB resident"));
                if (start == starts - 1)
                {
                    var clients = fast.Count == 0
                        ? new Neo4jClientsResult(Neo4jTargets.Clients, 0, [], 0, 0, 0, 0, 0, new Dictionary<string, long>(), $"no case the embedded store answers under {Neo4jTargets.FastEmbeddedMilliseconds:0} ms on {size.Name}")
                        : await ConcurrentClients.RunAsync(host.GraphQL, fast, Neo4jTargets.Clients, TimeSpan.FromSeconds(quick ? 3 : 20), maxRequestsPerClient: 1_000_000, cancellationToken);
                    return (new Neo4jColdStart(inProcessSeconds, runs, null), clients);
                }
            }
        }

        return (new Neo4jColdStart(inProcessSeconds, runs, null), null);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>How many answers a question case is timed over: bounded in count and in time, never fewer than the minimum.</summary>
public sealed record SampleBounds(int Minimum, int Maximum, TimeSpan Time)
{
    // The generated sizes' hub questions take up to a second or more each (M exposure hub): fewer there.
    public static SampleBounds For(BenchmarkSize size, bool quick)
    {
        ArgumentNullException.ThrowIfNull(size);
        return quick
            ? new SampleBounds(3, 20, TimeSpan.FromSeconds(2))
            : size.IsSeed ? new SampleBounds(30, 300, TimeSpan.FromSeconds(10)) : new SampleBounds(5, 60, TimeSpan.FromSeconds(20));
    }
}
