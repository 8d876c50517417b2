using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Formats.Json;

/// <summary>
/// Imports a dataset file held in a stream. An extension, not a member of the store contract, because the store contract
/// lives in Domain and knows no file format.
/// </summary>
public static class DatasetFileImports
{
    /// <summary>Imports a dataset file (format v1) from a stream as it is read: all of it or none of it.</summary>
    public static Task<ImportSummary> ImportAsync(this ISupplyGraphStore store, Stream stream, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ImportAsync(new DatasetFileSource(stream, fileName), ImportOptions.Default, cancellationToken);
    }
}
