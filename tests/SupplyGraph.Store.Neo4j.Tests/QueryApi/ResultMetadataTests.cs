using FluentAssertions;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi;

/// <summary>Counters, notifications and access mode around the rows.</summary>
public sealed class ResultMetadataTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Counters_are_asked_for_and_read_when_requested()
    {
        // arrange
        var exchange = Exchanges.Load("07-counters");
        var handler = new ReplayHandler().Answer(exchange);
        using var client = TestClient.For(handler);

        // act
        var result = await client.RunAsync(exchange.Statement, null, CypherRunOptions.Write with { IncludeCounters = true }, Token);

        // assert
        handler.LastRequest.Json!["includeCounters"]!.GetValue<bool>().Should().BeTrue();
        result.Counters.Should().BeEquivalentTo(new CypherCounters
        {
            ContainsUpdates = true,
            NodesCreated = 1,
            PropertiesSet = 2,
            LabelsAdded = 1,
        });
    }

    [Fact]
    public async Task Counters_of_a_graph_write_count_nodes_relationships_and_labels()
    {
        // arrange
        const string exchange = "04-graph-plain-json";

        // act
        var result = await Replayed.ResultOf(exchange);

        // assert
        result.Counters!.NodesCreated.Should().Be(2);
        result.Counters.RelationshipsCreated.Should().Be(1);
        result.Counters.PropertiesSet.Should().Be(9);
        result.Counters.LabelsAdded.Should().Be(6);
        result.Counters.ContainsSystemUpdates.Should().BeFalse();
    }

    [Fact]
    public async Task Counters_are_null_when_not_requested()
    {
        // arrange
        const string exchange = "03-scalars-typed-json";

        // act
        var result = await Replayed.ResultOf(exchange);

        // assert
        result.Counters.Should().BeNull();
    }

    [Fact]
    public async Task Notifications_carry_code_severity_and_position()
    {
        // arrange
        const string exchange = "12-unknown-label-warning";

        // act
        var result = await Replayed.ResultOf(exchange);

        // assert
        result.Rows.Should().BeEmpty();
        result.Fields.Should().Equal("n");
        var notification = result.Notifications.Should().ContainSingle().Subject;
        notification.Code.Should().Be("Neo.ClientNotification.Statement.UnknownLabelWarning");
        notification.Severity.Should().Be("WARNING");
        notification.Category.Should().Be("UNRECOGNIZED");
        notification.Title.Should().Be("The provided label is not in the database.");
        notification.Description.Should().Contain("NoSuchLabel");
        notification.Position.Should().Be(new CypherInputPosition(9, 1, 10));
    }

    [Fact]
    public async Task A_schema_statement_returns_no_fields_and_its_bookmark()
    {
        // arrange
        const string exchange = "14-constraint-create";

        // act
        var result = await Replayed.ResultOf(exchange);

        // assert
        result.Fields.Should().BeEmpty();
        result.Rows.Should().BeEmpty();
        result.Notifications.Should().BeEmpty();
        result.Bookmarks.Should().Equal("FB:kcwQSwmuz5jjQAGwS2gLRlELmMkA/pA=");
    }

    [Fact]
    public async Task Reads_are_sent_in_read_access_mode()
    {
        // arrange
        var exchange = Exchanges.Load("08-read-access-mode");
        var handler = new ReplayHandler().Answer(exchange);
        using var client = TestClient.For(handler);

        // act
        var result = await client.ReadAsync(exchange.Statement, cancellationToken: Token);

        // assert
        handler.LastRequest.ShouldMatch(exchange);
        result.Rows.Single().Get<long>("c").Should().Be(3);
    }

    [Fact]
    public async Task Writes_leave_the_access_mode_to_the_servers_default()
    {
        // arrange
        var exchange = Exchanges.Load("27-tx-after-rollback-nothing-stored");
        var handler = new ReplayHandler().Answer(exchange);
        using var client = TestClient.For(handler);

        // act
        await client.WriteAsync(exchange.Statement, cancellationToken: Token);

        // assert
        handler.LastRequest.ShouldMatch(exchange);
        handler.LastRequest.Json!["accessMode"].Should().BeNull();
    }
}
