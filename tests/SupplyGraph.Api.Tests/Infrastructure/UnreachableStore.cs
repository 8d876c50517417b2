using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Exporting;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Api.Tests.Infrastructure;

/// <summary>A store whose server is down: every call fails as a refused connection does.</summary>
public sealed class UnreachableStore : ISupplyGraphStore
{
    public string Description => "unreachable (test)";

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public Task InitializeAsync(CancellationToken cancellationToken) => Fail<bool>();

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => Fail<StoreStatistics>();

    public Task<ImportSummary> ImportAsync(IDatasetSource source, ImportOptions options, CancellationToken cancellationToken) => Fail<ImportSummary>();

    public Task<DatasetHeader> ExportAsync(ExportScope scope, IDatasetSink sink, CancellationToken cancellationToken) => Fail<DatasetHeader>();

    public Task<Entity> ResolveAsync(string reference, CancellationToken cancellationToken) => Fail<Entity>();

    public Task<IReadOnlyList<Entity>> SearchAsync(SearchQuestion question, CancellationToken cancellationToken) => Fail<IReadOnlyList<Entity>>();

    public Task<EntityProfile> ProfileAsync(ProfileQuestion question, CancellationToken cancellationToken) => Fail<EntityProfile>();

    public Task<SupplyChainAnswer> SupplyChainAsync(SupplyChainQuestion question, CancellationToken cancellationToken) => Fail<SupplyChainAnswer>();

    public Task<ExportControlsAnswer> ExportControlsAsync(ExportControlsQuestion question, CancellationToken cancellationToken) => Fail<ExportControlsAnswer>();

    public Task<ExposureAnswer> ExposureAsync(ExposureQuestion question, CancellationToken cancellationToken) => Fail<ExposureAnswer>();

    public Task<PathAnswer> PathsAsync(PathsQuestion question, CancellationToken cancellationToken) => Fail<PathAnswer>();

    public Task<ChangesAnswer> ChangesAsync(ChangesQuestion question, CancellationToken cancellationToken) => Fail<ChangesAnswer>();

    public Task<Page<Entity>> ListEntitiesAsync(EntityListQuestion question, CancellationToken cancellationToken) => Fail<Page<Entity>>();

    public Task<Page<Relationship>> ListRelationshipsAsync(RelationshipListQuestion question, CancellationToken cancellationToken) => Fail<Page<Relationship>>();

    public Task<CountsAnswer> CountAsync(CountQuestion question, CancellationToken cancellationToken) => Fail<CountsAnswer>();

    private static Task<T> Fail<T>() => Task.FromException<T>(new HttpRequestException("connection refused (127.0.0.1:7474)"));
}
