using System.Globalization;
using System.Text;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Rules;
using ModelEntity = SupplyGraph.Domain.Vocabulary.Model;

namespace SupplyGraph.Formats.Notes;

/// <summary>
/// The entity a note describes. A note about a stored entity merges into it: aliases, tags and sources are added,
/// other fields are kept unless the front matter sets them. A new entity needs what the dataset format requires.
/// </summary>
internal sealed class NoteEntityBuilder(ParsedNote note, NoteErrorSink errors, NoteIndex notes, List<SkippedItem> skipped)
{
    /// <summary>Front matter keys the importer takes (the dataset's field names and a few of Obsidian's); any other is listed as skipped.</summary>
    private static readonly HashSet<string> KnownKeys = new(
        [
            "title", "alias", "tag",
            FieldNames.Id, FieldNames.Kind, FieldNames.Aliases, FieldNames.Tags, FieldNames.Country, FieldNames.Description,
            .. FieldSets.KindFields.Values.SelectMany(fields => fields),
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The kind each kind's own field belongs to.</summary>
    private static readonly Dictionary<string, EntityKind> KindOfField = FieldSets.KindFields
        .SelectMany(pair => pair.Value.Select(field => (Field: field, Kind: pair.Key)))
        .ToDictionary(item => item.Field, item => item.Kind, StringComparer.OrdinalIgnoreCase);

    private static readonly string CategoryChoices = string.Join(", ", WireNames.AllowedValues<ActorCategory>());

    private readonly List<Source> sources = [];
    private readonly FrontMatter frontMatter = note.FrontMatter;
    private int errorsBefore;

    /// <summary>The merged or new entity, or null after reporting what is wrong or missing.</summary>
    public async Task<Entity?> BuildAsync(NoteEntry entry, Entity? stored, CancellationToken cancellationToken)
    {
        errorsBefore = errors.Count;
        var said = NoteIdentity.Kind(note, errors);
        if (errors.Count > errorsBefore)
        {
            return null;
        }

        if (stored is not null && said is { } noteKind && noteKind != stored.Kind)
        {
            var (where, place) = KindPlace();
            errors.Add(where, place.Line, place.Column, $"the note says {noteKind} but the stored entity \"{stored.Id}\" is {NoteIdentity.WithArticle(stored.Kind)}");
            return null;
        }

        if ((said ?? stored?.Kind) is not { } kind)
        {
            AddMissing(FieldNames.Kind, $"\"{note.Title.Value}\" is a new entity and the note does not say its kind: add front matter \"kind: Actor\" (or Chip, Model, Regulation) or a tag #actor, #chip, #model or #regulation");
            return null;
        }

        ListUnknownKeys();
        CheckFieldsFit(kind, entry.Id);
        sources.Add(note.SourceOf(note.Title.Line));
        if (said is not null)
        {
            Cite(KindPlace().Place.Line);
        }

        var common = Common(entry.Id, stored);
        Entity? entity = kind switch
        {
            EntityKind.Actor => Actor(common, stored as Actor),
            EntityKind.Chip => await ChipAsync(common, stored as Chip, cancellationToken),
            EntityKind.Model => (Entity?)await ModelAsync(common, stored as ModelEntity, cancellationToken),
            _ => await RegulationAsync(common, stored as Regulation, cancellationToken),
        };

        return errors.Count > errorsBefore ? null : entity! with { Sources = Merge(stored?.Sources ?? [], sources) };
    }

    private (string Where, Located<string> Place) KindPlace()
    {
        if (frontMatter.Text(FieldNames.Kind, NoteErrorSink.Discard(note.File)) is { } kind)
        {
            return (FrontMatter.Path(FieldNames.Kind), kind);
        }

        var tag = note.Tags.First(tag => Enum.TryParse<EntityKind>(tag.Value, ignoreCase: true, out _));
        return (FieldNames.Tags, tag);
    }

    private void ListUnknownKeys()
    {
        foreach (var key in frontMatter.Keys.Where(key => !KnownKeys.Contains(key.Value)))
        {
            skipped.Add(new SkippedItem(note.File, key.Line, $"front matter \"{key.Value}\"", "not a field the notes importer takes (see datasets/NOTES.md)"));
        }
    }

    private void CheckFieldsFit(EntityKind kind, string id)
    {
        foreach (var key in frontMatter.Keys)
        {
            if (KindOfField.TryGetValue(key.Value, out var owner) && owner != kind)
            {
                errors.Add(FrontMatter.Path(key.Value), key.Line, key.Column, $"\"{key.Value}\" is a field of {NoteIdentity.WithArticle(owner)}; \"{id}\" is {NoteIdentity.WithArticle(kind)}");
            }
        }
    }

    private EntityCommon Common(string id, Entity? stored)
    {
        var name = stored?.Name ?? note.Title.Value;
        var aliases = new List<string>(stored?.Aliases ?? []);
        AddAlias(aliases, name, new Located<string>(note.Title.Value, note.Title.Line, note.Title.Column));
        foreach (var alias in note.Aliases)
        {
            AddAlias(aliases, name, alias);
        }

        var tags = new List<string>(stored?.Tags ?? []);
        foreach (var tag in note.Tags)
        {
            if (!tags.Contains(tag.Value, StringComparer.Ordinal))
            {
                tags.Add(tag.Value);
            }

            Cite(tag.Line);
        }

        var country = Text(FieldNames.Country);
        if (country is { } code && !TextRules.IsCountryCode(code.Value))
        {
            errors.Add(FrontMatter.Path(FieldNames.Country), code.Line, code.Column, $"expected an ISO 3166-1 alpha-2 code in capitals (CN, US, TW), found \"{code.Value}\"");
        }

        // The sources are added when the entity is built: the kind's fields cite lines too.
        return new EntityCommon(
            id,
            name,
            aliases,
            country?.Value ?? stored?.Country,
            Text(FieldNames.Description)?.Value ?? stored?.Description,
            tags,
            Sources: []);
    }

    private void AddAlias(List<string> aliases, string name, Located<string> alias)
    {
        var known = string.Equals(alias.Value, name, StringComparison.OrdinalIgnoreCase)
            || aliases.Contains(alias.Value, StringComparer.OrdinalIgnoreCase);
        if (!known)
        {
            aliases.Add(alias.Value);
        }

        Cite(alias.Line);
    }

    private Actor? Actor(in EntityCommon common, Actor? stored)
    {
        var category = stored?.Category;
        if (Text(FieldNames.Category) is { } written)
        {
            var wire = written.Value.Trim().ToUpperInvariant().Replace('-', '_').Replace(' ', '_');
            if (WireNames.TryParse<ActorCategory>(wire, out var parsed))
            {
                category = parsed;
            }
            else
            {
                errors.Add(FrontMatter.Path(FieldNames.Category), written.Line, written.Column, $"unknown category \"{written.Value}\"; use one of {CategoryChoices}");
                return null;
            }
        }

        if (category is null)
        {
            AddMissing(FieldNames.Category, $"a new Actor needs its category: add front matter \"category: AI_LAB\" (one of {CategoryChoices})");
            return null;
        }

        return common.ToActor(category.Value, Text(FieldNames.Website)?.Value ?? stored?.Website);
    }

    private async Task<Chip?> ChipAsync(EntityCommon common, Chip? stored, CancellationToken cancellationToken)
    {
        var designer = await ActorReferenceAsync(FieldNames.Designer, cancellationToken);
        var foundries = new List<string>();
        foreach (var foundry in frontMatter.List(FieldNames.Foundries, errors, split: true))
        {
            if (await ActorReferenceAsync(FieldNames.Foundries, foundry, cancellationToken) is { } id)
            {
                foundries.Add(id);
            }
        }

        return common.ToChip(
            designer ?? stored?.Designer,
            frontMatter.Has(FieldNames.Foundries) ? foundries : stored?.Foundries ?? [],
            Text(FieldNames.Process)?.Value ?? stored?.Process);
    }

    private async Task<ModelEntity?> ModelAsync(EntityCommon common, ModelEntity? stored, CancellationToken cancellationToken) =>
        common.ToModel(
            await ActorReferenceAsync(FieldNames.Developer, cancellationToken) ?? stored?.Developer,
            Date(FieldNames.ReleaseDate) ?? stored?.ReleaseDate,
            Count(FieldNames.Parameters) ?? stored?.Parameters,
            Count(FieldNames.ActiveParameters) ?? stored?.ActiveParameters);

    private async Task<Regulation?> RegulationAsync(EntityCommon common, Regulation? stored, CancellationToken cancellationToken)
    {
        var issuer = await ActorReferenceAsync(FieldNames.Issuer, cancellationToken) ?? stored?.Issuer;
        var jurisdiction = Text(FieldNames.Jurisdiction);
        if (jurisdiction is { } code && !TextRules.IsCountryCode(code.Value))
        {
            errors.Add(FrontMatter.Path(FieldNames.Jurisdiction), code.Line, code.Column, $"expected an ISO 3166-1 alpha-2 code in capitals (US, CN), found \"{code.Value}\"");
        }

        var effective = Date(FieldNames.Effective) ?? stored?.Effective;
        var citation = Text(FieldNames.Citation)?.Value ?? stored?.Citation;
        var summary = Text(FieldNames.Summary)?.Value ?? stored?.Summary;
        var required = new (string Key, bool Missing, string Example)[]
        {
            (FieldNames.Issuer, issuer is null && !frontMatter.Has(FieldNames.Issuer), "issuer: us-bis"),
            (FieldNames.Jurisdiction, (jurisdiction?.Value ?? stored?.Jurisdiction) is null, "jurisdiction: US"),
            (FieldNames.Effective, effective is null && !frontMatter.Has(FieldNames.Effective), "effective: 2023-11-17"),
            (FieldNames.Citation, citation is null, "citation: 88 FR 73458"),
            (FieldNames.Summary, summary is null, "summary: what it controls"),
        };
        foreach (var (key, missing, example) in required.Where(field => field.Missing))
        {
            AddMissing(key, $"a new Regulation needs its {key}: add front matter \"{example}\"");
        }

        // The dataset format's own rule: a rule cannot end before it starts (an export of this store must read back).
        var rescinded = Date(FieldNames.Rescinded) ?? stored?.Rescinded;
        if (effective is { } from && rescinded is { } until && until < from)
        {
            // Point at whichever of the two this note wrote (the other may be the stored rule's).
            var key = Text(FieldNames.Rescinded) is not null ? FieldNames.Rescinded : FieldNames.Effective;
            var place = Text(key);
            errors.Add(FrontMatter.Path(key), place?.Line ?? 1, place?.Column ?? 1, $"rescinded {until:yyyy-MM-dd} is before effective {from:yyyy-MM-dd}");
            return null;
        }

        if (issuer is null || effective is null || citation is null || summary is null || (jurisdiction?.Value ?? stored?.Jurisdiction) is not { } state)
        {
            return null;
        }

        return common.ToRegulation(
            issuer,
            state,
            Date(FieldNames.Announced) ?? stored?.Announced,
            effective.Value,
            rescinded,
            citation,
            summary);
    }

    private Task<string?> ActorReferenceAsync(string key, CancellationToken cancellationToken) =>
        Text(key) is { } reference ? ActorReferenceAsync(key, reference, cancellationToken) : Task.FromResult<string?>(null);

    // A reference to an Actor by id, name or alias: a note of this import or a stored entity.
    private async Task<string?> ActorReferenceAsync(string key, Located<string> reference, CancellationToken cancellationToken)
    {
        Cite(reference.Line);
        var resolved = await notes.ResolveAsync(reference.Value, cancellationToken);
        var problem = resolved switch
        {
            { Ambiguity: { } ambiguity } => ambiguity,
            { Found: false } => $"\"{reference.Value}\" names no note in this import and no stored entity",
            { Kind: { } kind } when kind != EntityKind.Actor => $"\"{resolved.Id}\" is {NoteIdentity.WithArticle(kind)}; an Actor is expected here",
            _ => null,
        };
        if (problem is not null)
        {
            errors.Add(FrontMatter.Path(key), reference.Line, reference.Column, problem);
            return null;
        }

        return resolved.Id;
    }

    private Located<string>? Text(string key)
    {
        var value = frontMatter.Text(key, errors);
        if (value is { } used)
        {
            Cite(used.Line);
        }

        return value;
    }

    private DateOnly? Date(string key)
    {
        if (Text(key) is not { } written)
        {
            return null;
        }

        if (IsoDate.TryParse(Encoding.UTF8.GetBytes(written.Value), out var date, out _))
        {
            return date;
        }

        errors.Add(FrontMatter.Path(key), written.Line, written.Column, $"expected a date YYYY-MM-DD, found \"{written.Value}\"");
        return null;
    }

    private long? Count(string key)
    {
        if (Text(key) is not { } written)
        {
            return null;
        }

        if (long.TryParse(written.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            return count;
        }

        errors.Add(FrontMatter.Path(key), written.Line, written.Column, $"expected a whole number of parameters (671000000000), found \"{written.Value}\"");
        return null;
    }

    // A missing field is named at the note's title: that is where the entity is.
    private void AddMissing(string key, string message) =>
        errors.Add(FrontMatter.Path(key), Math.Max(note.Title.Line, 1), Math.Max(note.Title.Column, 1), message);

    private void Cite(int line)
    {
        var source = note.SourceOf(line);
        if (line > 0 && !sources.Contains(source))
        {
            sources.Add(source);
        }
    }

    // The note's earlier citations of itself ("line N: …") give way to this reading's, so an edit that moves lines
    // leaves no citation pointing at the wrong line; what other sources (the seed's quotes of the note) say stays.
    private List<Source> Merge(IReadOnlyList<Source> stored, List<Source> added)
    {
        var kept = stored.Where(source => !note.IsOwnCitation(source)).ToList();
        return [.. kept, .. added.Where(source => !kept.Contains(source))];
    }
}
