using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Rules;

namespace SupplyGraph.Formats.Csv;

/// <summary>How a property column's values are read, and the neo4j-admin type that declares it.</summary>
internal enum CsvValueType
{
    Text,
    TextList,
    Date,
    Long,
}

/// <summary>
/// A dataset field as a CSV property column: its name (the dataset and Neo4j property name), its type, and which kinds
/// of entity have it (none for a relationship field). One table for the reader and the writer, so they agree.
/// </summary>
internal sealed record CsvField(string Name, CsvValueType Type, bool IsRelationshipField, params EntityKind[] Kinds)
{
    /// <summary>The neo4j-admin type that declares the column, or null for a plain string.</summary>
    public string? AdminType => Type switch
    {
        CsvValueType.TextList => "string[]",
        CsvValueType.Date => "date",
        CsvValueType.Long => "long",
        _ => null,
    };

    /// <summary>The header text the writer uses: <c>releaseDate:date</c>, <c>name</c>.</summary>
    public string Header => AdminType is null ? Name : $"{Name}:{AdminType}";

    public bool BelongsTo(EntityKind kind) => Kinds.Length == 0 || Kinds.Contains(kind);
}

/// <summary>The property columns of node and relationship files, and the helper columns the Neo4j store adds.</summary>
internal static class CsvFields
{
    private static readonly EntityKind[] AllKinds = [EntityKind.Actor, EntityKind.Chip, EntityKind.Model, EntityKind.Regulation];

    public static CsvField Name { get; } = Common(FieldNames.Name);

    public static CsvField Aliases { get; } = new(FieldNames.Aliases, CsvValueType.TextList, false, AllKinds);

    public static CsvField Country { get; } = Common(FieldNames.Country);

    public static CsvField Description { get; } = Common(FieldNames.Description);

    public static CsvField Tags { get; } = new(FieldNames.Tags, CsvValueType.TextList, false, AllKinds);

    /// <summary>Sources as one JSON string, as the Neo4j store keeps them (Neo4j has no list-of-maps property).</summary>
    public static CsvField Sources { get; } = new(FieldNames.Sources, CsvValueType.Text, false, AllKinds);

    public static CsvField Category { get; } = Of(EntityKind.Actor, FieldNames.Category);

    public static CsvField Website { get; } = Of(EntityKind.Actor, FieldNames.Website);

    public static CsvField Designer { get; } = Of(EntityKind.Chip, FieldNames.Designer);

    public static CsvField Foundries { get; } = new(FieldNames.Foundries, CsvValueType.TextList, false, EntityKind.Chip);

    public static CsvField Process { get; } = Of(EntityKind.Chip, FieldNames.Process);

    public static CsvField Developer { get; } = Of(EntityKind.Model, FieldNames.Developer);

    public static CsvField ReleaseDate { get; } = new(FieldNames.ReleaseDate, CsvValueType.Date, false, EntityKind.Model);

    public static CsvField Parameters { get; } = new(FieldNames.Parameters, CsvValueType.Long, false, EntityKind.Model);

    public static CsvField ActiveParameters { get; } = new(FieldNames.ActiveParameters, CsvValueType.Long, false, EntityKind.Model);

    public static CsvField Issuer { get; } = Of(EntityKind.Regulation, FieldNames.Issuer);

    public static CsvField Jurisdiction { get; } = Of(EntityKind.Regulation, FieldNames.Jurisdiction);

    public static CsvField Announced { get; } = new(FieldNames.Announced, CsvValueType.Date, false, EntityKind.Regulation);

    public static CsvField Effective { get; } = new(FieldNames.Effective, CsvValueType.Date, false, EntityKind.Regulation);

    public static CsvField Rescinded { get; } = new(FieldNames.Rescinded, CsvValueType.Date, false, EntityKind.Regulation);

    public static CsvField Citation { get; } = Of(EntityKind.Regulation, FieldNames.Citation);

    public static CsvField Summary { get; } = Of(EntityKind.Regulation, FieldNames.Summary);

    // A relationship's id ("id" in a dataset file) is the column "key", as the Neo4j store names the property.
    public static CsvField Key { get; } = new("key", CsvValueType.Text, true);

    public static CsvField ValidFrom { get; } = Relationship(FieldNames.ValidFrom, CsvValueType.Date);

    public static CsvField ValidTo { get; } = Relationship(FieldNames.ValidTo, CsvValueType.Date);

    public static CsvField Status { get; } = Relationship(FieldNames.Status, CsvValueType.Text);

    public static CsvField Note { get; } = Relationship(FieldNames.Note, CsvValueType.Text);

    public static CsvField RelationshipSources { get; } = Relationship(FieldNames.Sources, CsvValueType.Text);

    /// <summary>Columns every node file has, before its kind's own.</summary>
    public static IReadOnlyList<CsvField> CommonEntityFields { get; } = [Name, Aliases, Country, Description, Tags];

    public static IReadOnlyList<CsvField> EntityFields { get; } =
    [
        Name, Aliases, Country, Description, Tags, Sources, Category, Website, Designer, Foundries, Process,
        Developer, ReleaseDate, Parameters, ActiveParameters,
        Issuer, Jurisdiction, Announced, Effective, Rescinded, Citation, Summary,
    ];

    public static IReadOnlyList<CsvField> RelationshipFields { get; } = [Key, ValidFrom, ValidTo, Status, Note, RelationshipSources];

    /// <summary>
    /// Properties the Neo4j store adds for resolve, search and upserts (see its GraphProperties). A file exported from
    /// such a database has them; they are derived from the dataset fields, so the reader ignores them.
    /// </summary>
    public static IReadOnlySet<string> HelperColumns { get; } = new HashSet<string>(StringComparer.Ordinal) { "aliasText", "nameKeys", "fingerprint", FieldNames.Kind };

    public static IReadOnlyList<CsvField> KindFields(EntityKind kind) => kind switch
    {
        EntityKind.Actor => [Category, Website],
        EntityKind.Chip => [Designer, Foundries, Process],
        EntityKind.Model => [Developer, ReleaseDate, Parameters, ActiveParameters],
        _ => [Issuer, Jurisdiction, Announced, Effective, Rescinded, Citation, Summary],
    };

    /// <summary>The column of an entity field.</summary>
    public static CsvField Of(EntityField field) => field switch
    {
        EntityField.Name => Name,
        EntityField.Aliases => Aliases,
        EntityField.Country => Country,
        EntityField.Description => Description,
        EntityField.Tags => Tags,
        EntityField.Category => Category,
        EntityField.Website => Website,
        EntityField.Designer => Designer,
        EntityField.Foundries => Foundries,
        EntityField.Process => Process,
        EntityField.Developer => Developer,
        EntityField.ReleaseDate => ReleaseDate,
        EntityField.Parameters => Parameters,
        EntityField.ActiveParameters => ActiveParameters,
        EntityField.Issuer => Issuer,
        EntityField.Jurisdiction => Jurisdiction,
        EntityField.Announced => Announced,
        EntityField.Effective => Effective,
        EntityField.Rescinded => Rescinded,
        EntityField.Citation => Citation,
        EntityField.Summary => Summary,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not an entity field"),
    };

    private static CsvField Common(string name) => new(name, CsvValueType.Text, false, AllKinds);

    private static CsvField Of(EntityKind kind, string name) => new(name, CsvValueType.Text, false, kind);

    private static CsvField Relationship(string name, CsvValueType type) => new(name, type, true);
}
