using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Exporting;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Stores;

/// <summary>
/// What the API needs from a store. Each question is answered whole in one call, evidence included,
/// so a caller never makes one round trip per item.
/// </summary>
public interface ISupplyGraphStore
{
    /// <summary>A line for logs and health checks, e.g. "embedded (data/supplygraph.db)".</summary>
    string Description { get; }

    /// <summary>Creates what the store needs (tables, constraints) and loads what it has; safe to call again.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken);

    /// <summary>Imports a validated dataset in one transaction: all of it or none of it. Upserts by id.</summary>
    Task<ImportSummary> ImportAsync(Dataset dataset, CancellationToken cancellationToken);

    /// <summary>
    /// Imports one input (a dataset file, CSV files, Markdown notes) in one transaction: all of it or none of it.
    /// References outside the input are looked up in this store. Upserts by id (entities) and key (relationships).
    /// With <see cref="ImportOptions.DryRun"/> the counts are real but the transaction is rolled back.
    /// </summary>
    Task<ImportSummary> ImportAsync(IDatasetSource source, ImportOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Hands the stored entities of <paramref name="scope"/> to <paramref name="sink"/> in id order, then their
    /// relationships in key order (ordinal), so two exports of the same graph are the same.
    /// </summary>
    /// <returns>The numbers of entities and relationships handed over.</returns>
    Task<DatasetHeader> ExportAsync(ExportScope scope, IDatasetSink sink, CancellationToken cancellationToken);

    Task<Entity> ResolveAsync(string reference, CancellationToken cancellationToken);

    Task<IReadOnlyList<Entity>> SearchAsync(SearchQuestion question, CancellationToken cancellationToken);

    Task<EntityProfile> ProfileAsync(ProfileQuestion question, CancellationToken cancellationToken);

    Task<SupplyChainAnswer> SupplyChainAsync(SupplyChainQuestion question, CancellationToken cancellationToken);

    Task<ExportControlsAnswer> ExportControlsAsync(ExportControlsQuestion question, CancellationToken cancellationToken);

    Task<ExposureAnswer> ExposureAsync(ExposureQuestion question, CancellationToken cancellationToken);

    Task<PathAnswer> PathsAsync(PathsQuestion question, CancellationToken cancellationToken);
}

public sealed record StoreStatistics(long Entities, long Relationships);

/// <summary>What an import changed, counted per row.</summary>
public sealed record ImportSummary(string Dataset, ChangeCounts Entities, ChangeCounts Relationships)
{
    /// <summary>True when the import was rolled back on purpose (a dry run): the counts say what would have changed.</summary>
    public bool DryRun { get; init; }

    /// <summary>What the input held but did not import, with the reasons.</summary>
    public IReadOnlyList<SkippedItem> Skipped { get; init; } = [];

    public bool ChangedAnything => Entities.Added + Entities.Updated + Relationships.Added + Relationships.Updated > 0;
}

public sealed record ChangeCounts(long Added, long Updated, long Unchanged);
