using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace SupplyGraph.Api.Http;

/// <summary>
/// Writes a GraphQL response straight into the response's pipe with one <see cref="Utf8JsonWriter"/> per thread, reset
/// for each answer: no stream adapter, no per-request writer or intermediate buffers. It is graphql-dotnet's serializer
/// with the same JSON options as the registered one (<see cref="ConfigureJson"/>), so the bytes are the same.
/// </summary>
internal sealed class ResponseJsonWriter(IErrorInfoProvider errorInfoProvider) : GraphQLSerializer(ConfigureJson, errorInfoProvider)
{
    [ThreadStatic]
    private static Utf8JsonWriter? pooled;

    /// <summary>The JSON options of every GraphQL answer: non-ASCII text as it is (names such as 幻方量化 stay readable).</summary>
    public static void ConfigureJson(JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }

    public void Write(IBufferWriter<byte> output, ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        var writer = pooled;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = SerializerOptions.Encoder, SkipValidation = true });
            pooled = writer;
        }
        else
        {
            writer.Reset(output);
        }

        try
        {
            JsonSerializer.Serialize(writer, result, SerializerOptions);
            writer.Flush();
        }
        finally
        {
            // The writer must not keep the response's pipe alive past this answer.
            writer.Reset(Stream.Null);
        }
    }
}
