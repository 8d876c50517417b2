using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Rules;

namespace SupplyGraph.Formats.Csv;

/// <summary>
/// The fields of the node row being read, for <see cref="EntityRules"/>: each in its column, its errors at the field's
/// line and column under the column's header (at the row's start under the field's name when the file has no such column).
/// </summary>
internal readonly struct CsvEntityFields(CsvRowReader row, CsvHeader header) : IEntityFields
{
    public string? RequiredText(EntityField field)
    {
        var csvField = CsvFields.Of(field);
        return row.RequiredText(header.Column(csvField), csvField.Name);
    }

    public string? OptionalText(EntityField field) => row.Text(Column(field));

    public IReadOnlyList<string> List(EntityField field) => row.List(Column(field));

    public DateOnly? RequiredDate(EntityField field) => Date(field, required: true);

    public DateOnly? OptionalDate(EntityField field) => Date(field, required: false);

    public long? OptionalLong(EntityField field) => row.Long(Column(field));

    public TEnum? RequiredEnum<TEnum>(EntityField field, string what)
        where TEnum : struct, Enum
    {
        var csvField = CsvFields.Of(field);
        return row.Enum<TEnum>(header.Column(csvField), csvField.Name, what);
    }

    public IReadOnlyList<Source> Sources() => row.Sources(header.Column(CsvFields.Sources));

    public bool IsCountryCode(string text) => TextRules.IsCountryCode(text);

    public void Error(EntityField field, string message)
    {
        var csvField = CsvFields.Of(field);
        row.Error(header.Column(csvField), csvField.Name, message);
    }

    private CsvColumn? Column(EntityField field) => header.Column(CsvFields.Of(field));

    private DateOnly? Date(EntityField field, bool required)
    {
        var csvField = CsvFields.Of(field);
        return row.Date(header.Column(csvField), csvField.Name, required);
    }
}
