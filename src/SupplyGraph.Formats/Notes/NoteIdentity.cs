using System.Text;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Rules;

namespace SupplyGraph.Formats.Notes;

/// <summary>Which entity a note is about, and its kind, as the note and the store say.</summary>
internal static class NoteIdentity
{
    private static readonly string KindChoices = string.Join(", ", Enum.GetNames<EntityKind>());

    /// <summary>
    /// Front matter <c>id</c>; else the title, then each alias, resolved in the store; else a new id made from the title.
    /// Null after reporting why none can be had.
    /// </summary>
    public static async Task<NoteEntry?> IdentifyAsync(ParsedNote note, IEntityLookup existing, NoteErrorSink errors, CancellationToken cancellationToken)
    {
        var kind = Kind(note, NoteErrorSink.Discard(note.File));
        if (note.FrontMatter.Text(FieldNames.Id, errors) is { } given)
        {
            if (!IsEntityId(given.Value))
            {
                errors.Add(FrontMatter.Path(FieldNames.Id), given.Line, given.Column, $"\"{given.Value}\" is not an entity id: use lower-case letters, digits and single hyphens (\"{Slug(given.Value)}\")");
                return null;
            }

            var stored = await existing.FindByIdAsync(given.Value, cancellationToken);
            return Entry(note, given.Value, kind ?? stored?.Kind);
        }

        var names = new List<(Located<string> Name, string Where)> { (note.Title, NoteErrorSink.TitlePath) };
        names.AddRange(note.Aliases.Select(alias => (alias, FrontMatter.Path(FieldNames.Aliases))));
        foreach (var (name, where) in names)
        {
            try
            {
                if (await existing.ResolveAsync(name.Value, cancellationToken) is { } stored)
                {
                    return Entry(note, stored.Id, kind ?? stored.Kind);
                }
            }
            catch (AmbiguousReferenceException exception)
            {
                errors.Add(where, Math.Max(name.Line, 1), Math.Max(name.Column, 1), $"{exception.Message[..^1]}, or set front matter \"id\"");
                return null;
            }
        }

        var slug = Slug(note.Title.Value);
        if (slug.Length == 0)
        {
            errors.Add(NoteErrorSink.TitlePath, Math.Max(note.Title.Line, 1), Math.Max(note.Title.Column, 1), $"no id can be made from the title \"{note.Title.Value}\": set front matter \"id\"");
            return null;
        }

        var existingWithSlug = await existing.FindByIdAsync(slug, cancellationToken);
        return Entry(note, slug, kind ?? existingWithSlug?.Kind);
    }

    /// <summary>The kind the note gives: front matter <c>kind</c> or a tag <c>#actor</c>, <c>#chip</c>, <c>#model</c>, <c>#regulation</c>.</summary>
    public static EntityKind? Kind(ParsedNote note, NoteErrorSink errors)
    {
        EntityKind? fromFrontMatter = null;
        if (note.FrontMatter.Text(FieldNames.Kind, errors) is { } written)
        {
            if (Enum.TryParse<EntityKind>(written.Value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(written.Value[0]))
            {
                fromFrontMatter = parsed;
            }
            else
            {
                errors.Add(FrontMatter.Path(FieldNames.Kind), written.Line, written.Column, $"unknown kind \"{written.Value}\"; use one of {KindChoices}");
                return null;
            }
        }

        EntityKind? fromTags = null;
        foreach (var tag in note.Tags)
        {
            if (!Enum.TryParse<EntityKind>(tag.Value, ignoreCase: true, out var tagged) || !Enum.IsDefined(tagged) || char.IsAsciiDigit(tag.Value[0]))
            {
                continue;
            }

            var other = fromFrontMatter ?? fromTags;
            if (other is { } said && said != tagged)
            {
                var where = fromFrontMatter is null ? FieldNames.Tags : FrontMatter.Path(FieldNames.Kind);
                errors.Add(where, tag.Line, tag.Column, $"the tag #{tag.Value} says {tagged} but the note already says {said}: keep one kind");
                return null;
            }

            fromTags = tagged;
        }

        return fromFrontMatter ?? fromTags;
    }

    /// <summary>"an Actor", "a Chip": the kind as a message reads it.</summary>
    public static string WithArticle(EntityKind kind) => kind == EntityKind.Actor ? "an Actor" : $"a {kind}";

    /// <summary>Lower case; every run of characters other than ASCII letters and digits becomes one hyphen.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                // An accent of the letter before it: "é" is "e".
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    /// <summary><c>^[a-z0-9]+(-[a-z0-9]+)*$</c>, the dataset format's entity id.</summary>
    public static bool IsEntityId(string text) => TextRules.IsEntityId(text);

    private static NoteEntry Entry(ParsedNote note, string id, EntityKind? kind) =>
        new(note.File, id, note.Title.Value, [.. note.Aliases.Select(alias => alias.Value)], kind);
}
