using System.Diagnostics;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Api.Hosting;

/// <summary>What a store needs before it answers, the same for the web host (<see cref="StoreInitializer"/>) and the command line's verbs.</summary>
public static class StorePreparation
{
    /// <summary>Initializes the store and, when it is empty and <paramref name="seedIfEmpty"/>, imports the seed dataset.</summary>
    public static async Task PrepareAsync(IGraphAdmin store, bool seedIfEmpty, ILogger logger, CancellationToken cancellationToken)
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
}
