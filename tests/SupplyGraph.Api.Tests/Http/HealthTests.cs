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

public sealed class HealthWhenTheStoreFailsTests
{
    [Fact]
    public async Task A_store_that_does_not_answer_makes_health_503_with_the_reason()
    {
        // arrange
        var store = new UnreachableStore();
        var availability = new SupplyGraph.Api.Hosting.StoreAvailability();
        availability.MarkReady();
        var loggers = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;

        // act
        var result = await SupplyGraph.Api.Http.HealthEndpoint.GetAsync(store, availability, loggers, TestContext.Current.CancellationToken);

        // assert
        var json = result.Should().BeAssignableTo<Microsoft.AspNetCore.Http.IStatusCodeHttpResult>().Subject;
        json.StatusCode.Should().Be(503);
        var value = result.Should().BeAssignableTo<Microsoft.AspNetCore.Http.IValueHttpResult>().Subject.Value
            .Should().BeOfType<SupplyGraph.Api.Http.HealthResponse>().Subject;
        value.Status.Should().Be("unhealthy");
        value.Error.Should().Contain("connection refused");
    }
}
