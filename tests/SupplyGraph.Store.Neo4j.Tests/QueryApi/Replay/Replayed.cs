using System.Net;
using System.Text.Json.Nodes;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

/// <summary>Shortcuts that replay one answer through a fresh client.</summary>
internal static class Replayed
{
    /// <summary>Runs the recorded statement against its recorded answer and returns the result.</summary>
    public static async Task<CypherResult> ResultOf(string exchangeName)
    {
        var exchange = Exchanges.Load(exchangeName);
        using var client = TestClient.For(new ReplayHandler().Answer(exchange));
        return await client.RunAsync(exchange.Statement, null, CypherRunOptions.Write, TestContext.Current.CancellationToken);
    }

    /// <summary>The single value of a made-up typed answer with one field and one row.</summary>
    public static async Task<object?> TypedValue(string typedValueJson)
    {
        var body = new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["fields"] = new JsonArray("v"),
                ["values"] = new JsonArray(new JsonArray(JsonNode.Parse(typedValueJson))),
            },
        };
        using var client = TestClient.For(new ReplayHandler().AnswerJson(HttpStatusCode.Accepted, body.ToJsonString()));
        var result = await client.RunAsync("RETURN $v AS v", null, CypherRunOptions.Read, TestContext.Current.CancellationToken);
        return result.Rows.Single()["v"];
    }

    /// <summary>The JSON the client sends for one parameter named <c>p</c>.</summary>
    public static async Task<JsonNode?> SentParameter(object? value)
    {
        var handler = new ReplayHandler().Answer(Exchanges.Load("14-constraint-create"));
        using var client = TestClient.For(handler);
        await client.RunAsync(
            "RETURN $p",
            new Dictionary<string, object?> { ["p"] = value },
            CypherRunOptions.Write,
            TestContext.Current.CancellationToken);
        return handler.LastRequest.Json!["parameters"]!["p"];
    }
}
