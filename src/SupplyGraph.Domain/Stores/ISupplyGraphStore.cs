using SupplyGraph.Domain.Datasets;
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
    /// Imports a dataset file (format v1) from a stream: all of it or none of it. This default reads the file whole
    /// and validates it first; a store that can write as it reads (the embedded store) streams instead.
    /// </summary>
    async Task<ImportSummary> ImportAsync(Stream stream, string fileName, CancellationToken cancellationToken) =>
        await ImportAsync(DatasetReader.Read(stream, fileName), cancellationToken);

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
    public bool ChangedAnything => Entities.Added + Entities.Updated + Relationships.Added + Relationships.Updated > 0;
}

public sealed record ChangeCounts(long Added, long Updated, long Unchanged);
