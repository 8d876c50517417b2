using System.Text.Json;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// Reads plain <c>application/json</c> results, in case a server or proxy ignores the typed Accept header.
/// Types are lost in that format: temporal, spatial and duration values arrive as strings and a path as a
/// list of its nodes and relationships; only nodes and relationships are recognised by their shape.
/// </summary>
internal static class PlainValueReader
{
    public static object? Read(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? integer : (object)element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(Read).ToList(),
        _ => ReadObject(element),
    };

    private static object ReadObject(JsonElement element)
    {
        if (element.TryGetProperty("elementId", out var elementId) && element.TryGetProperty("properties", out var properties))
        {
            if (element.TryGetProperty("labels", out var labels))
            {
                return new CypherNode(
                    elementId.GetString() ?? "",
                    [.. labels.EnumerateArray().Select(label => label.GetString() ?? "")],
                    ReadMap(properties));
            }

            if (element.TryGetProperty("type", out var type)
                && element.TryGetProperty("startNodeElementId", out var start)
                && element.TryGetProperty("endNodeElementId", out var end))
            {
                return new CypherRelationship(
                    elementId.GetString() ?? "",
                    type.GetString() ?? "",
                    start.GetString() ?? "",
                    end.GetString() ?? "",
                    ReadMap(properties));
            }
        }

        return ReadMap(element);
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
}
