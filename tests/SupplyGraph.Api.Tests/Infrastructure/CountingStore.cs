using System.Collections.Concurrent;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Exporting;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Api.Tests.Infrastructure;

/// <summary>
/// A decorator around the real store that counts calls per method and can run a hook before each question
/// (to block, to observe the cancellation token, or to fail).
/// </summary>
public sealed class CountingStore(ISupplyGraphStore inner) : ISupplyGraphStore, IDisposable
{
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);
    private int imports;

    /// <summary>Runs before each question with the method name and the token it was given.</summary>
    public Func<string, CancellationToken, Task>? BeforeQuestion { get; set; }

    public string Description => inner.Description;

    public int TotalQuestions => calls.Values.Sum();

    public int CallsTo(string method) => calls.GetValueOrDefault(method);

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(calls);

    public void Reset() => calls.Clear();

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => inner.GetStatisticsAsync(cancellationToken);

    public IndexStatistics? IndexStatistics => inner.IndexStatistics;

    /// <summary>Runs before each import (the start-up's seeding among them) with the token it was given.</summary>
    public Func<CancellationToken, Task>? BeforeImport { get; set; }

    /// <summary>Imports begun (not questions: <see cref="TotalQuestions"/> does not count them).</summary>
    public int Imports => Volatile.Read(ref imports);

    public async Task<ImportSummary> ImportAsync(IDatasetSource source, ImportOptions options, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref imports);
        if (BeforeImport is { } before)
        {
            await before(cancellationToken);
        }

        return await inner.ImportAsync(source, options, cancellationToken);
    }

    public Task<DatasetHeader> ExportAsync(ExportScope scope, IDatasetSink sink, CancellationToken cancellationToken) =>
        inner.ExportAsync(scope, sink, cancellationToken);

    public async Task<Entity> ResolveAsync(string reference, CancellationToken cancellationToken)
    {
        await CountAsync(nameof(ResolveAsync), cancellationToken);
        return await inner.ResolveAsync(reference, cancellationToken);
    }

    public async Task<IReadOnlyList<Entity>> SearchAsync(SearchQuestion question, CancellationToken cancellationToken)
    {
        await CountAsync(nameof(SearchAsync), cancellationToken);
        return await inner.SearchAsync(question, cancellationToken);
    }

    public async Task<EntityProfile> ProfileAsync(ProfileQuestion question, CancellationToken cancellationToken)
    {
        await CountAsync(nameof(ProfileAsync), cancellationToken);
        return await inner.ProfileAsync(question, cancellationToken);
    }

    public async Task<SupplyChainAnswer> SupplyChainAsync(SupplyChainQuestion question, CancellationToken cancellationToken)
    {
        await CountAsync(nameof(SupplyChainAsync), cancellationToken);
        return await inner.SupplyChainAsync(question, cancellationToken);
    }

    public async Task<ExportControlsAnswer> ExportControlsAsync(ExportControlsQuestion question, CancellationToken cancellationToken)
    {
        await CountAsync(nameof(ExportControlsAsync), cancellationToken);
        return await inner.ExportControlsAsync(question, cancellationToken);
    }

    public async Task<ExposureAnswer> ExposureAsync(ExposureQuestion question, CancellationToken cancellationToken)
    {
        await CountAsync(nameof(ExposureAsync), cancellationToken);
        return await inner.ExposureAsync(question, cancellationToken);
    }

    public async Task<PathAnswer> PathsAsync(PathsQuestion question, CancellationToken cancellationToken)
    {
        await CountAsync(nameof(PathsAsync), cancellationToken);
        return await inner.PathsAsync(question, cancellationToken);
    }

    public async Task<ChangesAnswer> ChangesAsync(ChangesQuestion question, CancellationToken cancellationToken)
    {
        await CountAsync(nameof(ChangesAsync), cancellationToken);
        return await inner.ChangesAsync(question, cancellationToken);
    }

    public async Task<Page<Entity>> ListEntitiesAsync(EntityListQuestion question, CancellationToken cancellationToken)
    {
        await CountAsync(nameof(ListEntitiesAsync), cancellationToken);
        return await inner.ListEntitiesAsync(question, cancellationToken);
    }

    public async Task<Page<Relationship>> ListRelationshipsAsync(RelationshipListQuestion question, CancellationToken cancellationToken)
    {
        await CountAsync(nameof(ListRelationshipsAsync), cancellationToken);
        return await inner.ListRelationshipsAsync(question, cancellationToken);
    }

    public async Task<CountsAnswer> CountAsync(CountQuestion question, CancellationToken cancellationToken)
    {
        await CountAsync(nameof(CountAsync), cancellationToken);
        return await inner.CountAsync(question, cancellationToken);
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private Task CountAsync(string method, CancellationToken cancellationToken)
    {
        calls.AddOrUpdate(method, 1, (_, count) => count + 1);
        return BeforeQuestion?.Invoke(method, cancellationToken) ?? Task.CompletedTask;
    }
}
