using System.Text.Json.Nodes;
using FluentAssertions;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi;

/// <summary>.NET parameter values travel as typed JSON, and the request around them is the recorded one.</summary>
public sealed class ParameterEncodingTests
{
    private static readonly Dictionary<string, object?> Values = new(StringComparer.Ordinal)
    {
        ["null"] = null,
        ["bool"] = true,
        ["string"] = "DeepSeek 深度求索",
        ["char"] = 'x',
        ["guid"] = Guid.Parse("7d5b1a2e-0f3c-4e8a-9b1d-2c3e4f5a6b7c"),
        ["int"] = 42,
        ["long beyond 2^53"] = 9007199254740993L,
        ["ulong"] = 7UL,
        ["double"] = 3.5,
        ["double NaN"] = double.NaN,
        ["double -Infinity"] = double.NegativeInfinity,
        ["float"] = 0.25f,
        ["bytes"] = new byte[] { 1, 2, 3, 255 },
        ["DateOnly"] = new DateOnly(2023, 10, 17),
        ["DateTimeOffset"] = new DateTimeOffset(2025, 1, 27, 22, 30, 0, TimeSpan.FromHours(8)),
        ["DateTime UTC"] = new DateTime(2025, 1, 27, 14, 30, 0, DateTimeKind.Utc),
        ["DateTime unspecified"] = new DateTime(2024, 12, 26, 10, 0, 0, 500, DateTimeKind.Unspecified),
        ["TimeOnly"] = new TimeOnly(10, 0, 5),
        ["TimeSpan"] = TimeSpan.FromMinutes(90.5),
        ["CypherZonedDateTime"] = new CypherZonedDateTime(
            new DateTimeOffset(2025, 1, 27, 9, 30, 0, TimeSpan.FromHours(-5)), "America/New_York"),
        ["CypherOffsetTime"] = new CypherOffsetTime(new TimeOnly(10, 0), TimeSpan.FromHours(8)),
        ["CypherDuration"] = new CypherDuration("P1Y2M3DT4H"),
        ["CypherPoint"] = new CypherPoint(4326, 120.15, 30.27),
        ["CypherPoint 3D"] = new CypherPoint(9157, 1, 2, 3),
        ["list"] = new List<object?> { 1, "two", null },
        ["map"] = new Dictionary<string, object> { ["name"] = "H800", ["tdp"] = 700 },
    };

    [Theory]
    [InlineData("null", """{"$type":"Null","_value":null}""")]
    [InlineData("bool", """{"$type":"Boolean","_value":true}""")]
    [InlineData("string", """{"$type":"String","_value":"DeepSeek 深度求索"}""")]
    [InlineData("char", """{"$type":"String","_value":"x"}""")]
    [InlineData("guid", """{"$type":"String","_value":"7d5b1a2e-0f3c-4e8a-9b1d-2c3e4f5a6b7c"}""")]
    [InlineData("int", """{"$type":"Integer","_value":"42"}""")]
    [InlineData("long beyond 2^53", """{"$type":"Integer","_value":"9007199254740993"}""")]
    [InlineData("ulong", """{"$type":"Integer","_value":"7"}""")]
    [InlineData("double", """{"$type":"Float","_value":"3.5"}""")]
    [InlineData("double NaN", """{"$type":"Float","_value":"NaN"}""")]
    [InlineData("double -Infinity", """{"$type":"Float","_value":"-Infinity"}""")]
    [InlineData("float", """{"$type":"Float","_value":"0.25"}""")]
    [InlineData("bytes", """{"$type":"Base64","_value":"AQID/w=="}""")]
    [InlineData("DateOnly", """{"$type":"Date","_value":"2023-10-17"}""")]
    [InlineData("DateTimeOffset", """{"$type":"OffsetDateTime","_value":"2025-01-27T22:30:00+08:00"}""")]
    [InlineData("DateTime UTC", """{"$type":"OffsetDateTime","_value":"2025-01-27T14:30:00Z"}""")]
    [InlineData("DateTime unspecified", """{"$type":"LocalDateTime","_value":"2024-12-26T10:00:00.5"}""")]
    [InlineData("TimeOnly", """{"$type":"LocalTime","_value":"10:00:05"}""")]
    [InlineData("TimeSpan", """{"$type":"Duration","_value":"PT5430S"}""")]
    [InlineData("CypherZonedDateTime", """{"$type":"ZonedDateTime","_value":"2025-01-27T09:30:00-05:00[America/New_York]"}""")]
    [InlineData("CypherOffsetTime", """{"$type":"Time","_value":"10:00:00+08:00"}""")]
    [InlineData("CypherDuration", """{"$type":"Duration","_value":"P1Y2M3DT4H"}""")]
    [InlineData("CypherPoint", """{"$type":"Point","_value":"SRID=4326;POINT (120.15 30.27)"}""")]
    [InlineData("CypherPoint 3D", """{"$type":"Point","_value":"SRID=9157;POINT Z (1 2 3)"}""")]
    [InlineData(
        "list",
        """{"$type":"List","_value":[{"$type":"Integer","_value":"1"},{"$type":"String","_value":"two"},{"$type":"Null","_value":null}]}""")]
    [InlineData(
        "map",
        """{"$type":"Map","_value":{"name":{"$type":"String","_value":"H800"},"tdp":{"$type":"Integer","_value":"700"}}}""")]
    public async Task A_dotnet_value_is_sent_as_its_typed_json(string valueName, string expectedJson)
    {
        // arrange
        var value = Values[valueName];

        // act
        var sent = await Replayed.SentParameter(value);

        // assert
        JsonNode.DeepEquals(sent, JsonNode.Parse(expectedJson)).Should().BeTrue("{0} was sent as {1}", valueName, sent?.ToJsonString());
    }

    [Fact]
    public async Task Decoded_values_encode_back_to_what_the_server_sent()
    {
        // arrange
        var recorded = Exchanges.Load("03-scalars-typed-json").Response.Body!["data"]!["values"]![0]!.AsArray();
        var row = (await Replayed.ResultOf("03-scalars-typed-json")).Rows.Single();
        var handler = new ReplayHandler().Answer(Exchanges.Load("14-constraint-create"));
        using var client = TestClient.For(handler);
        var parameters = row.Fields.Select((field, i) => KeyValuePair.Create(field, row[i])).ToDictionary();

        // act
        await client.RunAsync("RETURN 1", parameters, CypherRunOptions.Write, TestContext.Current.CancellationToken);

        // assert
        var sent = handler.LastRequest.Json!["parameters"]!.AsObject();
        foreach (var (field, i) in row.Fields.Select((field, i) => (field, i)).Where(f => f.field != "cartesian3d"))
        {
            JsonNode.DeepEquals(sent[field], recorded[i]).Should().BeTrue("{0} round-trips, but was sent as {1}", field, sent[field]?.ToJsonString());
        }
    }

    [Fact]
    public async Task Recorded_typed_parameters_request_is_reproduced()
    {
        // arrange
        var exchange = Exchanges.Load("06-parameters-typed-in");
        var handler = new ReplayHandler().Answer(exchange);
        using var client = TestClient.For(handler);
        var parameters = new Dictionary<string, object?>
        {
            ["d"] = new DateOnly(2023, 10, 17),
            ["n"] = 9007199254740993L,
            ["list"] = new[] { 1, 2 },
        };

        // act
        var act = () => client.RunAsync(exchange.Statement, parameters, CypherRunOptions.Write, TestContext.Current.CancellationToken);

        // assert
        await act.Should().ThrowAsync<Neo4jException>();
        var sent = handler.LastRequest.Json!["parameters"]!;
        JsonNode.DeepEquals(sent["d"], exchange.Request.Body!["parameters"]!["d"]).Should().BeTrue();
        JsonNode.DeepEquals(sent["n"], exchange.Request.Body!["parameters"]!["n"]).Should().BeTrue();
        JsonNode.DeepEquals(sent["list"], RecordedRequestAssertions.ToTyped(exchange.Request.Body!["parameters"]!["list"]))
            .Should().BeTrue("the plain list of the recording is sent typed, like every other parameter");
    }

    [Fact]
    public async Task Batch_rows_travel_as_a_typed_list_of_maps()
    {
        // arrange
        var exchange = Exchanges.Load("29-unwind-batch-write");
        var handler = new ReplayHandler().Answer(exchange);
        using var client = TestClient.For(handler);
        var rows = new[] { ("qa-b0", "Batch 0"), ("qa-b1", "Batch 1"), ("qa-b2", "Batch 2") }
            .Select(row => new Dictionary<string, object?> { ["id"] = row.Item1, ["name"] = row.Item2 })
            .ToList();

        // act
        var result = await client.RunAsync(
            exchange.Statement,
            new Dictionary<string, object?> { ["rows"] = rows },
            CypherRunOptions.Write with { IncludeCounters = true },
            TestContext.Current.CancellationToken);

        // assert
        handler.LastRequest.ShouldMatch(exchange);
        result.Rows.Single().Get<long>("written").Should().Be(3);
        result.Counters!.NodesCreated.Should().Be(3);
    }

    [Fact]
    public async Task Typed_json_is_both_the_content_type_and_the_accepted_type()
    {
        // arrange
        var handler = new ReplayHandler().Answer(Exchanges.Load("14-constraint-create"));
        using var client = TestClient.For(handler);

        // act
        await client.RunAsync("RETURN 1", null, CypherRunOptions.Write, TestContext.Current.CancellationToken);

        // assert
        handler.LastRequest.ContentType.Should().Be("application/vnd.neo4j.query");
        handler.LastRequest.Accept.Should().Be("application/vnd.neo4j.query");
        handler.LastRequest.Json!.AsObject().Select(property => property.Key).Should().Equal(["statement"], "empty parts are left out");
    }

    [Theory]
    [InlineData("decimal", "*'p' is a decimal*double*")]
    [InlineData("ulong max", "*'p'*exceeds the largest Cypher Integer*")]
    [InlineData("node", "*'p' is a CypherNode*ids*")]
    [InlineData("int-keyed map", "*'p' is a map with a Int32 key*")]
    [InlineData("nested object", "*'p.rows[1].price'*System.Uri*")]
    public async Task A_value_without_a_cypher_type_is_refused_with_its_path(string valueName, string expectedMessage)
    {
        // arrange
        object value = valueName switch
        {
            "decimal" => 1.5m,
            "ulong max" => ulong.MaxValue,
            "node" => new CypherNode("4:x:1", [], new Dictionary<string, object?>()),
            "int-keyed map" => new Dictionary<int, string> { [1] = "one" },
            _ => new Dictionary<string, object?>
            {
                ["rows"] = new List<object?> { new Dictionary<string, object?>(), new Dictionary<string, object?> { ["price"] = new Uri("http://x") } },
            },
        };
        var handler = new ReplayHandler();
        using var client = TestClient.For(handler);

        // act
        var act = () => client.RunAsync(
            "RETURN $p", new Dictionary<string, object?> { ["p"] = value }, CypherRunOptions.Write, TestContext.Current.CancellationToken);

        // assert
        await act.Should().ThrowAsync<ArgumentException>().WithMessage(expectedMessage);
        handler.Requests.Should().BeEmpty();
    }
}
