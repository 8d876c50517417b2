using System.Net;
using System.Text.Json;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.Http;

[Collection(SmallGraphCollection.Name)]
public sealed class HealthTests(SmallGraphHost host)
{
    [Fact]
    public async Task Health_reports_the_store_and_its_counts()
    {
        // act
        using var response = await host.Client.GetAsync("/health", TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        // assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        body.Str("status").Should().Be("ok");
        body.Str("store").Should().Be("embedded (in memory)");
        body.GetProperty("entities").GetInt64().Should().Be(SmallGraph.Dataset.Entities.Count);
        body.GetProperty("relationships").GetInt64().Should().Be(SmallGraph.Dataset.Relationships.Count);
    }
}
