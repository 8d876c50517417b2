using System.Text.Json;
using System.Text.Json.Serialization;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Cli.Output;

/// <summary>
/// Answers as JSON for scripts (<c>--json</c>): entities in the dataset format, relationships with their ends' ids,
/// paths as entity ids plus their relationships, enum values in SCREAMING_SNAKE_CASE as the API spells them.
/// </summary>
internal static class AnswerJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters =
        {
            new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper),
            new EntityConverterFactory(),
            new RelationshipConverter(),
            new GraphPathConverter(),
        },
    };

    public static string Write<TAnswer>(TAnswer answer) => JsonSerializer.Serialize(answer, Options);

    private sealed class EntityConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeof(Entity).IsAssignableFrom(typeToConvert);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(EntityConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class EntityConverter<TEntity> : JsonConverter<TEntity>
        where TEntity : Entity
    {
        public override TEntity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Answers are written, not read.");

        public override void Write(Utf8JsonWriter writer, TEntity value, JsonSerializerOptions options) => DatasetJson.WriteEntity(writer, value);
    }

    private sealed class RelationshipConverter : JsonConverter<Relationship>
    {
        public override Relationship Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Answers are written, not read.");

        // In the dataset format: its id when explicit, type, from, to, dates, status, note, sources.
        public override void Write(Utf8JsonWriter writer, Relationship value, JsonSerializerOptions options) =>
            DatasetJson.WriteRelationship(writer, value.Record);
    }

    private sealed class GraphPathConverter : JsonConverter<GraphPath>
    {
        public override GraphPath Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Answers are written, not read.");

        public override void Write(Utf8JsonWriter writer, GraphPath value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("length", value.Length);
            writer.WriteString("summary", value.Summary);
            writer.WriteStartArray("entities");
            foreach (var entity in value.Entities)
            {
                writer.WriteStringValue(entity.Id);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("relationships");
            JsonSerializer.Serialize(writer, value.Relationships, options);
            writer.WriteEndObject();
        }
    }
}
