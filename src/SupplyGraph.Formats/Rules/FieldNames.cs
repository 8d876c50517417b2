using System.Runtime.CompilerServices;
using System.Text;
using SupplyGraph.Domain;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Formats.Rules;

/// <summary>Every member name the format knows. The reader recognises names by their UTF-8 bytes, without a string.</summary>
internal enum FieldId : byte
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
}

internal static class FieldNames
{
    public const int Count = (int)FieldId.Url + 1;

    private static readonly string[] Names =
    [
        "", "$schema", "format", "version", "name", "description", "entities", "relationships",
        "id", "kind", "aliases", "country", "tags", "sources",
        "category", "website", "designer", "foundries", "process",
        "developer", "releaseDate", "parameters", "activeParameters",
        "issuer", "jurisdiction", "announced", "effective", "rescinded", "citation", "summary",
        "type", "from", "to", "validFrom", "validTo", "status", "note",
        "document", "locator", "url",
    ];

    private static readonly string[] PathSuffixes = [.. Names.Select(name => "." + name)];

    // Candidates by name length, so a name is compared with the two or three names of its length only.
    private static readonly (byte[] Utf8, FieldId Id)[][] ByLength = BuildByLength();

    public static string Name(FieldId id) => Names[(int)id];

    /// <summary>"." and the name: the JSON path step to the member.</summary>
    public static string PathSuffix(FieldId id) => PathSuffixes[(int)id];

    public static ulong Bit(FieldId id) => 1UL << (int)id;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FieldId Identify(ReadOnlySpan<byte> utf8Name)
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

    public static FieldId Identify(string name) => Identify(Encoding.UTF8.GetBytes(name));

    public static ulong Mask(IEnumerable<string> names)
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
    public static readonly string[] TopLevel = ["$schema", "format", "version", "name", "description", "entities", "relationships"];
    public static readonly string[] CommonEntity = ["id", "kind", "name", "aliases", "country", "description", "tags", "sources"];
    public static readonly string[] Relationship = ["id", "type", "from", "to", "validFrom", "validTo", "status", "note", "sources"];
    public static readonly string[] Source = ["document", "locator", "url"];

    public static readonly Dictionary<EntityKind, string[]> KindFields = new()
    {
        [EntityKind.Actor] = ["category", "website"],
        [EntityKind.Chip] = ["designer", "foundries", "process"],
        [EntityKind.Model] = ["developer", "releaseDate", "parameters", "activeParameters"],
        [EntityKind.Regulation] = ["issuer", "jurisdiction", "announced", "effective", "rescinded", "citation", "summary"],
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
