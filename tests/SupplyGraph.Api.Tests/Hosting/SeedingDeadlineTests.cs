using System.Net;
using System.Text.Json;
using FluentAssertions;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.Hosting;

/// <summary>
/// Seeding an empty store runs under its own deadline (<c>SUPPLYGRAPH_START_TIMEOUT_SECONDS</c>), not the request
/// deadline: a store slower to seed than one request may take (a remote Neo4j on a busy machine) is seeded on the
/// first try, and one slower than the seeding deadline is reported by that setting's name.
/// </summary>
public sealed class SeedingDeadlineTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_seed_slower_than_the_request_deadline_is_imported_on_the_first_try()
    {
        // arrange: requests may take 1 s; the seeding takes 2.5 s more than its rows
        await using var factory = new SupplyGraphApiFactory(
            seedOnEmptyStore: true,
            settings: new Dictionary<string, string?> { ["SupplyGraph:Limits:RequestTimeoutSeconds"] = "1", ["SupplyGraph:StartTimeoutSeconds"] = "60" },
            beforeImport: token => Task.Delay(TimeSpan.FromSeconds(2.5), token));
        using var client = factory.CreateClient();

        // act
        var (status, body) = await HealthAsync(client);

        // assert
        status.Should().Be(HttpStatusCode.OK, body.ToString());
        body.GetProperty("entities").GetInt64().Should().BeGreaterThan(0);
        factory.Store.Imports.Should().Be(1, "the first seeding was not cut by the request deadline");
    }

    [Fact]
    public async Task A_seed_past_its_own_deadline_is_reported_by_the_setting_that_bounds_it()
    {
        // arrange
        await using var factory = new SupplyGraphApiFactory(
            seedOnEmptyStore: true,
            settings: new Dictionary<string, string?> { ["SupplyGraph:Limits:RequestTimeoutSeconds"] = "10", ["SupplyGraph:StartTimeoutSeconds"] = "1" },
            beforeImport: token => Task.Delay(TimeSpan.FromSeconds(30), token));
        using var client = factory.CreateClient();

        // act
        var (status, body) = await HealthAsync(client);

        // assert
        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.GetProperty("error").GetString().Should().Contain("SUPPLYGRAPH_START_TIMEOUT_SECONDS").And.Contain("1 s");
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health", Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
