using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Api.Tests.Http;

public sealed class CancellationTests
{
    [Fact]
    public async Task Client_disconnect_cancels_the_store_call()
    {
        // arrange
        await using var factory = new SupplyGraphApiFactory();
        using var client = factory.CreateClient();
        await factory.Store.ImportAsync(SmallGraph.Dataset, TestContext.Current.CancellationToken);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        factory.Store.BeforeQuestion = async (_, token) =>
        {
            entered.TrySetResult();
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
        using var clientGivesUp = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ supplyChain(entity: \"acme-ai\") { partial } }"}""", System.Text.Encoding.UTF8, "application/json"),
        };

        // act
        var sending = client.SendAsync(request, clientGivesUp.Token);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await clientGivesUp.CancelAsync();
        var send = async () => await sending;

        // assert
        await send.Should().ThrowAsync<OperationCanceledException>();
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        cancelled.Task.IsCompletedSuccessfully.Should().BeTrue();
    }
}
