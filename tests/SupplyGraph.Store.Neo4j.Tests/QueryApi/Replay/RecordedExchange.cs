using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

/// <summary>One recorded request/response pair from a real Neo4j 5.26 server (shared/neo4j-query-api/exchanges).</summary>
internal sealed record RecordedExchange(string Name, RecordedRequest Request, RecordedResponse Response)
{
    /// <summary>The recorded statement text.</summary>
    public string Statement => Request.Body?["statement"]?.GetValue<string>() ?? "";

    public static RecordedExchange Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var request = root["request"]!;
        var response = root["response"]!;
        return new RecordedExchange(
            Path.GetFileNameWithoutExtension(path),
            new RecordedRequest(
                request["method"]!.GetValue<string>(),
                request["path"]!.GetValue<string>(),
                request["accept"]!.GetValue<string>(),
                request["authorization"]!.GetValue<string>(),
                request["body"]?.DeepClone()),
            new RecordedResponse(
                response["status"]!.GetValue<int>(),
                response["headers"]!.AsObject().ToDictionary(header => header.Key, header => header.Value!.GetValue<string>()),
                response["body"]?.DeepClone()));
    }
}

internal sealed record RecordedRequest(string Method, string Path, string Accept, string Authorization, JsonNode? Body);

internal sealed record RecordedResponse(int Status, IReadOnlyDictionary<string, string> Headers, JsonNode? Body)
{
    public string? FirstErrorCode => Body?["errors"]?.AsArray().FirstOrDefault()?["code"]?.GetValue<string>();

    /// <summary>The recorded answer as an HTTP response, optionally with an edited body.</summary>
    public HttpResponseMessage ToHttpResponse(Action<JsonNode>? editBody = null)
    {
        var body = Body?.DeepClone();
        if (body is not null)
        {
            editBody?.Invoke(body);
        }

        var response = new HttpResponseMessage((HttpStatusCode)Status)
        {
            Content = body is null ? new ByteArrayContent([]) : new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString())),
        };
        foreach (var (name, value) in Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            }
            else
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}
