using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using SupplyGraph.Domain;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Formats.Rules;

/// <summary>Every member name the format knows. The reader recognises names by their UTF-8 bytes, without a string.</summary>
public enum FieldId : byte
{
    Unknown,
    Schema,
    Format,
    Version,
    Name,
    Description,
    Entities,
    Relationships,
    Id,
    Kind,
    Aliases,
    Country,
    Tags,
    Sources,
    Category,
    Website,
    Designer,
    Foundries,
    Process,
    Developer,
    ReleaseDate,
    Parameters,
    ActiveParameters,
    Issuer,
    Jurisdiction,
    Announced,
    Effective,
    Rescinded,
    Citation,
    Summary,
    Type,
    From,
    To,
    ValidFrom,
    ValidTo,
    Status,
    Note,
    Document,
    Locator,
    Url,
    Documents,
    Title,
}

/// <summary>
/// The one table of the dataset format's field names: the JSON and YAML readers, the JSON writer, the CSV reader and
/// writer, the notes importer and the generator all take their names from here. Public only as far as the generator
/// needs (it writes the format by hand, for speed).
/// </summary>
public static class FieldNames
{
    internal const int Count = (int)FieldId.Title + 1;

    internal const string Schema = "$schema";
    internal const string Format = "format";
    internal const string Version = "version";
    internal const string Name = "name";
    internal const string Description = "description";
    internal const string Entities = "entities";
    internal const string Relationships = "relationships";
    internal const string Id = "id";
    internal const string Kind = "kind";
    internal const string Aliases = "aliases";
    internal const string Country = "country";
    internal const string Tags = "tags";
    internal const string Sources = "sources";
    internal const string Category = "category";
    internal const string Website = "website";
    internal const string Designer = "designer";
    internal const string Foundries = "foundries";
    internal const string Process = "process";
    internal const string Developer = "developer";
    internal const string ReleaseDate = "releaseDate";
    internal const string Parameters = "parameters";
    internal const string ActiveParameters = "activeParameters";
    internal const string Issuer = "issuer";
    internal const string Jurisdiction = "jurisdiction";
    internal const string Announced = "announced";
    internal const string Effective = "effective";
    internal const string Rescinded = "rescinded";
    internal const string Citation = "citation";
    internal const string Summary = "summary";
    internal const string Type = "type";
    internal const string From = "from";
    internal const string To = "to";
    internal const string ValidFrom = "validFrom";
    internal const string ValidTo = "validTo";
    internal const string Status = "status";
    internal const string Note = "note";
    internal const string Document = "document";
    internal const string Locator = "locator";
    internal const string Url = "url";
    internal const string Documents = "documents";
    internal const string Title = "title";

    // Indexed by FieldId.
    private static readonly string[] Names =
    [
        "", Schema, Format, Version, Name, Description, Entities, Relationships,
        Id, Kind, Aliases, Country, Tags, Sources,
        Category, Website, Designer, Foundries, Process,
        Developer, ReleaseDate, Parameters, ActiveParameters,
        Issuer, Jurisdiction, Announced, Effective, Rescinded, Citation, Summary,
        Type, From, To, ValidFrom, ValidTo, Status, Note,
        Document, Locator, Url,
        Documents, Title,
    ];

    private static readonly string[] PathSuffixes = [.. Names.Select(name => "." + name)];

    // Pre-encoded for writers: a Utf8JsonWriter copies these bytes without escaping the name again.
    private static readonly JsonEncodedText[] JsonNames = [.. Names.Select(name => JsonEncodedText.Encode(name))];

    // Candidates by name length, so a name is compared with the two or three names of its length only.
    private static readonly (byte[] Utf8, FieldId Id)[][] ByLength = BuildByLength();

    /// <summary>The field's name as written in a dataset file, e.g. "releaseDate".</summary>
    internal static string Of(FieldId id) => Names[(int)id];

    /// <summary>The field's name, encoded once for <see cref="Utf8JsonWriter"/>.</summary>
    public static JsonEncodedText Json(FieldId id) => JsonNames[(int)id];

    /// <summary>"." and the name: the JSON path step to the member.</summary>
    internal static string PathSuffix(FieldId id) => PathSuffixes[(int)id];

    internal static ulong Bit(FieldId id) => 1UL << (int)id;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static FieldId Identify(ReadOnlySpan<byte> utf8Name)
    {
        if (utf8Name.Length >= ByLength.Length)
        {
            return FieldId.Unknown;
        }

        foreach (var (utf8, id) in ByLength[utf8Name.Length])
        {
            if (utf8Name.SequenceEqual(utf8))
            {
                return id;
            }
        }

        return FieldId.Unknown;
    }

    internal static FieldId Identify(string name) => Identify(Encoding.UTF8.GetBytes(name));

    internal static ulong Mask(IEnumerable<string> names)
    {
        ulong mask = 0;
        foreach (var name in names)
        {
            mask |= Bit(Identify(name));
        }

        return mask;
    }

    private static (byte[] Utf8, FieldId Id)[][] BuildByLength()
    {
        var longest = Names.Max(name => name.Length);
        var table = new List<(byte[], FieldId)>[longest + 1];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = [];
        }

        for (var id = 1; id < Names.Length; id++)
        {
            var utf8 = Encoding.UTF8.GetBytes(Names[id]);
            table[utf8.Length].Add((utf8, (FieldId)id));
        }

        return [.. table.Select(candidates => candidates.ToArray())];
    }
}

/// <summary>Which members each object of the format may have, as names (for "did you mean") and as bit masks.</summary>
internal static class FieldSets
{
    public static readonly string[] TopLevel = [FieldNames.Schema, FieldNames.Format, FieldNames.Version, FieldNames.Name, FieldNames.Description, FieldNames.Entities, FieldNames.Relationships, FieldNames.Documents];
    public static readonly string[] CommonEntity = [FieldNames.Id, FieldNames.Kind, FieldNames.Name, FieldNames.Aliases, FieldNames.Country, FieldNames.Description, FieldNames.Tags, FieldNames.Sources];
    public static readonly string[] Relationship = [FieldNames.Id, FieldNames.Type, FieldNames.From, FieldNames.To, FieldNames.ValidFrom, FieldNames.ValidTo, FieldNames.Status, FieldNames.Note, FieldNames.Sources];
    public static readonly string[] Source = [FieldNames.Document, FieldNames.Locator, FieldNames.Url];
    public static readonly string[] DocumentTitle = [FieldNames.Document, FieldNames.Title, FieldNames.Url];

    public static readonly Dictionary<EntityKind, string[]> KindFields = new()
    {
        [EntityKind.Actor] = [FieldNames.Category, FieldNames.Website],
        [EntityKind.Chip] = [FieldNames.Designer, FieldNames.Foundries, FieldNames.Process],
        [EntityKind.Model] = [FieldNames.Developer, FieldNames.ReleaseDate, FieldNames.Parameters, FieldNames.ActiveParameters],
        [EntityKind.Regulation] = [FieldNames.Issuer, FieldNames.Jurisdiction, FieldNames.Announced, FieldNames.Effective, FieldNames.Rescinded, FieldNames.Citation, FieldNames.Summary],
    };

    public static readonly ulong CommonEntityMask = FieldNames.Mask(CommonEntity);
    public static readonly ulong RelationshipMask = FieldNames.Mask(Relationship);
    public static readonly ulong SourceMask = FieldNames.Mask(Source);

    // Indexed by EntityKind: the common fields and the kind's own, in the order suggestions are ranked in.
    private static readonly string[][] EntityFieldsByKind = [.. Enum.GetValues<EntityKind>().Select(kind => (string[])[.. CommonEntity, .. KindFields[kind]])];
    private static readonly ulong[] EntityMasksByKind = [.. EntityFieldsByKind.Select(FieldNames.Mask)];

    public static string[] EntityFields(EntityKind kind) => EntityFieldsByKind[(int)kind];

    public static ulong EntityMask(EntityKind kind) => EntityMasksByKind[(int)kind];

    /// <summary>The kind whose own field <paramref name="name"/> is, if any.</summary>
    public static EntityKind? KindOwning(string name)
    {
        foreach (var (kind, fields) in KindFields)
        {
            if (fields.Contains(name))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The allowed name closest to a misspelt one, for "did you mean".</summary>
    public static string? Closest(string name, IEnumerable<string> candidates) =>
        candidates
            .Select(candidate => (candidate, distance: TextDistance.Levenshtein(name.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(pair => pair.distance <= Math.Max(2, name.Length / 3))
            .OrderBy(pair => pair.distance)
            .Select(pair => pair.candidate)
            .FirstOrDefault();
}
