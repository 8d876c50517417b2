using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

/// <summary>Checks that what the client sent is what the recorded request sent.</summary>
internal static class RecordedRequestAssertions
{
    public const string TypedJson = "application/vnd.neo4j.query";

    /// <summary>
    /// Method, path, Accept, Authorization, Content-Type and body must match the recording, with two
    /// documented differences: the client always asks for typed JSON (some recordings asked for plain JSON to
    /// show what it loses), and it sends every parameter typed, so plain recorded parameters are compared in
    /// their typed form. An empty recorded <c>bookmarks</c> array counts as absent.
    /// </summary>
    public static void ShouldMatch(this SentRequest sent, RecordedExchange exchange)
    {
        sent.Method.Method.Should().Be(exchange.Request.Method, "the method of {0}", exchange.Name);
        sent.Path.Should().Be(exchange.Request.Path, "the path of {0}", exchange.Name);
        sent.Accept.Should().Be(TypedJson);
        sent.Authorization.Should().BeEquivalentTo(ExpectedAuthorization(exchange.Request.Authorization));
        if (exchange.Request.Body is null)
        {
            sent.Body.Should().BeNullOrEmpty("{0} sent no body", exchange.Name);
            return;
        }

        sent.ContentType.Should().Be(TypedJson);
        var expected = Normalize(exchange.Request.Body);
        var actual = Normalize(sent.Json!);
        JsonNode.DeepEquals(actual, expected).Should().BeTrue(
            "the body of {0} should be {1} but was {2}", exchange.Name, expected.ToJsonString(), actual.ToJsonString());
    }

    /// <summary>A plain JSON value as the typed JSON the client sends for the same .NET value.</summary>
    public static JsonNode ToTyped(JsonNode? plain) => plain switch
    {
        null => Typed("Null", null),
        JsonObject map when map.ContainsKey("$type") => map.DeepClone(),
        JsonObject map => Typed("Map", new JsonObject(map.Select(entry => KeyValuePair.Create(entry.Key, (JsonNode?)ToTyped(entry.Value))))),
        JsonArray list => Typed("List", new JsonArray([.. list.Select(ToTyped)])),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => Typed("String", value.GetValue<string>()),
            JsonValueKind.True or JsonValueKind.False => Typed("Boolean", value.GetValue<bool>()),
            JsonValueKind.Number when value.ToJsonString().All(c => char.IsDigit(c) || c == '-') =>
                Typed("Integer", value.ToJsonString()),
            JsonValueKind.Number => Typed("Float", value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture)),
            _ => Typed("Null", null),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(plain)),
    };

    private static JsonObject Typed(string type, JsonNode? value) => new() { ["$type"] = type, ["_value"] = value };

    private static JsonObject Normalize(JsonNode body)
    {
        var copy = body.DeepClone().AsObject();
        if (copy["parameters"] is JsonObject parameters)
        {
            copy["parameters"] = new JsonObject(parameters.Select(entry => KeyValuePair.Create(entry.Key, (JsonNode?)ToTyped(entry.Value))));
        }

        if (copy["bookmarks"] is JsonArray { Count: 0 })
        {
            copy.Remove("bookmarks");
        }

        return copy;
    }

    private static System.Net.Http.Headers.AuthenticationHeaderValue? ExpectedAuthorization(string recorded) => recorded switch
    {
        "basic (valid)" => TestClient.Basic(TestClient.User, TestClient.Password),
        "basic (wrong password)" => TestClient.Basic(TestClient.User, TestClient.WrongPassword),
        "none" => null,
        _ => throw new ArgumentOutOfRangeException(nameof(recorded), recorded, "an authorization the tests do not know"),
    };
}
