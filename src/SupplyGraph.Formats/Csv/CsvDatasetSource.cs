using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;

namespace SupplyGraph.Formats.Csv;

/// <summary>
/// CSV files in the <c>neo4j-admin database import</c> header format (see Csv/README.md): node files (an <c>:ID</c>
/// column) and relationship files (<c>:START_ID</c>, <c>:END_ID</c>, <c>:TYPE</c>), in any order; node files are read
/// first. Rows are streamed and checked with the rules of the JSON dataset format; a relationship end in no node file
/// is looked up in the store being imported into.
/// </summary>
public sealed class CsvDatasetSource : IDatasetSource
{
    private readonly IReadOnlyList<string> paths;
    private readonly Func<string, Stream> open;

    public CsvDatasetSource(IReadOnlyList<string> paths)
        : this(paths, File.OpenRead)
    {
        Length = this.paths.Sum(path => new FileInfo(path).Length);
    }

    /// <summary>Reads the files through <paramref name="open"/> (a test's counting stream, say).</summary>
    internal CsvDatasetSource(IReadOnlyList<string> paths, Func<string, Stream> open)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(open);
        if (paths.Count == 0)
        {
            throw new ArgumentException("Give at least one CSV file.", nameof(paths));
        }

        foreach (var path in paths)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(path, nameof(paths));
        }

        this.paths = [.. paths];
        this.open = open;
        Name = NameOf(this.paths);
    }

    /// <summary>The folder the files are in, when they share one; else the first file's name.</summary>
    public string Name { get; }

    /// <summary>The sum of the files' sizes.</summary>
    public long? Length { get; }

    public Task<DatasetHeader> ReadIntoAsync(IDatasetSink sink, IEntityLookup existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(existing);
        return new CsvDatasetRead(Name, paths, open, sink, existing, cancellationToken).RunAsync();
    }

    private static string NameOf(IReadOnlyList<string> paths)
    {
        var folders = paths.Select(path => Path.GetDirectoryName(Path.GetFullPath(path))).Distinct(StringComparer.Ordinal).ToList();
        return folders is [{ } folder] && Path.GetFileName(folder) is { Length: > 0 } name ? name : Path.GetFileName(paths[0]);
    }
}
