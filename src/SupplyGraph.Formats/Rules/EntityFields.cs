using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Formats.Rules;

/// <summary>The fields of an entity, as the dataset format names them; each reader maps them to its own (member, column).</summary>
internal enum EntityField : byte
{
    Name = FieldId.Name,
    Description = FieldId.Description,
    Aliases = FieldId.Aliases,
    Country = FieldId.Country,
    Tags = FieldId.Tags,
    Category = FieldId.Category,
    Website = FieldId.Website,
    Designer = FieldId.Designer,
    Foundries = FieldId.Foundries,
    Process = FieldId.Process,
    Developer = FieldId.Developer,
    ReleaseDate = FieldId.ReleaseDate,
    Parameters = FieldId.Parameters,
    ActiveParameters = FieldId.ActiveParameters,
    Issuer = FieldId.Issuer,
    Jurisdiction = FieldId.Jurisdiction,
    Announced = FieldId.Announced,
    Effective = FieldId.Effective,
    Rescinded = FieldId.Rescinded,
    Citation = FieldId.Citation,
    Summary = FieldId.Summary,
}

/// <summary>
/// The fields of one entity being read, for <see cref="EntityRules"/>. Each read checks the value as its format does
/// and reports what is wrong at the reader's own place for the field (a JSON path, a CSV line and column); a value that
/// is wrong or absent reads as null.
/// </summary>
internal interface IEntityFields
{
    /// <summary>Text that must be there and not blank.</summary>
    string? RequiredText(EntityField field);

    string? OptionalText(EntityField field);

    /// <summary>A list of non-blank strings; absent is an empty list.</summary>
    IReadOnlyList<string> List(EntityField field);

    DateOnly? RequiredDate(EntityField field);

    DateOnly? OptionalDate(EntityField field);

    /// <summary>A whole non-negative number.</summary>
    long? OptionalLong(EntityField field);

    /// <summary>One of the values of <typeparamref name="TEnum"/> as the format spells them; <paramref name="what"/> names it in the error.</summary>
    TEnum? RequiredEnum<TEnum>(EntityField field, string what)
        where TEnum : struct, Enum;

    /// <summary>The entity's sources: at least one.</summary>
    IReadOnlyList<Source> Sources();

    /// <summary>The format's pattern for a country code, <c>^[A-Z]{2}$</c>, as this reader applies it.</summary>
    bool IsCountryCode(string text);

    /// <summary>Reports what is wrong with a field's value.</summary>
    void Error(EntityField field, string message);
}

/// <summary>The fields every entity has; each kind's record copies them.</summary>
internal readonly record struct EntityCommon(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    string? Country,
    string? Description,
    IReadOnlyList<string> Tags,
    IReadOnlyList<Source> Sources)
{
    public Actor ToActor(ActorCategory category, string? website) => new()
    {
        Id = Id,
        Name = Name,
        Aliases = Aliases,
        Country = Country,
        Description = Description,
        Tags = Tags,
        Sources = Sources,
        Category = category,
        Website = website,
    };

    public Chip ToChip(string? designer, IReadOnlyList<string> foundries, string? process) => new()
    {
        Id = Id,
        Name = Name,
        Aliases = Aliases,
        Country = Country,
        Description = Description,
        Tags = Tags,
        Sources = Sources,
        Designer = designer,
        Foundries = foundries,
        Process = process,
    };

    public Model ToModel(string? developer, DateOnly? releaseDate, long? parameters, long? activeParameters) => new()
    {
        Id = Id,
        Name = Name,
        Aliases = Aliases,
        Country = Country,
        Description = Description,
        Tags = Tags,
        Sources = Sources,
        Developer = developer,
        ReleaseDate = releaseDate,
        Parameters = parameters,
        ActiveParameters = activeParameters,
    };

    public Regulation ToRegulation(
        string issuer,
        string jurisdiction,
        DateOnly? announced,
        DateOnly effective,
        DateOnly? rescinded,
        string citation,
        string summary) => new()
        {
            Id = Id,
            Name = Name,
            Aliases = Aliases,
            Country = Country,
            Description = Description,
            Tags = Tags,
            Sources = Sources,
            Issuer = issuer,
            Jurisdiction = jurisdiction,
            Announced = announced,
            Effective = effective,
            Rescinded = rescinded,
            Citation = citation,
            Summary = summary,
        };
}
