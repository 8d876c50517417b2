using System.Diagnostics;
using Microsoft.Extensions.Options;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Api.Hosting;

/// <summary>
/// Prepares the store before the server answers (hosted services start before Kestrel):
/// initializes it and, when it is empty and <see cref="SupplyGraphOptions.SeedOnEmptyStore"/> is set, imports the seed dataset.
/// </summary>
public sealed class StoreInitializer(ISupplyGraphStore store, IOptions<SupplyGraphOptions> options, ILogger<StoreInitializer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        PrepareAsync(store, options.Value.SeedOnEmptyStore, logger, cancellationToken);

    /// <summary>Initializes the store and, when it is empty and <paramref name="seedIfEmpty"/>, imports the seed dataset.</summary>
    public static async Task PrepareAsync(ISupplyGraphStore store, bool seedIfEmpty, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logger);
        var started = Stopwatch.GetTimestamp();
        await store.InitializeAsync(cancellationToken);
        var statistics = await store.GetStatisticsAsync(cancellationToken);
        logger.LogInformation(
            "Store {Store} initialized in {ElapsedMs} ms: {Entities} entities, {Relationships} relationships",
            store.Description, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, statistics.Entities, statistics.Relationships);

        if (statistics.Entities > 0 || !seedIfEmpty)
        {
            return;
        }

        started = Stopwatch.GetTimestamp();
        var summary = await store.ImportAsync(SeedDataset.Load(), cancellationToken);
        statistics = await store.GetStatisticsAsync(cancellationToken);
        logger.LogInformation(
            "Seeded empty store with dataset {Dataset} in {ElapsedMs} ms: {EntitiesAdded} entities and {RelationshipsAdded} relationships added; store now holds {Entities} entities, {Relationships} relationships",
            summary.Dataset,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            summary.Entities.Added,
            summary.Relationships.Added,
            statistics.Entities,
            statistics.Relationships);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
