using System.Diagnostics;
using System.Net;
using System.Text.Json;
using SupplyGraph.Api.Health;
using SupplyGraph.Api.Tests.Hardening;
using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Store.Embedded;

namespace SupplyGraph.Api.Tests.Health;

/// <summary>Issue 21, point 4: <c>/health/live</c> and <c>/health/ready</c> through ASP.NET Core health checks.</summary>
public sealed class HealthCheckEndpointTests
{
    [Fact]
    public async Task Ready_reports_the_store_its_counts_and_when_its_index_was_loaded()
    {
        // arrange
        await using var factory = new SupplyGraphApiFactory(seedOnEmptyStore: true);
        using var client = factory.CreateClient();
        var before = DateTimeOffset.UtcNow;

        // act
        var ready = await GetAsync(client, SupplyGraphHealthExtensions.ReadyPath);
        var health = await GetAsync(client, "/health");

        // assert
        ready.Status.Should().Be(HttpStatusCode.OK, ready.Text);
        ready.Body.Str("status").Should().Be("healthy");
        var store = ready.Body.GetProperty("checks").GetProperty("store");
        store.Str("status").Should().Be("healthy");
        var data = store.GetProperty("data");
        data.Str("store").Should().Be("embedded (in memory)");
        data.GetProperty("entities").GetInt64().Should().Be(health.Body.GetProperty("entities").GetInt64());
        data.GetProperty("relationships").GetInt64().Should().Be(health.Body.GetProperty("relationships").GetInt64());
        data.GetProperty("entities").GetInt64().Should().BeGreaterThan(0, "the seed was loaded");
        data.Str("index").Should().Be("index");
        data.GetProperty("indexLoadedAt").GetDateTimeOffset().Should().BeOnOrAfter(before.AddSeconds(-1));
        data.GetProperty("indexAgeSeconds").GetDouble().Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Ready_turns_unready_when_the_store_goes_down_and_ready_again_when_it_returns_while_live_stays_200()
    {
        // arrange
        var switchable = new SwitchableStore(new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true }));
        await using var factory = new SupplyGraphApiFactory(seedOnEmptyStore: true, store: _ => switchable);
        using var client = factory.CreateClient();
        var readyBefore = await GetAsync(client, SupplyGraphHealthExtensions.ReadyPath);

        // act
        switchable.Down = true;
        var readyWhileDown = await GetAsync(client, SupplyGraphHealthExtensions.ReadyPath);
        var liveWhileDown = await GetAsync(client, SupplyGraphHealthExtensions.LivePath);
        var healthWhileDown = await GetAsync(client, "/health");
        switchable.Down = false;
        var readyAfter = await GetAsync(client, SupplyGraphHealthExtensions.ReadyPath);
        var liveAfter = await GetAsync(client, SupplyGraphHealthExtensions.LivePath);

        // assert
        readyBefore.Status.Should().Be(HttpStatusCode.OK, readyBefore.Text);
        readyWhileDown.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        readyWhileDown.Body.Str("status").Should().Be("unhealthy");
        readyWhileDown.Body.GetProperty("checks").GetProperty("store").Str("description").Should().Contain("connection refused");
        liveWhileDown.Status.Should().Be(HttpStatusCode.OK, "the process still serves");
        liveWhileDown.Body.Str("status").Should().Be("healthy");
        healthWhileDown.Status.Should().Be(HttpStatusCode.ServiceUnavailable, "/health keeps its own answer");
        healthWhileDown.Body.Str("status").Should().Be("unhealthy");
        readyAfter.Status.Should().Be(HttpStatusCode.OK, readyAfter.Text);
        liveAfter.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_is_503_until_a_store_that_is_down_at_start_has_been_prepared_then_200_within_5_s()
    {
        // arrange: the store refuses connections from the start, so it is neither initialized nor seeded.
        var switchable = new SwitchableStore(new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true })) { Down = true };
        await using var factory = new SupplyGraphApiFactory(seedOnEmptyStore: true, store: _ => switchable);
        using var client = factory.CreateClient();

        // act
        var readyWhileDown = await GetAsync(client, SupplyGraphHealthExtensions.ReadyPath);
        var liveWhileDown = await GetAsync(client, SupplyGraphHealthExtensions.LivePath);
        switchable.Down = false;
        var clock = Stopwatch.StartNew();
        var readyAfter = await GetAsync(client, SupplyGraphHealthExtensions.ReadyPath);
        var recoveredAfter = TimeSpan.Zero;
        while (readyAfter.Status != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);

            // When the probe was sent: a slow answer on a loaded machine is not a slow recovery.
            recoveredAfter = clock.Elapsed;
            readyAfter = await GetAsync(client, SupplyGraphHealthExtensions.ReadyPath);
        }

        // assert
        readyWhileDown.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        readyWhileDown.Body.GetProperty("checks").GetProperty("store").Str("description").Should().Contain("connection refused");
        liveWhileDown.Status.Should().Be(HttpStatusCode.OK);
        readyAfter.Status.Should().Be(HttpStatusCode.OK, readyAfter.Text);
        recoveredAfter.Should().BeLessThan(TimeSpan.FromSeconds(5), "the store is tried again every second");
        readyAfter.Body.GetProperty("checks").GetProperty("store").GetProperty("data").GetProperty("entities").GetInt64()
            .Should().BeGreaterThan(0, "the seed was imported once the store came back");
    }

    [Fact]
    public async Task Ready_answers_unready_within_its_timeout_when_the_store_hangs()
    {
        // arrange
        var switchable = new SwitchableStore(new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true }));
        await using var factory = new SupplyGraphApiFactory(seedOnEmptyStore: true, store: _ => switchable);
        using var client = factory.CreateClient();
        switchable.Hangs = true;
        var clock = Stopwatch.StartNew();

        // act
        var ready = await GetAsync(client, SupplyGraphHealthExtensions.ReadyPath).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // assert
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        ready.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        ready.Body.GetProperty("checks").GetProperty("store").Str("description").Should().Contain("did not answer within 3 s");
    }

    [Fact]
    public async Task Live_answers_200_with_no_check_and_is_not_cached()
    {
        // arrange
        await using var factory = new SupplyGraphApiFactory();
        using var client = factory.CreateClient();

        // act
        using var response = await client.GetAsync(SupplyGraphHealthExtensions.LivePath, TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        // assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Headers.CacheControl!.NoStore.Should().BeTrue("a probe must see the service now, not a cached answer");
        body.Str("status").Should().Be("healthy");
        body.GetProperty("checks").EnumerateObject().Should().BeEmpty();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string Text)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text);
    }
}
