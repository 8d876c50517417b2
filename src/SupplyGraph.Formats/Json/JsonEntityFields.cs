using System.Runtime.CompilerServices;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Rules;

namespace SupplyGraph.Formats.Json;

/// <summary>
/// The members of one entity of a JSON file, for <see cref="EntityRules"/>: reads through <see cref="FieldAccess"/>,
/// with ids of actors shared through the directory and short repeated text (codes, tags, processes) through the pool.
/// </summary>
internal readonly ref struct JsonEntityFields : IEntityFields
{
    private readonly FieldAccess access;
    private readonly ElementRules rules;
    private readonly ITextShare? ids;
    private readonly ITextShare? strings;

    public JsonEntityFields(FieldAccess access, ElementRules rules, ITextShare? ids, ITextShare? strings)
    {
        this.access = access;
        this.rules = rules;
        this.ids = ids;
        this.strings = strings;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? RequiredText(EntityField field) => access.RequiredString((FieldId)field, Share(field));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? OptionalText(EntityField field) => access.OptionalString((FieldId)field, Share(field));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<string> List(EntityField field) => access.StringList((FieldId)field, Share(field));

    public DateOnly? RequiredDate(EntityField field) => access.RequiredDate((FieldId)field);

    public DateOnly? OptionalDate(EntityField field) => access.OptionalDate((FieldId)field);

    public long? OptionalLong(EntityField field) => access.OptionalLong((FieldId)field);

    public TEnum? RequiredEnum<TEnum>(EntityField field, string what)
        where TEnum : struct, Enum => access.RequiredEnum<TEnum>((FieldId)field, what);

    public IReadOnlyList<Source> Sources() => rules.Sources(access.Json);

    public bool IsCountryCode(string text) => TextRules.IsCountryCode(text);

    public void Error(EntityField field, string message) => access.Error((FieldId)field, message);

    private ITextShare? Share(EntityField field) => field switch
    {
        EntityField.Designer or EntityField.Foundries or EntityField.Developer or EntityField.Issuer => ids,
        EntityField.Country or EntityField.Tags or EntityField.Process or EntityField.Jurisdiction => strings,
        _ => null,
    };
}
