using Microsoft.Extensions.Options;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Api.Hosting;

/// <summary>
/// Prepares the store before the server answers (hosted services start before Kestrel): initializes it and, when it is
/// empty and <see cref="SupplyGraphOptions.SeedOnEmptyStore"/> is set, imports the seed dataset. When that fails (a
/// Neo4j server that is down or hangs, an embedded file locked by an import running elsewhere) the service starts
/// anyway, unhealthy, and tries again every <see cref="RetryDelay"/> until it works, so it recovers by itself.
/// Each try is bounded by the request deadline, so a server that hangs cannot hold the start.
/// </summary>
internal sealed class StoreInitializer(
    IGraphAdmin store,
    StoreAvailability availability,
    IOptions<SupplyGraphOptions> options,
    ILogger<StoreInitializer> logger) : IHostedService, IDisposable
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource stopping = new();
    private Task? retrying;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await TryPrepareAsync(cancellationToken))
        {
            return;
        }

        retrying = Task.Run(() => RetryUntilReadyAsync(stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // The host was disposed before it was stopped (a start that failed): nothing runs any more.
            return;
        }

        if (retrying is not null)
        {
            await Task.WhenAny(retrying, Task.Delay(Timeout.Infinite, cancellationToken));
        }
    }

    public void Dispose() => stopping.Dispose();

    private async Task RetryUntilReadyAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (await TryPrepareAsync(cancellationToken))
            {
                logger.LogInformation("Store {Store} is available again", store.Description);
                return;
            }
        }
    }

    private async Task<bool> TryPrepareAsync(CancellationToken cancellationToken)
    {
        // Opening the store and seeding an empty one are bounded by the start-up deadline, each; not by a request's.
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.Value.StartTimeout);
        var seeding = false;
        try
        {
            var statistics = await StorePreparation.InitializeAsync(store, logger, attempt.Token);
            if (options.Value.SeedOnEmptyStore && statistics.Entities == 0)
            {
                seeding = true;
                attempt.CancelAfter(options.Value.StartTimeout);
                await StorePreparation.SeedIfEmptyAsync(store, statistics, logger, attempt.Token);
            }

            availability.MarkReady();
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = exception is OperationCanceledException
                ? seeding
                    ? $"Seeding the empty store did not finish within {options.Value.StartTimeoutSeconds:0.###} s (SUPPLYGRAPH_START_TIMEOUT_SECONDS)."
                    : $"The store did not open within {options.Value.StartTimeoutSeconds:0.###} s (SUPPLYGRAPH_START_TIMEOUT_SECONDS)."
                : StoreFailureText.ForClients(exception);
            if (availability.Problem != reason)
            {
                logger.LogWarning("Store {Store} is unavailable; trying again every {Delay} s: {Reason}", store.Description, RetryDelay.TotalSeconds, StoreFailureText.ForLog(exception));
            }

            availability.MarkUnavailable(reason);
            return false;
        }
    }
}
