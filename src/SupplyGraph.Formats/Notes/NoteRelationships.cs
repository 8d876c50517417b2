using System.Text;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Formats.Notes;

/// <summary>
/// The "Related" lines of a note as relationships, through the role mapping; and the note's other links, which are
/// references only: those that name nothing are listed as skipped.
/// </summary>
internal sealed class NoteRelationships(NotesOptions options, NoteIndex notes, List<SkippedItem> skipped)
{
    private const string NothingCalled = "no note in this import and no stored entity is called";

    // Keys handed out in this import, with where: two lines must not make the same claim.
    private readonly Dictionary<string, (string File, int Line)> keys = new(StringComparer.Ordinal);

    public async Task<List<RelationshipRecord>> ReadAsync(ParsedNote note, NoteEntry subject, NoteErrorSink errors, CancellationToken cancellationToken)
    {
        var records = new List<RelationshipRecord>();
        foreach (var item in note.Related)
        {
            if (await ReadAsync(note, subject, item, errors, cancellationToken) is { } record)
            {
                records.Add(record);
            }
        }

        foreach (var link in note.Links)
        {
            var resolved = await notes.ResolveAsync(link.Target, cancellationToken);
            if (!resolved.Found)
            {
                var why = resolved.Ambiguity ?? $"links to nothing: {NothingCalled} \"{link.Target}\"";
                skipped.Add(new SkippedItem(note.File, link.Line, link.Text, $"{why}; a link outside the Related list is a reference only"));
            }
        }

        return records;
    }

    private async Task<RelationshipRecord?> ReadAsync(ParsedNote note, NoteEntry subject, RelatedItem item, NoteErrorSink errors, CancellationToken cancellationToken)
    {
        var link = item.Link;
        var what = $"{link.Text} — {item.Role}";
        if (!options.Roles.TryGet(item.Role, out var role))
        {
            errors.Add(NoteErrorSink.RelatedPath, link.Line, link.Column, $"unknown role \"{item.Role}\" in {link.Text}; known roles: {string.Join(", ", options.Roles.Roles)}; add it to the role mapping (--roles FILE)");
            return null;
        }

        if (role.Type is not { } type)
        {
            skipped.Add(new SkippedItem(note.File, link.Line, what, $"role \"{item.Role}\" maps to no relationship type"));
            return null;
        }

        var target = await notes.ResolveAsync(link.Target, cancellationToken);
        if (target.Ambiguity is { } ambiguity)
        {
            errors.Add(NoteErrorSink.RelatedPath, link.Line, link.Column, $"{link.Text} is ambiguous: {ambiguity}");
            return null;
        }

        if (target.Id is not { } targetId)
        {
            var nothing = $"links to nothing: {NothingCalled} \"{link.Target}\"";
            if (options.OnUnresolvedLink == UnresolvedLinks.Skip)
            {
                skipped.Add(new SkippedItem(note.File, link.Line, what, nothing));
            }
            else
            {
                errors.Add(NoteErrorSink.RelatedPath, link.Line, link.Column, $"{link.Text} {nothing}; write a note about it, import it first, or pass --skip-unresolved-links");
            }

            return null;
        }

        if (targetId == subject.Id)
        {
            errors.Add(NoteErrorSink.RelatedPath, link.Line, link.Column, $"{link.Text} is this note's own subject (\"{subject.Id}\")");
            return null;
        }

        var (from, fromKind, to, toKind) = role.Direction == RoleDirection.FromNote
            ? (subject.Id, subject.Kind, targetId, target.Kind)
            : (targetId, target.Kind, subject.Id, subject.Kind);
        var info = RelationshipTypes.Info(type);
        var fits = (fromKind is null || info.FromKinds.Contains(fromKind.Value)) && (toKind is null || info.ToKinds.Contains(toKind.Value));
        if (!fits)
        {
            errors.Add(NoteErrorSink.RelatedPath, link.Line, link.Column,
                $"role \"{item.Role}\" maps to {info.Name} ({string.Join(" or ", info.FromKinds)} → {string.Join(" or ", info.ToKinds)}); here it would go from \"{from}\" ({fromKind}) to \"{to}\" ({toKind})");
            return null;
        }

        // The note's own claim: an explicit id beside any relationship of the same ends, so both sources are kept.
        var key = $"{RelationshipRecord.DefaultKey(from, type, to)}/{KeyPart(note.DocumentName)}";
        if (!keys.TryAdd(key, (note.File, link.Line)))
        {
            var first = keys[key];
            errors.Add(NoteErrorSink.RelatedPath, link.Line, link.Column, $"{what} makes the same claim as {first.File} line {first.Line} ({key}); keep one line");
            return null;
        }

        return new RelationshipRecord
        {
            Key = key,
            Type = type,
            From = from,
            To = to,
            Status = role.Status,
            Note = item.Description,
            Sources = [note.SourceOf(link.Line)],
        };
    }

    /// <summary>The file name as a relationship id segment: letters, digits and <c>_</c>, other runs as one <c>-</c>.</summary>
    internal static string KeyPart(string fileName)
    {
        var part = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                part.Append(c);
            }
            else if (part.Length > 0 && part[^1] != '-')
            {
                part.Append('-');
            }
        }

        var text = part.ToString().TrimEnd('-');
        return text.Length == 0 ? "note" : text;
    }
}
