using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>Writes Query API request bodies.</summary>
internal static class RequestBody
{
    // The body goes to an HTTP API, never into HTML, so non-ASCII names and quotes can stay unescaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ForStatement(
        string statement,
        IReadOnlyDictionary<string, object?>? parameters,
        bool includeCounters,
        AccessMode? accessMode,
        IReadOnlyList<string>? bookmarks)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("statement", statement);
            if (parameters is { Count: > 0 })
            {
                writer.WritePropertyName("parameters");
                TypedValueWriter.WriteParameters(writer, parameters);
            }

            if (includeCounters)
            {
                writer.WriteBoolean("includeCounters", true);
            }

            // Write is the server's default; only Read needs saying.
            if (accessMode == AccessMode.Read)
            {
                writer.WriteString("accessMode", "Read");
            }

            if (bookmarks is { Count: > 0 })
            {
                writer.WriteStartArray("bookmarks");
                foreach (var bookmark in bookmarks)
                {
                    writer.WriteStringValue(bookmark);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
