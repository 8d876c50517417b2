using System.Diagnostics;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Api.Hosting;

/// <summary>What a store needs before it answers, the same for the web host (<see cref="StoreInitializer"/>) and the command line's verbs.</summary>
public static class StorePreparation
{
    /// <summary>How often seeding says how far it has got.</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    /// <summary>Initializes the store and, when it is empty and <paramref name="seedIfEmpty"/>, imports the seed dataset.</summary>
    public static async Task PrepareAsync(IGraphAdmin store, bool seedIfEmpty, ILogger logger, CancellationToken cancellationToken)
    {
        var statistics = await InitializeAsync(store, logger, cancellationToken);
        if (seedIfEmpty)
        {
            await SeedIfEmptyAsync(store, statistics, logger, cancellationToken);
        }
    }

    /// <summary>Opens the store (schema, index or projection) and says what it holds.</summary>
    public static async Task<StoreStatistics> InitializeAsync(IGraphAdmin store, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logger);
        var started = Stopwatch.GetTimestamp();
        await store.InitializeAsync(cancellationToken);
        var statistics = await store.GetStatisticsAsync(cancellationToken);
        logger.LogInformation(
            "Store {Store} initialized in {ElapsedMs} ms: {Entities} entities, {Relationships} relationships",
            store.Description, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, statistics.Entities, statistics.Relationships);
        return statistics;
    }

    /// <summary>Imports the seed dataset into a store that holds no entity, saying how far it has got every few seconds.</summary>
    public static async Task SeedIfEmptyAsync(IGraphAdmin store, StoreStatistics statistics, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(logger);
        if (statistics.Entities > 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var lastReport = started;
        var seed = SeedDataset.Load();
        logger.LogInformation("Seeding empty store {Store} with dataset {Dataset}: {Rows} rows", store.Description, seed.Name, seed.Entities.Count + seed.Relationships.Count);
        var options = new ImportOptions
        {
            Progress = progress =>
            {
                if (Stopwatch.GetElapsedTime(lastReport) < ProgressInterval)
                {
                    return;
                }

                lastReport = Stopwatch.GetTimestamp();
                logger.LogInformation("Seeding {Store}: {Rows} of {Total} rows written in {ElapsedMs} ms", store.Description, progress.RowsWritten, progress.RowsTotal, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            },
        };
        var summary = await store.ImportAsync(seed, options, cancellationToken);
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
