using System.Net;
using FluentAssertions;
using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Api.Tests.Hardening;

/// <summary>
/// The gate learns what a request costs from the processor time its store calls took, not from its wall time: a walk
/// that waited (on a lock, a loaded machine, a remote store) but computed little is cheap the next time, and takes a
/// cheap turn while the expensive ones are all taken.
/// </summary>
public sealed class CostLearningTests
{
    private const string Holder = "{ exposure(regulation: \"chip-rule-2023\") { partial } }";
    private const string SlowButCheap = "{ supplyChain(entity: \"acme-ai\") { partial } }";
    private const string NeverSeen = "{ paths(from: \"acme-ai\", to: \"chip-rule-2023\") { partial } }";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_walk_that_waited_but_computed_little_takes_a_cheap_turn_the_next_time()
    {
        // arrange: one expensive turn, no queue; the supply chain waits 300 ms (wall) inside the store, computing nothing
        await using var factory = new SupplyGraphApiFactory(settings: new Dictionary<string, string?>
        {
            ["SupplyGraph:Limits:MaxConcurrentExpensive"] = "1",
            ["SupplyGraph:Limits:MaxQueuedExpensive"] = "0",
        });
        using var client = factory.CreateClient();
        await factory.Store.ImportAsync(SmallGraph.Dataset, Token);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        factory.Store.BeforeQuestion = async (method, token) =>
        {
            if (method == "SupplyChainAsync")
            {
                await Task.Delay(300, token);
            }
            else if (method == "ExposureAsync")
            {
                holding.TrySetResult();
                await release.Task.WaitAsync(token);
            }
        };
        var learned = await client.PostGraphQLAsync(SlowButCheap);
        var holder = client.PostGraphQLAsync(Holder);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(10), Token);

        // act: every expensive turn is taken
        var again = await client.PostGraphQLAsync(SlowButCheap);
        var unseen = await client.PostGraphQLAsync(NeverSeen);
        release.SetResult();
        await holder;

        // assert
        learned.Status.Should().Be(HttpStatusCode.OK, learned.Text);
        again.Status.Should().Be(HttpStatusCode.OK, "it cost little processor time, so it took a cheap turn: " + again.Text);
        unseen.Status.Should().Be(HttpStatusCode.TooManyRequests, "a walk not seen before is presumed expensive");
    }
}
