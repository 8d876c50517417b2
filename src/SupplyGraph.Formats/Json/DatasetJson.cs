using System.Text.Json;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
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
        writer.WriteString("id", entity.Id);
        writer.WriteString("kind", WireNames.ToWire(entity.Kind));
        writer.WriteString("name", entity.Name);
        WriteList(writer, "aliases", entity.Aliases);
        WriteOptional(writer, "country", entity.Country);
        WriteOptional(writer, "description", entity.Description);
        WriteList(writer, "tags", entity.Tags);
        switch (entity)
        {
            case Actor actor:
                writer.WriteString("category", WireNames.ToWire(actor.Category));
                WriteOptional(writer, "website", actor.Website);
                break;
            case Chip chip:
                WriteOptional(writer, "designer", chip.Designer);
                WriteList(writer, "foundries", chip.Foundries);
                WriteOptional(writer, "process", chip.Process);
                break;
            case ModelEntity model:
                WriteOptional(writer, "developer", model.Developer);
                WriteOptional(writer, "releaseDate", model.ReleaseDate);
                if (model.Parameters is { } parameters)
                {
                    writer.WriteNumber("parameters", parameters);
                }

                if (model.ActiveParameters is { } active)
                {
                    writer.WriteNumber("activeParameters", active);
                }

                break;
            case Regulation regulation:
                writer.WriteString("issuer", regulation.Issuer);
                writer.WriteString("jurisdiction", regulation.Jurisdiction);
                WriteOptional(writer, "announced", regulation.Announced);
                WriteOptional(writer, "effective", regulation.Effective);
                WriteOptional(writer, "rescinded", regulation.Rescinded);
                writer.WriteString("citation", regulation.Citation);
                writer.WriteString("summary", regulation.Summary);
                break;
        }

        writer.WritePropertyName("sources");
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
            writer.WriteString("id", relationship.Key);
        }

        writer.WriteString("type", relationship.Type.Name());
        writer.WriteString("from", relationship.From);
        writer.WriteString("to", relationship.To);
        WriteOptional(writer, "validFrom", relationship.ValidFrom);
        WriteOptional(writer, "validTo", relationship.ValidTo);
        writer.WriteString("status", WireNames.ToWire(relationship.Status));
        WriteOptional(writer, "note", relationship.Note);
        writer.WritePropertyName("sources");
        WriteSources(writer, relationship.Sources);
        writer.WriteEndObject();
    }

    private static void WriteSources(Utf8JsonWriter writer, IReadOnlyList<Source> sources)
    {
        writer.WriteStartArray();
        foreach (var source in sources)
        {
            writer.WriteStartObject();
            writer.WriteString("document", source.Document);
            writer.WriteString("locator", source.Locator);
            WriteOptional(writer, "url", source.Url);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, DateOnly? value)
    {
        if (value is { } date)
        {
            writer.WriteString(name, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
