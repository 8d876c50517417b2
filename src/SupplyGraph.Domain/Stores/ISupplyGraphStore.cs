using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Exporting;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Stores;

/// <summary>What every side of a store tells: what it is (for logs and health) and how much it holds.</summary>
public interface IGraphStoreInfo : IAsyncDisposable
{
    /// <summary>A line for logs and health checks, e.g. "embedded (data/supplygraph.db)".</summary>
    string Description { get; }

    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The in-memory index the store answers from now (Neo4j's: its projection), read without a round trip, so a
    /// metrics scrape may ask it every few seconds; null before the first load, or for a store that keeps none.
    /// </summary>
    IndexStatistics? IndexStatistics => null;
}

/// <summary>
/// The questions, what the GraphQL API and the command line's question verbs need. Each question is answered whole
/// in one call, evidence included, so a caller never makes one round trip per item. Nothing here writes.
/// </summary>
public interface IGraphQueries : IGraphStoreInfo
{
    Task<Entity> ResolveAsync(string reference, CancellationToken cancellationToken);

    Task<IReadOnlyList<Entity>> SearchAsync(SearchQuestion question, CancellationToken cancellationToken);

    Task<EntityProfile> ProfileAsync(ProfileQuestion question, CancellationToken cancellationToken);

    Task<SupplyChainAnswer> SupplyChainAsync(SupplyChainQuestion question, CancellationToken cancellationToken);

    Task<ExportControlsAnswer> ExportControlsAsync(ExportControlsQuestion question, CancellationToken cancellationToken);

    Task<ExposureAnswer> ExposureAsync(ExposureQuestion question, CancellationToken cancellationToken);

    Task<PathAnswer> PathsAsync(PathsQuestion question, CancellationToken cancellationToken);

    /// <summary>What entered and left an entity's supply chain and export controls between two days (<see cref="ChangeQuestions"/>).</summary>
    Task<ChangesAnswer> ChangesAsync(ChangesQuestion question, CancellationToken cancellationToken);

    /// <summary>One page of entities: filtered, ordered, after a cursor (the read API).</summary>
    Task<Page<Entity>> ListEntitiesAsync(EntityListQuestion question, CancellationToken cancellationToken);

    /// <summary>One page of one entity's relationships, or of the whole graph's: filtered, ordered, after a cursor.</summary>
    Task<Page<Relationship>> ListRelationshipsAsync(RelationshipListQuestion question, CancellationToken cancellationToken);

    /// <summary>Entities or relationships counted in groups.</summary>
    Task<CountsAnswer> CountAsync(CountQuestion question, CancellationToken cancellationToken);
}

/// <summary>Setting a store up and moving data in and out: what start-up and the import, export and validate verbs need.</summary>
public interface IGraphAdmin : IGraphStoreInfo
{
    /// <summary>Creates what the store needs (tables, constraints) and loads what it has; safe to call again.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Imports one input (a dataset file, CSV files, Markdown notes, a dataset in memory) in one transaction: all of
    /// it or none of it. References outside the input are looked up in this store. Upserts by id (entities) and key
    /// (relationships). With <see cref="ImportOptions.DryRun"/> the counts are real but the transaction is rolled back.
    /// </summary>
    Task<ImportSummary> ImportAsync(IDatasetSource source, ImportOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Hands the stored entities of <paramref name="scope"/> to <paramref name="sink"/> in id order, then their
    /// relationships in key order (ordinal), so two exports of the same graph are the same.
    /// </summary>
    /// <returns>The numbers of entities and relationships handed over.</returns>
    Task<DatasetHeader> ExportAsync(ExportScope scope, IDatasetSink sink, CancellationToken cancellationToken);
}

/// <summary>
/// A whole store, both sides: what a store implements and registers (<c>AddEmbeddedStore</c>, <c>AddNeo4jStore</c>).
/// Callers take the side they use, <see cref="IGraphQueries"/> or <see cref="IGraphAdmin"/>.
/// </summary>
public interface ISupplyGraphStore : IGraphQueries, IGraphAdmin;

/// <summary>Imports of what is already in memory.</summary>
public static class GraphAdminExtensions
{
    /// <summary>Imports a validated dataset in one transaction: all of it or none of it. Upserts by id.</summary>
    public static Task<ImportSummary> ImportAsync(this IGraphAdmin store, Dataset dataset, CancellationToken cancellationToken) =>
        store.ImportAsync(dataset, ImportOptions.Default, cancellationToken);

    /// <summary>Imports a validated dataset in one transaction, with options (a dry run, progress reports).</summary>
    public static Task<ImportSummary> ImportAsync(this IGraphAdmin store, Dataset dataset, ImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ImportAsync(DatasetSource.From(dataset), options, cancellationToken);
    }
}

public sealed record StoreStatistics(long Entities, long Relationships);

/// <summary>An index a store answers from: <paramref name="Kind"/> is <c>index</c> (embedded) or <c>projection</c> (Neo4j).</summary>
public sealed record IndexStatistics(string Kind, long Entities, long Relationships, DateTimeOffset LoadedAt);

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
