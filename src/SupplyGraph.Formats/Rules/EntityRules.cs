using System.Runtime.CompilerServices;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Formats.Rules;

/// <summary>
/// The dataset format's rules for building an entity from its fields, for every reader that takes the format's rules
/// (JSON and YAML, CSV): which fields each kind needs, the checks across fields, and the record. Generic over the
/// fields, so a reader's field type (a ref struct over the JSON reader's bytes) is called directly, not through the
/// interface.
/// </summary>
internal static class EntityRules
{
    /// <summary>The fields every kind has, read after the id and the kind, in the order the errors come.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static EntityCommon ReadCommon<TFields>(ref TFields fields, string? id)
        where TFields : IEntityFields, allows ref struct
    {
        var name = fields.RequiredText(EntityField.Name);
        var aliases = fields.List(EntityField.Aliases);
        var country = CountryCode(ref fields, EntityField.Country, required: false, "CN");
        var description = fields.OptionalText(EntityField.Description);
        var tags = fields.List(EntityField.Tags);
        var sources = fields.Sources();
        return new EntityCommon(id ?? string.Empty, name ?? string.Empty, aliases, country, description, tags, sources);
    }

    /// <summary>Reads the fields of <paramref name="kind"/> and builds its record; null when one it needs is wrong or missing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Entity? Build<TFields>(ref TFields fields, EntityKind kind, in EntityCommon common)
        where TFields : IEntityFields, allows ref struct => kind switch
        {
            EntityKind.Actor => Actor(ref fields, common),
            EntityKind.Chip => Chip(ref fields, common),
            EntityKind.Model => Model(ref fields, common),
            _ => Regulation(ref fields, common),
        };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Actor? Actor<TFields>(ref TFields fields, in EntityCommon common)
        where TFields : IEntityFields, allows ref struct
    {
        // The website is not looked at when the category is wrong: its errors would only add to the category's.
        var category = fields.RequiredEnum<ActorCategory>(EntityField.Category, "actor category");
        return category is null ? null : common.ToActor(category.Value, fields.OptionalText(EntityField.Website));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Chip Chip<TFields>(ref TFields fields, in EntityCommon common)
        where TFields : IEntityFields, allows ref struct
    {
        var designer = fields.OptionalText(EntityField.Designer);
        var foundries = fields.List(EntityField.Foundries);
        var process = fields.OptionalText(EntityField.Process);
        return common.ToChip(designer, foundries, process);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Model Model<TFields>(ref TFields fields, in EntityCommon common)
        where TFields : IEntityFields, allows ref struct
    {
        var developer = fields.OptionalText(EntityField.Developer);
        var releaseDate = fields.OptionalDate(EntityField.ReleaseDate);
        var parameters = fields.OptionalLong(EntityField.Parameters);
        var activeParameters = fields.OptionalLong(EntityField.ActiveParameters);
        return common.ToModel(developer, releaseDate, parameters, activeParameters);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Regulation? Regulation<TFields>(ref TFields fields, in EntityCommon common)
        where TFields : IEntityFields, allows ref struct
    {
        var issuer = fields.RequiredText(EntityField.Issuer);
        var jurisdiction = CountryCode(ref fields, EntityField.Jurisdiction, required: true, "US");
        var announced = fields.OptionalDate(EntityField.Announced);
        var effective = fields.RequiredDate(EntityField.Effective);
        var rescinded = fields.OptionalDate(EntityField.Rescinded);
        var citation = fields.RequiredText(EntityField.Citation);
        var summary = fields.RequiredText(EntityField.Summary);
        if (effective is { } from && rescinded is { } until && until < from)
        {
            fields.Error(EntityField.Rescinded, $"rescinded {until:yyyy-MM-dd} is before effective {from:yyyy-MM-dd}");
        }

        if (issuer is null || jurisdiction is null || effective is null || citation is null || summary is null)
        {
            return null;
        }

        return common.ToRegulation(issuer, jurisdiction, announced, effective.Value, rescinded, citation, summary);
    }

    // A field that holds a country code, checked against the format's pattern.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? CountryCode<TFields>(ref TFields fields, EntityField field, bool required, string example)
        where TFields : IEntityFields, allows ref struct
    {
        var code = required ? fields.RequiredText(field) : fields.OptionalText(field);
        if (code is not null && !fields.IsCountryCode(code))
        {
            fields.Error(field, $"\"{code}\" is not an ISO 3166-1 alpha-2 code (two capital letters, \"{example}\")");
        }

        return code;
    }
}
