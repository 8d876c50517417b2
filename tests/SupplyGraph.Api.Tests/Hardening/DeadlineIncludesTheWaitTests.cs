using System.Diagnostics;
using System.Net;
using FluentAssertions;
using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Api.Tests.Hardening;

/// <summary>Issue 20: no request runs past its deadline, counted from before it waited for a turn, not from its turn.</summary>
public sealed class DeadlineIncludesTheWaitTests
{
    private const string Walk = "{ supplyChain(entity: \"acme-ai\") { partial } }";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_that_waited_for_its_turn_has_only_the_rest_of_its_deadline_to_run()
    {
        // arrange: a 1.5 s deadline; one expensive turn, held 1 s by the first walk; every walk then hangs in the store
        await using var factory = new SupplyGraphApiFactory(settings: new Dictionary<string, string?>
        {
            ["SupplyGraph:Limits:RequestTimeoutSeconds"] = "1.5",
            ["SupplyGraph:Limits:QueueTimeoutSeconds"] = "10",
            ["SupplyGraph:Limits:MaxConcurrentExpensive"] = "1",
        });
        using var client = factory.CreateClient();
        await factory.Store.ImportAsync(SmallGraph.Dataset, Token);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        factory.Store.BeforeQuestion = async (method, token) =>
        {
            if (method == "SupplyChainAsync")
            {
                holding.TrySetResult();
                await Task.Delay(1000, token);
                return;
            }

            await Task.Delay(Timeout.Infinite, token);
        };
        var holder = client.PostGraphQLAsync(Walk);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(10), Token);
        var clock = Stopwatch.StartNew();

        // act
        var waited = await client.PostGraphQLAsync("{ exportControls(entity: \"acme-ai\") { partial } }").WaitAsync(TimeSpan.FromSeconds(30), Token);
        var took = clock.Elapsed;
        await holder;

        // assert: it waited about 1 s for the turn, then had about 0.5 s left, not another 1.5 s
        waited.Status.Should().Be(HttpStatusCode.ServiceUnavailable, waited.Text);
        waited.SingleError().Code().Should().Be("TIMEOUT");
        took.Should().BeLessThan(TimeSpan.FromSeconds(2.2), "the deadline ran from before the wait");
    }
}
