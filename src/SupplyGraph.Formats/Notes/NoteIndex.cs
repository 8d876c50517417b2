using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Formats.Notes;

/// <summary>What the first read learns of a note: the entity it is about and the names links may use for it.</summary>
internal sealed record NoteEntry(string File, string Id, string Title, IReadOnlyList<string> Aliases, EntityKind? Kind);

/// <summary>A link's target: an entity id and kind, nothing (<see cref="Id"/> null), or why it is ambiguous.</summary>
internal readonly record struct ResolvedLink(string? Id, EntityKind? Kind, string? Ambiguity)
{
    public bool Found => Id is not null;
}

/// <summary>
/// The notes of one import by id, title and alias, so links between them resolve before the store is asked
/// (the same order as the resolve question: id, then name, then alias, ignoring case).
/// </summary>
internal sealed class NoteIndex(IEntityLookup existing)
{
    private readonly List<NoteEntry> entries = [];
    private readonly Dictionary<string, NoteEntry> byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<NoteEntry>> byTitle = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<NoteEntry>> byAlias = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds a note; returns the note already about the same entity, if any (the note is then not added).</summary>
    public NoteEntry? Add(NoteEntry entry)
    {
        if (byId.TryGetValue(entry.Id, out var first))
        {
            return first;
        }

        entries.Add(entry);
        byId[entry.Id] = entry;
        AddName(byTitle, entry.Title, entry);
        foreach (var alias in entry.Aliases)
        {
            AddName(byAlias, alias, entry);
        }

        return null;
    }

    /// <summary>A link's target among the notes of this import, then among the stored entities.</summary>
    public async Task<ResolvedLink> ResolveAsync(string reference, CancellationToken cancellationToken)
    {
        if (byId.TryGetValue(reference, out var note))
        {
            return new ResolvedLink(note.Id, note.Kind, null);
        }

        foreach (var names in (Dictionary<string, List<NoteEntry>>[])[byTitle, byAlias])
        {
            if (names.TryGetValue(reference, out var notes))
            {
                return notes.Count == 1
                    ? new ResolvedLink(notes[0].Id, notes[0].Kind, null)
                    : new ResolvedLink(null, null, $"\"{reference}\" names {notes.Count} notes of this import ({string.Join(", ", notes.Select(entry => entry.File))}); link to one by its id");
            }
        }

        try
        {
            var entity = await existing.ResolveAsync(reference, cancellationToken);
            return entity is null ? default : new ResolvedLink(entity.Id, entity.Kind, null);
        }
        catch (AmbiguousReferenceException exception)
        {
            return new ResolvedLink(null, null, exception.Message);
        }
    }

    private static void AddName(Dictionary<string, List<NoteEntry>> names, string name, NoteEntry entry)
    {
        if (!names.TryGetValue(name, out var list))
        {
            names[name] = list = [];
        }

        if (!list.Contains(entry))
        {
            list.Add(entry);
        }
    }
}
