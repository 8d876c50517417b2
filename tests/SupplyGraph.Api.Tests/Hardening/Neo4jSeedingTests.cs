using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FluentAssertions;
using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Neo4j;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Testing;

namespace SupplyGraph.Api.Tests.Hardening;

/// <summary>
/// Issue 19: <c>serve</c> seeds an empty Neo4j database on its first try on a busy 2-core machine, and leaves no
/// transaction open. Runs on the server SUPPLYGRAPH_NEO4J_URI names (with _USER, _PASSWORD or _TOKEN, _DATABASE);
/// THE DATABASE IS CLEARED FIRST. Skipped, with the reason, where no server is configured.
/// </summary>
public sealed class Neo4jSeedingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_seeds_an_empty_neo4j_on_its_first_try_while_the_machine_is_busy_and_leaves_no_transaction_open()
    {
        // arrange: an empty database; a request deadline shorter than the seeding takes; four threads keeping two cores busy
        var settings = Settings();
        Assert.SkipWhen(settings is null, "Neo4j seeding test skipped: SUPPLYGRAPH_NEO4J_URI is not set (it needs a Neo4j 5.19+ server with the Query API).");
        using var serverLock = await Neo4jServerLock.AcquireAsync(new Uri(settings!.Uri!), TimeSpan.FromMinutes(20), Token);
        using var client = QueryApiClient.Create(settings.ToStoreOptions().Connection);
        await client.WriteAsync(CypherScripts.ClearDatabase.Statement, null, idempotent: true, Token);
        using var busy = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Spin(busy.Token), CancellationToken.None)).ToList();
        await using var factory = new SupplyGraphApiFactory(
            seedOnEmptyStore: true,
            settings: new Dictionary<string, string?>
            {
                ["SupplyGraph:Store"] = "neo4j",
                ["SupplyGraph:Neo4j:Uri"] = settings.Uri,
                ["SupplyGraph:Neo4j:User"] = settings.User,
                ["SupplyGraph:Neo4j:Password"] = settings.Password,
                ["SupplyGraph:Neo4j:BearerToken"] = settings.BearerToken,
                ["SupplyGraph:Neo4j:Database"] = settings.Database,
                ["SupplyGraph:Limits:RequestTimeoutSeconds"] = "1",
            });

        // act
        var clock = Stopwatch.StartNew();
        using var http = factory.CreateClient();
        var (status, body) = await HealthAsync(http);
        while (status != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            // A health probe itself has the 1 s deadline: on a busy machine one may miss it; the seeding is what counts.
            await Task.Delay(200, Token);
            (status, body) = await HealthAsync(http);
        }

        await busy.CancelAsync();
        await Task.WhenAll(load);
        var open = await client.ReadAsync("SHOW TRANSACTIONS YIELD transactionId, currentQuery RETURN transactionId, currentQuery", null, Token);

        // assert
        status.Should().Be(HttpStatusCode.OK, body.ToString());
        body.GetProperty("entities").GetInt64().Should().Be(SeedDataset.Load().Entities.Count);
        factory.Store.Imports.Should().Be(1, $"the first seeding completed (in {clock.Elapsed.TotalSeconds:0.0} s), none was cut and retried");
        open.Rows.Select(row => row.Get<string>("currentQuery")).Should().OnlyContain(query => query.Contains("SHOW TRANSACTIONS", StringComparison.Ordinal), "only this check runs");
    }

    private static void Spin(CancellationToken token)
    {
        var spins = 0L;
        while (!token.IsCancellationRequested)
        {
            spins++;
        }

        GC.KeepAlive(spins);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health", Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static Neo4jSettings? Settings()
    {
        var uri = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_URI");
        return string.IsNullOrWhiteSpace(uri) ? null : new Neo4jSettings
        {
            Uri = uri,
            User = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_USER"),
            Password = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_PASSWORD"),
            BearerToken = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_TOKEN"),
            Database = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_DATABASE") is { Length: > 0 } database ? database : "neo4j",
        };
    }
}
