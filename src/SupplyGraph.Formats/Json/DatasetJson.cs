using System.Text.Json;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Rules;
using ModelEntity = SupplyGraph.Domain.Vocabulary.Model;

namespace SupplyGraph.Formats.Json;

/// <summary>Writes entities, relationships and whole datasets in the dataset format, field order as documented.</summary>
public static class DatasetJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The options <see cref="EntityToJson"/> writes with, for callers that write UTF-8 straight into their own buffer.</summary>
    public static JsonWriterOptions CompactOptions => Compact;

    public static string EntityToJson(Entity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            WriteEntity(writer, entity);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string SourcesToJson(IReadOnlyList<Source> sources)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            WriteSources(writer, sources);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void WriteDataset(Stream stream, Dataset dataset, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        using var writer = new DatasetJsonWriter(stream, dataset.Name, dataset.Description, indented);
        writer.WriteAll(dataset);
        writer.Finish();
    }

    public static void WriteEntity(Utf8JsonWriter writer, Entity entity)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entity);
        writer.WriteStartObject();
        writer.WriteString(FieldNames.Json(FieldId.Id), entity.Id);
        writer.WriteString(FieldNames.Json(FieldId.Kind), WireNames.ToWire(entity.Kind));
        writer.WriteString(FieldNames.Json(FieldId.Name), entity.Name);
        WriteList(writer, FieldId.Aliases, entity.Aliases);
        WriteOptional(writer, FieldId.Country, entity.Country);
        WriteOptional(writer, FieldId.Description, entity.Description);
        WriteList(writer, FieldId.Tags, entity.Tags);
        switch (entity)
        {
            case Actor actor:
                writer.WriteString(FieldNames.Json(FieldId.Category), WireNames.ToWire(actor.Category));
                WriteOptional(writer, FieldId.Website, actor.Website);
                break;
            case Chip chip:
                WriteOptional(writer, FieldId.Designer, chip.Designer);
                WriteList(writer, FieldId.Foundries, chip.Foundries);
                WriteOptional(writer, FieldId.Process, chip.Process);
                break;
            case ModelEntity model:
                WriteOptional(writer, FieldId.Developer, model.Developer);
                WriteOptional(writer, FieldId.ReleaseDate, model.ReleaseDate);
                if (model.Parameters is { } parameters)
                {
                    writer.WriteNumber(FieldNames.Json(FieldId.Parameters), parameters);
                }

                if (model.ActiveParameters is { } active)
                {
                    writer.WriteNumber(FieldNames.Json(FieldId.ActiveParameters), active);
                }

                break;
            case Regulation regulation:
                writer.WriteString(FieldNames.Json(FieldId.Issuer), regulation.Issuer);
                writer.WriteString(FieldNames.Json(FieldId.Jurisdiction), regulation.Jurisdiction);
                WriteOptional(writer, FieldId.Announced, regulation.Announced);
                WriteOptional(writer, FieldId.Effective, regulation.Effective);
                WriteOptional(writer, FieldId.Rescinded, regulation.Rescinded);
                writer.WriteString(FieldNames.Json(FieldId.Citation), regulation.Citation);
                writer.WriteString(FieldNames.Json(FieldId.Summary), regulation.Summary);
                break;
        }

        writer.WritePropertyName(FieldNames.Json(FieldId.Sources));
        WriteSources(writer, entity.Sources);
        writer.WriteEndObject();
    }

    public static void WriteRelationship(Utf8JsonWriter writer, RelationshipRecord relationship)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(relationship);
        writer.WriteStartObject();
        if (relationship.Key != RelationshipRecord.DefaultKey(relationship.From, relationship.Type, relationship.To))
        {
            writer.WriteString(FieldNames.Json(FieldId.Id), relationship.Key);
        }

        writer.WriteString(FieldNames.Json(FieldId.Type), relationship.Type.Name());
        writer.WriteString(FieldNames.Json(FieldId.From), relationship.From);
        writer.WriteString(FieldNames.Json(FieldId.To), relationship.To);
        WriteOptional(writer, FieldId.ValidFrom, relationship.ValidFrom);
        WriteOptional(writer, FieldId.ValidTo, relationship.ValidTo);
        writer.WriteString(FieldNames.Json(FieldId.Status), WireNames.ToWire(relationship.Status));
        WriteOptional(writer, FieldId.Note, relationship.Note);
        writer.WritePropertyName(FieldNames.Json(FieldId.Sources));
        WriteSources(writer, relationship.Sources);
        writer.WriteEndObject();
    }

    /// <summary>One entry of the <c>documents</c> list: document, title, then url when known.</summary>
    public static void WriteDocument(Utf8JsonWriter writer, DocumentTitle document)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        writer.WriteStartObject();
        writer.WriteString(FieldNames.Json(FieldId.Document), document.Document);
        writer.WriteString(FieldNames.Json(FieldId.Title), document.Title);
        WriteOptional(writer, FieldId.Url, document.Url);
        writer.WriteEndObject();
    }

    private static void WriteSources(Utf8JsonWriter writer, IReadOnlyList<Source> sources)
    {
        writer.WriteStartArray();
        foreach (var source in sources)
        {
            writer.WriteStartObject();
            writer.WriteString(FieldNames.Json(FieldId.Document), source.Document);
            writer.WriteString(FieldNames.Json(FieldId.Locator), source.Locator);
            WriteOptional(writer, FieldId.Url, source.Url);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteList(Utf8JsonWriter writer, FieldId name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(FieldNames.Json(name));
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, FieldId name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(FieldNames.Json(name), value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, FieldId name, DateOnly? value)
    {
        if (value is { } date)
        {
            writer.WriteString(FieldNames.Json(name), date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
