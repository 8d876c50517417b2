using SupplyGraph.Domain.Datasets;

namespace SupplyGraph.Domain.Importing;

/// <summary>Sources of what is already in memory.</summary>
internal static class DatasetSource
{
    /// <summary>A validated dataset (the seed, a generated graph) as an input like any file, so it takes the one import path.</summary>
    public static IDatasetSource From(Dataset dataset) => new InMemory(dataset ?? throw new ArgumentNullException(nameof(dataset)));

    private sealed class InMemory(Dataset dataset) : IDatasetSource
    {
        public string Name => dataset.Name;

        public long? Rows => dataset.Entities.Count + dataset.Relationships.Count;

        public Task<DatasetHeader> ReadIntoAsync(IDatasetSink sink, IEntityLookup existing, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(sink);
            cancellationToken.ThrowIfCancellationRequested();
            sink.WriteAll(dataset);
            return Task.FromResult(new DatasetHeader(dataset.Name, dataset.Description, dataset.Entities.Count, dataset.Relationships.Count));
        }
    }
}
