using System.Globalization;
using System.Text.Json;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>Reads the Query API's typed JSON (<c>application/vnd.neo4j.query</c>) into .NET values.</summary>
internal static class TypedValueReader
{
    public static object? Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("$type", out var typeElement)
            || !element.TryGetProperty("_value", out var value))
        {
            throw new FormatException($"Expected a typed value {{\"$type\": ..., \"_value\": ...}}, got {element.GetRawText()}.");
        }

        var type = typeElement.GetString() ?? "";
        return type switch
        {
            "Null" => null,
            "Boolean" => value.GetBoolean(),
            "Integer" => long.Parse(Text(value, type), NumberStyles.Integer, CultureInfo.InvariantCulture),
            "Float" => double.Parse(Text(value, type), NumberStyles.Float, CultureInfo.InvariantCulture),
            "String" => Text(value, type),
            "Base64" => Convert.FromBase64String(Text(value, type)),
            "Date" => TemporalText.ParseDate(Text(value, type)),
            "OffsetDateTime" => TemporalText.ParseOffsetDateTime(Text(value, type)),
            "ZonedDateTime" => CypherZonedDateTime.Parse(Text(value, type)),
            "LocalDateTime" => TemporalText.ParseLocalDateTime(Text(value, type)),
            "Time" => CypherOffsetTime.Parse(Text(value, type)),
            "LocalTime" => TemporalText.ParseTime(Text(value, type)),
            "Duration" => new CypherDuration(Text(value, type)),
            "Point" => CypherPoint.Parse(Text(value, type)),
            "List" => ReadList(value),
            "Map" => ReadMap(value),
            "Node" => ReadNode(value),
            "Relationship" => ReadRelationship(value),
            "Path" => ReadPath(value),
            _ => new CypherUnsupportedValue(type, value.GetRawText()),
        };
    }

    private static List<object?> ReadList(JsonElement array)
    {
        var list = new List<object?>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            list.Add(Read(item));
        }

        return list;
    }

    private static Dictionary<string, object?> ReadMap(JsonElement map)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            result[property.Name] = Read(property.Value);
        }

        return result;
    }

    private static CypherNode ReadNode(JsonElement node) => new(
        RequiredString(node, "_element_id"),
        [.. node.GetProperty("_labels").EnumerateArray().Select(label => label.GetString() ?? "")],
        ReadProperties(node));

    private static CypherRelationship ReadRelationship(JsonElement relationship) => new(
        RequiredString(relationship, "_element_id"),
        RequiredString(relationship, "_type"),
        RequiredString(relationship, "_start_node_element_id"),
        RequiredString(relationship, "_end_node_element_id"),
        ReadProperties(relationship));

    private static CypherPath ReadPath(JsonElement path)
    {
        var nodes = new List<CypherNode>();
        var relationships = new List<CypherRelationship>();
        foreach (var element in path.EnumerateArray())
        {
            switch (Read(element))
            {
                case CypherNode node:
                    nodes.Add(node);
                    break;
                case CypherRelationship relationship:
                    relationships.Add(relationship);
                    break;
                default:
                    throw new FormatException($"A path holds only nodes and relationships, not {element.GetRawText()}.");
            }
        }

        return new CypherPath(nodes, relationships);
    }

    private static Dictionary<string, object?> ReadProperties(JsonElement entity) =>
        entity.TryGetProperty("_properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? ReadMap(properties)
            : new Dictionary<string, object?>(StringComparer.Ordinal);

    private static string RequiredString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"Missing string '{name}' in {element.GetRawText()}.");

    private static string Text(JsonElement value, string type) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"A {type} value must be a JSON string, got {value.GetRawText()}.");
}
