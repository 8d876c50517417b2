using FluentAssertions;
using SupplyGraph.Api.Hosting;
using SupplyGraph.Api.Http;
using SupplyGraph.Api.Tests.Infrastructure;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace SupplyGraph.Api.Tests.Http;

/// <summary>Turns by cost (issue 20): which lane a request takes, and the order the cheap lane serves its queue in.</summary>
public sealed class ExpensiveRequestGateTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void A_walk_not_seen_before_is_expensive_and_a_lookup_not_seen_before_takes_no_turn()
    {
        // arrange
        var costs = new RequestCosts(TimeSpan.FromMilliseconds(25));

        // act
        var walk = costs.LaneOf(Key(1, walks: true, lookups: 1));
        var lookup = costs.LaneOf(Key(2, walks: false, lookups: 1));
        var twentyLookups = costs.LaneOf(Key(3, walks: false, lookups: 20));

        // assert
        walk.Should().Be(RequestLane.Expensive);
        lookup.Should().Be(RequestLane.Free);
        twentyLookups.Should().Be(RequestLane.Cheap);
    }

    [Fact]
    public void What_a_request_cost_when_it_ran_decides_its_lane_next_time()
    {
        // arrange
        var costs = new RequestCosts(TimeSpan.FromMilliseconds(25));
        var cheapWalk = Key(1, walks: true, lookups: 1);
        var costlyLookup = Key(2, walks: false, lookups: 1);

        // act
        costs.Record(cheapWalk, TimeSpan.FromMilliseconds(1));
        costs.Record(costlyLookup, TimeSpan.FromMilliseconds(400));

        // assert: a cheap walk takes a cheap turn, never none (a flood of it must not start ungated)
        costs.LaneOf(cheapWalk).Should().Be(RequestLane.Cheap);
        costs.LaneOf(costlyLookup).Should().Be(RequestLane.Expensive);
    }

    [Fact]
    public void One_odd_run_does_not_flip_a_request_that_was_cheap_many_times()
    {
        // arrange
        var costs = new RequestCosts(TimeSpan.FromMilliseconds(25));
        var key = Key(1, walks: true, lookups: 1);
        for (var i = 0; i < 10; i++)
        {
            costs.Record(key, TimeSpan.FromMilliseconds(2));
        }

        // act
        costs.Record(key, TimeSpan.FromMilliseconds(60));

        // assert
        costs.LaneOf(key).Should().Be(RequestLane.Cheap);
        costs.Predicted(key).Should().BeInRange(2, 25);
    }

    [Fact]
    public async Task The_same_document_with_other_variables_is_another_request()
    {
        // arrange
        await using var factory = new SupplyGraphApiFactory();
        var analysis = QueryAnalysis.Of(
            factory.Services.GetRequiredService<ISchema>(),
            new RequestLimits(),
            GraphQLParser.Parser.Parse("query($e: String!) { exposure(regulation: $e) { partial } }"),
            null,
            null);
        const string Query = "query($e: String!) { exposure(regulation: $e) { partial } }";

        // act
        var leaf = RequestCostKey.For(Query, null, new Dictionary<string, object?> { ["e"] = "leaf-rule" }, analysis);
        var hub = RequestCostKey.For(Query, null, new Dictionary<string, object?> { ["e"] = "hub-rule" }, analysis);
        var leafAgain = RequestCostKey.For(Query, null, new Dictionary<string, object?> { ["e"] = "leaf-rule" }, analysis);

        // assert
        hub.Document.Should().NotBe(leaf.Document);
        leafAgain.Should().Be(leaf);
        leaf.WalksTheGraph.Should().BeTrue();
        leaf.StoreRootFields.Should().Be(1);
    }

    [Fact]
    public void The_memory_of_costs_keeps_the_most_recent_documents_only()
    {
        // arrange
        var costs = new RequestCosts(TimeSpan.FromMilliseconds(25));

        // act
        for (var i = 0; i < RequestCosts.Capacity + 10; i++)
        {
            costs.Record(Key(i, walks: true, lookups: 1), TimeSpan.FromMilliseconds(1));
        }

        // assert
        costs.Count.Should().Be(RequestCosts.Capacity);
        costs.LaneOf(Key(0, walks: true, lookups: 1)).Should().Be(RequestLane.Expensive, "the oldest was forgotten, so its prior holds again");
        costs.LaneOf(Key(RequestCosts.Capacity + 9, walks: true, lookups: 1)).Should().Be(RequestLane.Cheap);
    }

    [Fact]
    public async Task The_cheap_lane_serves_the_cheapest_waiter_first()
    {
        // arrange: one cheap turn, held; a 20-lookup request waits, then a 3-lookup one
        using var gate = new ExpensiveRequestGate(new RequestLimits { MaxConcurrentCheap = 1, QueueTimeoutSeconds = 30 });
        var holder = await gate.EnterAsync(Key(1, walks: false, lookups: 10), Token);
        var costly = gate.EnterAsync(Key(2, walks: false, lookups: 20), Token);
        var cheap = gate.EnterAsync(Key(3, walks: false, lookups: 3), Token);

        // act
        holder.Dispose();
        var first = await Task.WhenAny(costly, cheap).WaitAsync(TimeSpan.FromSeconds(10), Token);

        // assert
        holder.Lane.Should().Be(RequestLane.Cheap);
        first.Should().BeSameAs(cheap);
        costly.IsCompleted.Should().BeFalse("its turn comes when the cheap one gives its back");
        (await cheap).Dispose();
        (await costly.WaitAsync(TimeSpan.FromSeconds(10), Token)).Refusal.Should().Be(GateRefusal.None);
    }

    [Fact]
    public async Task A_cheap_request_is_refused_when_the_queue_is_full_or_its_turn_does_not_come_in_time()
    {
        // arrange
        using var gate = new ExpensiveRequestGate(new RequestLimits { MaxConcurrentCheap = 1, MaxQueuedCheap = 1, QueueTimeoutSeconds = 0.2 });
        using var holder = await gate.EnterAsync(Key(1, walks: false, lookups: 10), Token);
        var waiting = gate.EnterAsync(Key(2, walks: false, lookups: 10), Token);

        // act
        using var overflow = await gate.EnterAsync(Key(3, walks: false, lookups: 10), Token);
        using var timedOut = await waiting.WaitAsync(TimeSpan.FromSeconds(10), Token);

        // assert
        overflow.Refusal.Should().Be(GateRefusal.QueueFull);
        timedOut.Refusal.Should().Be(GateRefusal.TimedOut);
    }

    [Fact]
    public async Task A_lookup_predicted_free_passes_while_every_turn_is_taken()
    {
        // arrange: the one expensive and the one cheap turn are held
        using var gate = new ExpensiveRequestGate(new RequestLimits { MaxConcurrentCheap = 1, MaxConcurrentExpensive = 1, MaxQueuedCheap = 0, MaxQueuedExpensive = 0 });
        using var expensive = await gate.EnterAsync(Key(1, walks: true, lookups: 1), Token);
        using var cheap = await gate.EnterAsync(Key(2, walks: false, lookups: 10), Token);

        // act
        using var free = await gate.EnterAsync(Key(3, walks: false, lookups: 1), Token);

        // assert
        expensive.Lane.Should().Be(RequestLane.Expensive);
        cheap.Lane.Should().Be(RequestLane.Cheap);
        free.Lane.Should().Be(RequestLane.Free);
        free.Refusal.Should().Be(GateRefusal.None);
    }

    private static RequestCostKey Key(int document, bool walks, int lookups) => new((UInt128)document, walks, lookups);
}
