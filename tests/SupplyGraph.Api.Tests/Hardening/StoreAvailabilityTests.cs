using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SupplyGraph.Api.Hosting;
using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Store.Embedded;

namespace SupplyGraph.Api.Tests.Hardening;

/// <summary>Issue 11, point 4: a service that starts without its store, says so, and recovers by itself.</summary>
public sealed class StoreAvailabilityTests
{
    [Fact]
    public async Task The_service_starts_when_its_store_is_down_answers_503_and_recovers_within_5_s()
    {
        // arrange: a store whose server refuses connections until it is switched back on.
        var switchable = new SwitchableStore(new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true })) { Down = true };
        await using var factory = new SupplyGraphApiFactory(seedOnEmptyStore: true, store: _ => switchable);
        using var client = factory.CreateClient();

        // act
        var healthWhileDown = await GetHealthAsync(client);
        using var queryWhileDown = await PostAsync(client, "{ entity(ref: \"DeepSeek\") { id } }");
        var cheapWhileDown = await client.PostGraphQLAsync("{ relationshipTypes { type } }");
        switchable.Down = false;
        var clock = Stopwatch.StartNew();
        var recovered = false;
        var recoveredAfter = TimeSpan.Zero;
        while (!recovered && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);

            // When the probe was sent, not when its answer came: a slow answer on a loaded machine is not a slow recovery.
            recoveredAfter = clock.Elapsed;
            recovered = (await GetHealthAsync(client)).Status == HttpStatusCode.OK;
        }

        var answer = await client.PostGraphQLAsync("{ entity(ref: \"DeepSeek\") { id } }");

        // assert
        healthWhileDown.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        healthWhileDown.Body.Str("status").Should().Be("unhealthy");
        healthWhileDown.Body.Str("error").Should().Contain("connection refused");
        queryWhileDown.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        queryWhileDown.Headers.RetryAfter.Should().NotBeNull();
        (await queryWhileDown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("STORE_UNAVAILABLE");
        cheapWhileDown.Status.Should().Be(HttpStatusCode.OK, "what does not need the store is answered");
        recovered.Should().BeTrue();
        recoveredAfter.Should().BeLessThan(TimeSpan.FromSeconds(5), "the store is tried again every second");
        answer.Data.GetProperty("entity").Str("id").Should().Be("deepseek", "the seed was imported once the store came back");
    }

    [Fact]
    public async Task A_store_that_goes_down_after_start_makes_queries_503_store_unavailable()
    {
        // arrange
        var switchable = new SwitchableStore(new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true }));
        await using var factory = new SupplyGraphApiFactory(seedOnEmptyStore: true, store: _ => switchable);
        using var client = factory.CreateClient();
        switchable.Down = true;

        // act
        var response = await client.PostGraphQLAsync("{ supplyChain(entity: \"DeepSeek\") { partial } }");

        // assert
        response.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        var error = response.SingleError();
        error.Code().Should().Be("STORE_UNAVAILABLE");
        error.GetProperty("path").EnumerateArray().Select(item => item.GetString()).Should().Equal("supplyChain");
    }

    [Fact]
    public async Task Health_answers_unhealthy_within_its_timeout_when_the_store_hangs()
    {
        // arrange: a store that was ready, then stops answering (a Neo4j server that hangs).
        var switchable = new SwitchableStore(new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true }));
        await using var factory = new SupplyGraphApiFactory(seedOnEmptyStore: true, store: _ => switchable);
        using var client = factory.CreateClient();
        switchable.Hangs = true;
        var clock = Stopwatch.StartNew();

        // act
        var health = await GetHealthAsync(client).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // assert
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        health.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        health.Body.Str("status").Should().Be("unhealthy");
        health.Body.Str("error").Should().Contain("did not answer within 3 s");
    }

    [Fact]
    public async Task With_neo4j_unreachable_the_service_starts_unhealthy_without_showing_the_password()
    {
        // arrange: a loopback port nothing listens on, with credentials written into the address.
        using var closed = ClosedPort();
        var port = ((IPEndPoint)closed.LocalEndPoint!).Port;
        await using var factory = Neo4jFactory($"http://neo4j:s3cret-pass@127.0.0.1:{port}");
        using var client = factory.CreateClient();

        // act
        var health = await GetHealthAsync(client);
        using var query = await PostAsync(client, "{ entity(ref: \"DeepSeek\") { id } }");
        var queryText = await query.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // assert
        health.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        health.Body.Str("status").Should().Be("unhealthy");
        health.Body.Str("store").Should().Be($"neo4j (http://127.0.0.1:{port}/, database neo4j)");
        health.Text.Should().NotContain("s3cret-pass");
        query.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        queryText.Should().Contain("STORE_UNAVAILABLE").And.NotContain("s3cret-pass");
    }

    [Fact]
    public async Task A_neo4j_that_comes_back_is_used_within_5_s()
    {
        // arrange: nothing listens on the port at start; then a stand-in for the Query API answers there.
        using var closed = ClosedPort();
        var port = ((IPEndPoint)closed.LocalEndPoint!).Port;
        await using var factory = Neo4jFactory($"http://127.0.0.1:{port}");
        using var client = factory.CreateClient();
        var whileDown = await GetHealthAsync(client);
        using var standIn = new System.Net.HttpListener();
        standIn.Prefixes.Add($"http://127.0.0.1:{port}/");

        // The port was held until now, so nothing else could take it in between.
        closed.Dispose();
        standIn.Start();
        _ = Task.Run(async () =>
        {
            while (standIn.IsListening)
            {
                var context = await standIn.GetContextAsync();
                using var reader = new StreamReader(context.Request.InputStream);
                var body = StartUpAnswer(await reader.ReadToEndAsync());
                context.Response.StatusCode = 202;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
        var clock = Stopwatch.StartNew();

        // act
        var recoveredAfter = TimeSpan.Zero;
        var health = await GetHealthAsync(client);
        while (health.Status != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);

            // When the probe was sent: the time the answer takes on a loaded machine is not the service's recovery.
            recoveredAfter = clock.Elapsed;
            health = await GetHealthAsync(client);
        }

        // assert
        whileDown.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        health.Status.Should().Be(HttpStatusCode.OK, health.Text);
        health.Body.GetProperty("entities").GetInt64().Should().Be(64);
        recoveredAfter.Should().BeLessThan(TimeSpan.FromSeconds(5));
        standIn.Stop();
    }

    [Fact]
    public async Task A_neo4j_that_hangs_after_start_does_not_hold_up_questions_answered_from_the_projection()
    {
        // arrange: a Query API stand-in that answers the start-up statements (schema, statistics, the projection's
        // pages), then hangs every request: the projection's polls among them.
        var port = ClosedPortNumber();
        using var standIn = new System.Net.HttpListener();
        standIn.Prefixes.Add($"http://127.0.0.1:{port}/");
        standIn.Start();
        var hung = new System.Collections.Concurrent.ConcurrentBag<HttpListenerContext>();
        var hanging = 0;
        _ = Task.Run(async () =>
        {
            while (standIn.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await standIn.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream);
                var statement = await reader.ReadToEndAsync();
                if (Volatile.Read(ref hanging) > 0)
                {
                    Interlocked.Increment(ref hanging);
                    hung.Add(context);
                    continue;
                }

                var body = StartUpAnswer(statement);
                context.Response.StatusCode = 202;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
        await using var factory = Neo4jFactory($"http://127.0.0.1:{port}", requestTimeoutSeconds: "1");
        using var client = factory.CreateClient();
        var health = await GetHealthAsync(client);
        Interlocked.Exchange(ref hanging, 1);
        var pollsHeld = Stopwatch.StartNew();
        while (Volatile.Read(ref hanging) == 1 && pollsHeld.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var clock = Stopwatch.StartNew();

        // act
        var query = await client.PostGraphQLAsync("{ entity(ref: \"DeepSeek\") { id } }").WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        var queryTime = clock.Elapsed;

        // assert: the projection (empty here) answered at once, though the server holds the poll that was sent meanwhile.
        health.Status.Should().Be(HttpStatusCode.OK, health.Text);
        Volatile.Read(ref hanging).Should().BeGreaterThan(1, "the projection's poll reached the hanging server");
        query.Status.Should().Be(HttpStatusCode.OK);
        query.SingleError().Code().Should().Be("NOT_FOUND");
        queryTime.Should().BeLessThan(TimeSpan.FromSeconds(1), "no question waits on Neo4j");
        standIn.Stop();
        foreach (var context in hung)
        {
            context.Response.Abort();
        }
    }

    [Fact]
    public async Task A_store_file_that_fails_to_load_is_named_without_its_path_in_health_and_503_answers()
    {
        // arrange: a store file whose lookup table names a relationship type this build does not know.
        var folder = Path.Combine(Path.GetTempPath(), "supplygraph-private-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "graph.db");
        try
        {
            using (var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = path }))
            {
                await store.InitializeAsync(TestContext.Current.CancellationToken);
            }

            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
            {
                connection.Open();
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO relationship_types (code, name) VALUES (999, 'no-such-type');";
                insert.ExecuteNonQuery();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using var factory = new SupplyGraphApiFactory(store: _ => new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = path }));
            using var client = factory.CreateClient();

            // act
            var health = await GetHealthAsync(client);
            using var query = await PostAsync(client, "{ entity(ref: \"DeepSeek\") { id } }");
            var queryText = await query.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            // assert
            health.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
            health.Body.Str("error").Should().Contain("graph.db").And.Contain("no-such-type").And.NotContain(folder);
            query.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            queryText.Should().Contain("STORE_UNAVAILABLE").And.Contain("no-such-type").And.NotContain(folder);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void A_file_error_is_told_to_clients_without_its_path()
    {
        // arrange: file errors name absolute paths.
        var exception = new UnauthorizedAccessException("Access to the path '/srv/private/supplygraph/graph.db' is denied.");

        // act
        var forClients = StoreFailureText.ForClients(exception);
        var forLog = StoreFailureText.ForLog(exception);

        // assert
        forClients.Should().NotContain("/srv/private").And.Contain("service log");
        forLog.Should().Contain("/srv/private/supplygraph/graph.db");
    }

    [Fact]
    public void Every_address_in_a_message_loses_its_user_info()
    {
        // act
        var redacted = CredentialRedaction.Redact("Could not reach Neo4j at http://neo4j:hunter2@db:7474 (or https://u:p@other)");

        // assert
        redacted.Should().Be("Could not reach Neo4j at http://***@db:7474 (or https://***@other)");
    }

    private static SupplyGraphApiFactory Neo4jFactory(string uri, string requestTimeoutSeconds = "2") => new(settings: new Dictionary<string, string?>
    {
        ["SupplyGraph:Store"] = "neo4j",
        ["SupplyGraph:Neo4j:Uri"] = uri,
        ["SupplyGraph:Neo4j:RequestTimeoutSeconds"] = "30",
        ["SupplyGraph:Limits:RequestTimeoutSeconds"] = requestTimeoutSeconds,
    });

    /// <summary>
    /// A loopback port bound but not listening: connections to it are refused, and no other socket can take it
    /// while the test holds it (a port given back at once may be reused by anything on a busy machine).
    /// </summary>
    /// <summary>
    /// What a stand-in answers a start-up statement: an empty page to the projection's reads (topology and document
    /// titles), a row to its probe of the last commit, and the counts to everything else; every answer with the same
    /// bookmark.
    /// </summary>
    private static byte[] StartUpAnswer(string statement) =>
        statement.Contains("AS outgoing", StringComparison.Ordinal)
            ? """{"data":{"fields":["entity","outgoing"],"values":[]},"bookmarks":["FB:stand-in"]}"""u8.ToArray()
            : statement.Contains("AS title", StringComparison.Ordinal)
                ? """{"data":{"fields":["document","title","url"],"values":[]},"bookmarks":["FB:stand-in"]}"""u8.ToArray()
            : statement.Contains("AS alive", StringComparison.Ordinal)
                ? """{"data":{"fields":["alive"],"values":[[1]]},"bookmarks":["FB:stand-in"]}"""u8.ToArray()
                : """{"data":{"fields":["entities","relationships"],"values":[[64,157]]},"bookmarks":["FB:stand-in"]}"""u8.ToArray();

    private static Socket ClosedPort()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    /// <summary>A free loopback port for a listener that binds it next.</summary>
    private static int ClosedPortNumber()
    {
        using var socket = ClosedPort();
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string query) =>
        await client.PostAsync(
            "/graphql",
            new StringContent(JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

    private static async Task<(HttpStatusCode Status, JsonElement Body, string Text)> GetHealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text);
    }
}

/// <summary>A real store behind a switch: while <see cref="Down"/>, every call fails as a refused connection does.</summary>
internal sealed class SwitchableStore(ISupplyGraphStore inner) : ISupplyGraphStore, IDisposable
{
    private readonly UnreachableStore down = new();

    public volatile bool Down;

    /// <summary>While set, statistics never come (until cancelled): a server that accepts and does not answer.</summary>
    public volatile bool Hangs;

    private ISupplyGraphStore Current => Down ? down : inner;

    public string Description => inner.Description;

    public Task InitializeAsync(CancellationToken cancellationToken) => Current.InitializeAsync(cancellationToken);

    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        if (Hangs)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return await Current.GetStatisticsAsync(cancellationToken);
    }

    public Task<ImportSummary> ImportAsync(SupplyGraph.Domain.Importing.IDatasetSource source, SupplyGraph.Domain.Importing.ImportOptions options, CancellationToken cancellationToken) =>
        Current.ImportAsync(source, options, cancellationToken);

    public Task<SupplyGraph.Domain.Datasets.DatasetHeader> ExportAsync(SupplyGraph.Domain.Exporting.ExportScope scope, SupplyGraph.Domain.Datasets.IDatasetSink sink, CancellationToken cancellationToken) =>
        Current.ExportAsync(scope, sink, cancellationToken);

    public Task<SupplyGraph.Domain.Vocabulary.Entity> ResolveAsync(string reference, CancellationToken cancellationToken) => Current.ResolveAsync(reference, cancellationToken);

    public Task<IReadOnlyList<SupplyGraph.Domain.Vocabulary.Entity>> SearchAsync(SupplyGraph.Domain.Questions.SearchQuestion question, CancellationToken cancellationToken) =>
        Current.SearchAsync(question, cancellationToken);

    public Task<SupplyGraph.Domain.Questions.EntityProfile> ProfileAsync(SupplyGraph.Domain.Questions.ProfileQuestion question, CancellationToken cancellationToken) =>
        Current.ProfileAsync(question, cancellationToken);

    public Task<SupplyGraph.Domain.Questions.SupplyChainAnswer> SupplyChainAsync(SupplyGraph.Domain.Questions.SupplyChainQuestion question, CancellationToken cancellationToken) =>
        Current.SupplyChainAsync(question, cancellationToken);

    public Task<SupplyGraph.Domain.Questions.ExportControlsAnswer> ExportControlsAsync(SupplyGraph.Domain.Questions.ExportControlsQuestion question, CancellationToken cancellationToken) =>
        Current.ExportControlsAsync(question, cancellationToken);

    public Task<SupplyGraph.Domain.Questions.ExposureAnswer> ExposureAsync(SupplyGraph.Domain.Questions.ExposureQuestion question, CancellationToken cancellationToken) =>
        Current.ExposureAsync(question, cancellationToken);

    public Task<SupplyGraph.Domain.Questions.PathAnswer> PathsAsync(SupplyGraph.Domain.Questions.PathsQuestion question, CancellationToken cancellationToken) =>
        Current.PathsAsync(question, cancellationToken);

    public Task<SupplyGraph.Domain.Questions.ChangesAnswer> ChangesAsync(SupplyGraph.Domain.Questions.ChangesQuestion question, CancellationToken cancellationToken) =>
        Current.ChangesAsync(question, cancellationToken);

    public Task<SupplyGraph.Domain.Questions.Page<SupplyGraph.Domain.Vocabulary.Entity>> ListEntitiesAsync(SupplyGraph.Domain.Questions.EntityListQuestion question, CancellationToken cancellationToken) =>
        Current.ListEntitiesAsync(question, cancellationToken);

    public Task<SupplyGraph.Domain.Questions.Page<SupplyGraph.Domain.Vocabulary.Relationship>> ListRelationshipsAsync(SupplyGraph.Domain.Questions.RelationshipListQuestion question, CancellationToken cancellationToken) =>
        Current.ListRelationshipsAsync(question, cancellationToken);

    public Task<SupplyGraph.Domain.Questions.CountsAnswer> CountAsync(SupplyGraph.Domain.Questions.CountQuestion question, CancellationToken cancellationToken) =>
        Current.CountAsync(question, cancellationToken);

    public void Dispose() => (inner as IDisposable)?.Dispose();

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
