using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Formats.Csv;

/// <summary>What is known of an id: defined by a valid row, by a row with errors, found in the store, or nowhere.</summary>
internal enum CsvEntityState
{
    Valid,
    Failed,
    Stored,
    Missing,
}

/// <summary>
/// The ids met in the node files (with their kinds and where they were first defined) and those looked up in the
/// store: all the reader keeps of the entities, so that memory grows with ids, not with rows.
/// </summary>
internal sealed class CsvEntityDirectory(IEntityLookup existing)
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Defines a valid row's id; false (with where it was first defined) when a row already had it.</summary>
    public bool TryDefine(string id, EntityKind kind, int file, int line, out (int File, int Line) firstDefinedAt)
    {
        if (entries.TryGetValue(id, out var entry) && entry.State is CsvEntityState.Valid or CsvEntityState.Failed)
        {
            firstDefinedAt = (entry.File, entry.Line);
            return false;
        }

        entries[id] = new Entry(CsvEntityState.Valid, kind, file, line);
        firstDefinedAt = default;
        return true;
    }

    /// <summary>Notes the id of a row with errors, so references to it are not reported again.</summary>
    public void MarkFailed(string id, int file, int line) => entries.TryAdd(id, new Entry(CsvEntityState.Failed, null, file, line));

    /// <summary>The state and kind of an id: from the node files, else from the store (asked once per id).</summary>
    public async ValueTask<(CsvEntityState State, EntityKind? Kind)> ResolveAsync(string id, CancellationToken cancellationToken)
    {
        if (!entries.TryGetValue(id, out var entry))
        {
            var stored = await existing.FindByIdAsync(id, cancellationToken);
            entry = stored is null ? new Entry(CsvEntityState.Missing, null, -1, 0) : new Entry(CsvEntityState.Stored, stored.Kind, -1, 0);
            entries[id] = entry;
        }

        return (entry.State, entry.Kind);
    }

    // A small struct per id: which file (by its number in the read) and line defined it.
    private readonly record struct Entry(CsvEntityState State, EntityKind? Kind, int File, int Line);
}
