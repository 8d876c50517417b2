using SupplyGraph.Domain.Datasets;

namespace SupplyGraph.Domain.Importing;

/// <summary>
/// One input an import reads: a dataset file (JSON or YAML), a set of CSV files, a folder of Markdown notes.
/// Every format reads the same way: validate as it goes, hand each valid row to the sink in order, and either
/// finish with the header or throw one <see cref="DatasetValidationException"/> that lists every error with its file,
/// line, column and field. Rows may reach the sink before an error is found, so a store writes them where they can
/// be rolled back.
/// </summary>
public interface IDatasetSource
{
    /// <summary>What summaries and progress call this input: a file or folder name.</summary>
    string Name { get; }

    /// <summary>Bytes to read in all, when known before reading (for progress); null when not.</summary>
    long? Length => null;

    /// <summary>Rows (entities and relationships) to import in all, when known before reading (for progress); null when not.</summary>
    long? Rows => null;

    /// <summary>
    /// Reads the input once. References that are not in the input itself (a relationship's end, a note's link) are
    /// looked up in <paramref name="existing"/>: the store being imported into, or <see cref="EntityLookup.None"/>
    /// when only the files are checked.
    /// </summary>
    Task<DatasetHeader> ReadIntoAsync(IDatasetSink sink, IEntityLookup existing, CancellationToken cancellationToken);
}
