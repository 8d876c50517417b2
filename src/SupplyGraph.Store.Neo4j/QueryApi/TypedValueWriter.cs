using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// Writes .NET parameter values as the Query API's typed JSON (<c>{"$type": ..., "_value": ...}</c>), so that a
/// DateOnly arrives as a Date rather than a string and a long beyond 2^53 keeps every digit.
/// </summary>
internal static class TypedValueWriter
{
    public static void WriteParameters(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> parameters)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in parameters)
        {
            writer.WritePropertyName(name);
            Write(writer, value, name);
        }

        writer.WriteEndObject();
    }

    /// <param name="path">Where the value sits in the parameters, to name it in errors.</param>
    public static void Write(Utf8JsonWriter writer, object? value, string path)
    {
        switch (value)
        {
            case null:
                WriteTyped(writer, "Null", static w => w.WriteNullValue());
                break;
            case bool b:
                WriteTyped(writer, "Boolean", w => w.WriteBooleanValue(b));
                break;
            case string s:
                WriteText(writer, "String", s);
                break;
            case char c:
                WriteText(writer, "String", c.ToString());
                break;
            case Guid g:
                WriteText(writer, "String", g.ToString());
                break;
            case long or int or short or sbyte or byte or ushort or uint:
                WriteText(writer, "Integer", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case ulong u when u <= long.MaxValue:
                WriteText(writer, "Integer", u.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                WriteText(writer, "Float", d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case float f:
                WriteText(writer, "Float", ((double)f).ToString("R", CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                WriteText(writer, "Base64", Convert.ToBase64String(bytes));
                break;
            case ReadOnlyMemory<byte> memory:
                WriteText(writer, "Base64", Convert.ToBase64String(memory.Span));
                break;
            case DateOnly date:
                WriteText(writer, "Date", TemporalText.Format(date));
                break;
            case DateTimeOffset instant:
                WriteText(writer, "OffsetDateTime", TemporalText.Format(instant));
                break;
            case DateTime { Kind: DateTimeKind.Utc } utc:
                WriteText(writer, "OffsetDateTime", TemporalText.Format(new DateTimeOffset(utc)));
                break;
            case DateTime local:
                // Unspecified and Local kinds carry no offset the server could trust: a local date-time.
                WriteText(writer, "LocalDateTime", TemporalText.Format(local));
                break;
            case TimeOnly time:
                WriteText(writer, "LocalTime", TemporalText.Format(time));
                break;
            case TimeSpan span:
                WriteText(writer, "Duration", CypherDuration.FromTimeSpan(span).Iso);
                break;
            case CypherZonedDateTime zoned:
                WriteText(writer, "ZonedDateTime", zoned.ToString());
                break;
            case CypherOffsetTime offsetTime:
                WriteText(writer, "Time", offsetTime.ToString());
                break;
            case CypherDuration duration:
                WriteText(writer, "Duration", duration.Iso);
                break;
            case CypherPoint point:
                WriteText(writer, "Point", point.Wkt);
                break;
            case IDictionary map:
                WriteMap(writer, map, path);
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                WriteMap(writer, pairs, path);
                break;
            case IEnumerable list:
                WriteList(writer, list, path);
                break;
            default:
                throw Unsupported(value, path);
        }
    }

    private static void WriteMap(Utf8JsonWriter writer, IDictionary map, string path)
    {
        writer.WriteStartObject();
        writer.WriteString("$type", "Map");
        writer.WritePropertyName("_value");
        writer.WriteStartObject();
        foreach (DictionaryEntry entry in map)
        {
            if (entry.Key is not string key)
            {
                throw new ArgumentException(
                    $"Parameter '{path}' is a map with a {entry.Key.GetType().Name} key; Cypher maps need string keys.");
            }

            writer.WritePropertyName(key);
            Write(writer, entry.Value, $"{path}.{key}");
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> pairs, string path)
    {
        writer.WriteStartObject();
        writer.WriteString("$type", "Map");
        writer.WritePropertyName("_value");
        writer.WriteStartObject();
        foreach (var (key, item) in pairs)
        {
            writer.WritePropertyName(key);
            Write(writer, item, $"{path}.{key}");
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, IEnumerable list, string path)
    {
        writer.WriteStartObject();
        writer.WriteString("$type", "List");
        writer.WritePropertyName("_value");
        writer.WriteStartArray();
        var index = 0;
        foreach (var item in list)
        {
            Write(writer, item, $"{path}[{index++}]");
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter writer, string type, string text)
    {
        writer.WriteStartObject();
        writer.WriteString("$type", type);
        writer.WriteString("_value", text);
        writer.WriteEndObject();
    }

    private static void WriteTyped(Utf8JsonWriter writer, string type, Action<Utf8JsonWriter> writeValue)
    {
        writer.WriteStartObject();
        writer.WriteString("$type", type);
        writer.WritePropertyName("_value");
        writeValue(writer);
        writer.WriteEndObject();
    }

    private static ArgumentException Unsupported(object value, string path) => value switch
    {
        ulong => new ArgumentException($"Parameter '{path}' ({value}) exceeds the largest Cypher Integer, {long.MaxValue}."),
        decimal => new ArgumentException(
            $"Parameter '{path}' is a decimal, which Cypher has no type for; pass a double (Float) or a string."),
        CypherNode or CypherRelationship or CypherPath or CypherUnsupportedValue => new ArgumentException(
            $"Parameter '{path}' is a {value.GetType().Name}; Cypher does not take graph entities as parameters, pass their ids."),
        _ => new ArgumentException(
            $"Parameter '{path}' is a {value.GetType().FullName}, which has no Cypher type; pass a primitive, string, "
            + "temporal, Cypher* value, list or string-keyed map."),
    };
}
