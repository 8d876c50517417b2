using FluentAssertions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Neo4j.Telemetry;
using SupplyGraph.Store.Neo4j.Tests.Contract;
using Tags = SupplyGraph.Store.Neo4j.Telemetry.Neo4jStoreTelemetry.Tags;

namespace SupplyGraph.Store.Neo4j.Tests.Telemetry;

/// <summary>The store's spans on a real Neo4j server (skipped, with the reason, where there is none).</summary>
[Collection(Neo4jServerCollection.Name)]
public sealed class Neo4jStoreSpansServerTests(Neo4jServerFixture server)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_store_call_on_a_real_server_has_a_statement_span_with_the_rows_it_returned()
    {
        // arrange
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        var store = await server.EmptyStoreAsync(Token);
        await store.ImportAsync(SeedDataset.Load(), Token);
        using var spans = SpanRecorder.Start();

        // act
        var statistics = await store.GetStatisticsAsync(Token);

        // assert
        var span = spans.Named(Neo4jStoreTelemetry.StatementSpan).Should().ContainSingle().Subject;
        span.GetTagItem(Tags.Statement).Should().Be("statistics");
        span.GetTagItem(Tags.Database).Should().Be(server.Connection!.Database);
        ((int)span.GetTagItem(Tags.Rows)!).Should().BePositive();
        ((long)span.GetTagItem(Tags.ReceivedBytes)!).Should().BePositive();
        statistics.Entities.Should().BePositive();
    }
}
