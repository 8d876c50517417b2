using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Api.Tests.Hardening;

/// <summary>Issue 11, points 2 and 3: a per-request deadline, and a bounded number of expensive requests at once.</summary>
public sealed class DeadlineAndGateTests
{
    private const string Expensive = "{ supplyChain(entity: \"acme-ai\") { partial } }";
    private const string Cheap = "{ entity(ref: \"acme-ai\") { id } }";

    [Fact]
    public async Task A_store_call_past_the_deadline_is_cancelled_and_answered_as_a_timeout()
    {
        // arrange: the store hangs until it is cancelled.
        await using var factory = new SupplyGraphApiFactory(settings: new Dictionary<string, string?>
        {
            ["SupplyGraph:Limits:RequestTimeoutSeconds"] = "0.5",
        });
        using var client = factory.CreateClient();
        await factory.Store.ImportAsync(SmallGraph.Dataset, TestContext.Current.CancellationToken);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        factory.Store.BeforeQuestion = async (_, token) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                cancelled.TrySetResult();
                throw;
            }
        };

        // act
        var response = await client.PostGraphQLAsync(Expensive).WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

        // assert
        response.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.SingleError().Code().Should().Be("TIMEOUT");
        response.SingleError().Str("message").Should().Contain("0.5 s").And.Contain("RequestTimeoutSeconds");
        cancelled.Task.IsCompletedSuccessfully.Should().BeTrue("the store call was cancelled, not left running");
    }

    [Fact]
    public async Task When_the_expensive_turn_is_taken_and_the_queue_is_full_another_expensive_request_is_429_and_a_cheap_one_answers()
    {
        // arrange: one turn, no queue; the first expensive request holds the turn.
        await using var factory = new SupplyGraphApiFactory(settings: new Dictionary<string, string?>
        {
            ["SupplyGraph:Limits:MaxConcurrentExpensive"] = "1",
            ["SupplyGraph:Limits:MaxQueuedExpensive"] = "0",
        });
        using var client = factory.CreateClient();
        await factory.Store.ImportAsync(SmallGraph.Dataset, TestContext.Current.CancellationToken);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        factory.Store.BeforeQuestion = async (method, token) =>
        {
            if (method == "SupplyChainAsync")
            {
                holding.TrySetResult();
                await release.Task.WaitAsync(token);
            }
        };
        var first = client.PostGraphQLAsync(Expensive);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // act
        var refused = await client.PostGraphQLAsync("{ exposure(regulation: \"chip-rule-2023\") { partial } }");
        var cheap = await client.PostGraphQLAsync(Cheap);
        release.SetResult();
        var answered = await first;

        // assert
        refused.Status.Should().Be(HttpStatusCode.TooManyRequests);
        refused.SingleError().Code().Should().Be("TOO_MANY_REQUESTS");
        cheap.Status.Should().Be(HttpStatusCode.OK);
        cheap.Data.GetProperty("entity").Str("id").Should().Be("acme-ai");
        answered.Errors.Should().BeEmpty(answered.Text);
    }

    [Fact]
    public async Task A_queued_expensive_request_whose_turn_does_not_come_is_429_with_retry_after()
    {
        // arrange: one turn, one place in the queue, a short wait.
        await using var factory = new SupplyGraphApiFactory(settings: new Dictionary<string, string?>
        {
            ["SupplyGraph:Limits:MaxConcurrentExpensive"] = "1",
            ["SupplyGraph:Limits:MaxQueuedExpensive"] = "1",
            ["SupplyGraph:Limits:QueueTimeoutSeconds"] = "0.2",
        });
        using var client = factory.CreateClient();
        await factory.Store.ImportAsync(SmallGraph.Dataset, TestContext.Current.CancellationToken);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        factory.Store.BeforeQuestion = async (_, token) =>
        {
            holding.TrySetResult();
            await release.Task.WaitAsync(token);
        };
        var first = client.PostGraphQLAsync(Expensive);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // act
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query = Expensive }), System.Text.Encoding.UTF8, "application/json"),
        };
        using var refused = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        release.SetResult();
        await first;

        // assert
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.Should().NotBeNull();
        body.Should().Contain("SERVER_BUSY");
    }

    [Fact]
    public async Task The_expensive_turn_is_given_back_before_a_slow_client_reads_the_answer()
    {
        // arrange: one turn; a walk with a large answer (19 copies of the schema) that the client does not read yet.
        await using var factory = new SupplyGraphApiFactory(settings: new Dictionary<string, string?>
        {
            ["SupplyGraph:Limits:MaxConcurrentExpensive"] = "1",
            ["SupplyGraph:Limits:MaxResponseValues"] = "10000000",
        });
        using var client = factory.CreateClient();
        await factory.Store.ImportAsync(SmallGraph.Dataset, TestContext.Current.CancellationToken);
        var gate = factory.Services.GetRequiredService<SupplyGraph.Api.Http.ExpensiveRequestGate>();
        const string Schema = "__schema { types { name description fields { name description args { name description type { name } } type { name kind ofType { name } } } } }";
        var query = "{ supplyChain(entity: \"acme-ai\") { partial } " + string.Join(" ", Enumerable.Range(0, 19).Select(i => $"s{i}: {Schema}")) + " }";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json"),
        };

        // act: headers only; the body waits in the server's buffers while the gate is watched.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (gate.FreeTurns == 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var freeBeforeReading = gate.FreeTurns;
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // assert: the answer is larger than the server buffers, so writing it waited for this reader.
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Length.Should().BeGreaterThan(400_000, "an answer this large cannot be written before it is read");
        body.Should().Contain("\"partial\"");
        freeBeforeReading.Should().Be(1, "the turn is given back when the walk ends, not when the client has read the answer");
    }
}
