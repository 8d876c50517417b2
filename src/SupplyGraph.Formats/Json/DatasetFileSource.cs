using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;

namespace SupplyGraph.Formats.Json;

/// <summary>
/// A dataset file in the JSON format (datasets/README.md), streamed through <see cref="DatasetReader"/>. The format is
/// self-contained: every relationship's ends must be entities of the same file, so the store is not consulted.
/// </summary>
public sealed class DatasetFileSource : IDatasetSource
{
    private readonly SourceInput input;

    public DatasetFileSource(string path) => input = SourceInput.FromPath(path);

    /// <summary>Reads from a stream the caller owns (and disposes); it can be read once.</summary>
    public DatasetFileSource(Stream stream, string fileName) => input = SourceInput.FromStream(stream, fileName);

    public string Name => input.Name;

    public long? Length => input.Length;

    public Task<DatasetHeader> ReadIntoAsync(IDatasetSink sink, IEntityLookup existing, CancellationToken cancellationToken)
    {
        using var stream = input.Open();
        return Task.FromResult(DatasetReader.ReadInto(stream, input.Location, sink, cancellationToken));
    }
}
