using FluentAssertions;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi;

/// <summary>Typed JSON answers (and the plain JSON fallback) become the documented .NET values.</summary>
public sealed class TypedValueDecodingTests
{
    private static async Task<CypherRow> ScalarsRow() => (await Replayed.ResultOf("03-scalars-typed-json")).Rows.Single();

    private static async Task<CypherRow> GraphRow() => (await Replayed.ResultOf("05-graph-typed-json")).Rows.Single();

    [Fact]
    public async Task Integers_become_longs_and_keep_every_digit_beyond_2_pow_53()
    {
        // arrange
        var row = await ScalarsRow();

        // act
        var small = row["int"];
        var big = row["bigInt"];

        // assert
        small.Should().Be(42L);
        big.Should().Be(9007199254740993L, "a double would have rounded it to ...992");
    }

    [Fact]
    public async Task Floats_strings_booleans_and_null_become_their_dotnet_counterparts()
    {
        // arrange
        var row = await ScalarsRow();

        // act
        var values = (row["float"], row["str"], row["bool"], row["nothing"]);

        // assert
        values.Should().Be((3.5, "DeepSeek", true, (object?)null));
    }

    [Fact]
    public async Task Lists_and_maps_decode_their_typed_elements()
    {
        // arrange
        var row = await ScalarsRow();

        // act
        var list = row["list"];
        var map = row["map"];

        // assert
        list.Should().BeEquivalentTo(new object?[] { 1L, "two", null }, options => options.WithStrictOrdering());
        map.Should().BeEquivalentTo(new Dictionary<string, object?> { ["name"] = "H800", ["tdp"] = 700L });
    }

    [Fact]
    public async Task Dates_and_date_times_become_DateOnly_DateTimeOffset_and_unspecified_DateTime()
    {
        // arrange
        var row = await ScalarsRow();

        // act
        var date = row["date"];
        var utc = row["datetimeUtc"];
        var local = row["localDateTime"];

        // assert
        date.Should().Be(new DateOnly(2023, 10, 17));
        utc.Should().Be(new DateTimeOffset(2025, 1, 27, 14, 30, 0, TimeSpan.Zero));
        local.Should().BeOfType<DateTime>().Which.Should().Be(new DateTime(2024, 12, 26, 10, 0, 0, DateTimeKind.Unspecified));
        ((DateTime)local!).Kind.Should().Be(DateTimeKind.Unspecified);
    }

    [Fact]
    public async Task Zoned_date_time_keeps_its_offset_and_zone_id()
    {
        // arrange
        var row = await ScalarsRow();

        // act
        var zoned = row.Get<CypherZonedDateTime>("datetimeZone");

        // assert
        zoned.Value.Should().Be(new DateTimeOffset(2025, 1, 27, 9, 30, 0, TimeSpan.FromHours(-5)));
        zoned.Value.Offset.Should().Be(TimeSpan.FromHours(-5));
        zoned.ZoneId.Should().Be("America/New_York");
        zoned.ToString().Should().Be("2025-01-27T09:30:00-05:00[America/New_York]");
    }

    [Fact]
    public async Task Times_and_durations_keep_what_dotnet_types_would_lose()
    {
        // arrange
        var row = await ScalarsRow();

        // act
        var localTime = row["localTime"];
        var offsetTime = row.Get<CypherOffsetTime>("time");
        var duration = row.Get<CypherDuration>("duration");

        // assert
        localTime.Should().Be(new TimeOnly(10, 0));
        offsetTime.Should().Be(new CypherOffsetTime(new TimeOnly(10, 0), TimeSpan.FromHours(8)));
        offsetTime.ToString().Should().Be("10:00:00+08:00");
        duration.Iso.Should().Be("P1Y2M3DT4H");
    }

    [Fact]
    public async Task Points_keep_srid_coordinates_and_wkt()
    {
        // arrange
        var row = await ScalarsRow();

        // act
        var geographic = row.Get<CypherPoint>("point");
        var cartesian = row.Get<CypherPoint>("cartesian3d");

        // assert
        geographic.Should().Be(new CypherPoint(4326, 120.15, 30.27));
        geographic.Wkt.Should().Be("SRID=4326;POINT (120.15 30.27)");
        cartesian.Should().Be(new CypherPoint(9157, 1, 2, 3));
        cartesian.Wkt.Should().Be("SRID=9157;POINT Z (1 2 3)");
    }

    [Fact]
    public async Task Node_keeps_element_id_labels_and_typed_properties()
    {
        // arrange
        var row = await GraphRow();

        // act
        var node = row.Get<CypherNode>("node");

        // assert
        node.ElementId.Should().Be("4:4b09aecf-98e3-4001-b04b-680b46510b98:14");
        node.Labels.Should().Equal("QaFixture", "Entity", "Actor");
        node.Properties.Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["name"] = "QA Lab",
            ["founded"] = new DateOnly(2023, 7, 17),
            ["aliases"] = new List<object?> { "QA" },
            ["id"] = "qa-lab",
        });
    }

    [Fact]
    public async Task Relationship_keeps_type_and_the_element_ids_of_both_ends()
    {
        // arrange
        var row = await GraphRow();

        // act
        var relationship = row.Get<CypherRelationship>("relationship");

        // assert
        relationship.ElementId.Should().Be("5:4b09aecf-98e3-4001-b04b-680b46510b98:1");
        relationship.Type.Should().Be("TRAINED_ON");
        relationship.StartNodeElementId.Should().Be("4:4b09aecf-98e3-4001-b04b-680b46510b98:14");
        relationship.EndNodeElementId.Should().Be("4:4b09aecf-98e3-4001-b04b-680b46510b98:15");
        relationship.Properties["validFrom"].Should().Be(new DateOnly(2024, 1, 1));
        relationship.Properties["status"].Should().Be("reported");
    }

    [Fact]
    public async Task Path_splits_into_nodes_and_relationships_in_order()
    {
        // arrange
        var row = await GraphRow();

        // act
        var path = row.Get<CypherPath>("path");

        // assert
        path.Nodes.Select(node => node.Properties["id"]).Should().Equal("qa-lab", "qa-chip");
        path.Relationships.Should().ContainSingle().Which.Type.Should().Be("TRAINED_ON");
        path.Start.ElementId.Should().Be(path.Relationships[0].StartNodeElementId);
        path.End.ElementId.Should().Be(path.Relationships[0].EndNodeElementId);
    }

    [Fact]
    public async Task Plain_json_answers_still_decode_but_temporal_and_spatial_values_are_only_strings()
    {
        // arrange
        var result = await Replayed.ResultOf("02-scalars-plain-json");

        // act
        var row = result.Rows.Single();

        // assert
        row["bigInt"].Should().Be(9007199254740993L);
        row["float"].Should().Be(3.5);
        row["map"].Should().BeEquivalentTo(new Dictionary<string, object?> { ["name"] = "H800", ["tdp"] = 700L });
        row["date"].Should().Be("2023-10-17", "plain JSON loses the Date type");
        row["point"].Should().Be("SRID=4326;POINT (120.15 30.27)");
    }

    [Fact]
    public async Task Plain_json_nodes_and_relationships_are_recognised_and_a_path_is_a_list()
    {
        // arrange
        var result = await Replayed.ResultOf("04-graph-plain-json");

        // act
        var row = result.Rows.Single();

        // assert
        row.Get<CypherNode>("node").Labels.Should().Equal("QaFixture", "Entity", "Actor");
        row.Get<CypherNode>("node").Properties["founded"].Should().Be("2023-07-17");
        row.Get<CypherRelationship>("relationship").EndNodeElementId.Should().Be("4:4b09aecf-98e3-4001-b04b-680b46510b98:15");
        row.Get<List<object?>>("path").Select(item => item!.GetType()).Should()
            .Equal(typeof(CypherNode), typeof(CypherRelationship), typeof(CypherNode));
    }

    [Theory]
    [InlineData("NaN", double.NaN)]
    [InlineData("Infinity", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    [InlineData("1.0E-5", 0.00001)]
    public async Task Floats_that_json_numbers_cannot_hold_arrive_as_strings(string text, double expected)
    {
        // arrange
        var typed = $$"""{"$type": "Float", "_value": "{{text}}"}""";

        // act
        var value = await Replayed.TypedValue(typed);

        // assert
        value.Should().Be(expected);
    }

    [Fact]
    public async Task Base64_becomes_bytes()
    {
        // arrange
        var typed = """{"$type": "Base64", "_value": "AQID/w=="}""";

        // act
        var value = await Replayed.TypedValue(typed);

        // assert
        value.Should().BeEquivalentTo(new byte[] { 1, 2, 3, 255 });
    }

    [Fact]
    public async Task Nanoseconds_round_to_the_100_ns_ticks_dotnet_has()
    {
        // arrange
        var typed = """{"$type": "OffsetDateTime", "_value": "2025-01-27T14:30:00.123456789Z"}""";

        // act
        var value = await Replayed.TypedValue(typed);

        // assert
        value.Should().Be(new DateTimeOffset(2025, 1, 27, 14, 30, 0, TimeSpan.Zero).AddTicks(1234568));
    }

    [Fact]
    public async Task An_unknown_type_is_kept_raw_instead_of_failing_the_result()
    {
        // arrange
        var typed = """{"$type": "Vector", "_value": {"coordinatesType": "FLOAT32", "coordinates": ["1.0", "2.0"]}}""";

        // act
        var value = await Replayed.TypedValue(typed);

        // assert
        var unsupported = value.Should().BeOfType<CypherUnsupportedValue>().Subject;
        unsupported.Type.Should().Be("Vector");
        unsupported.RawJson.Should().Contain("FLOAT32");
    }

    [Fact]
    public async Task A_malformed_typed_value_fails_as_an_invalid_response()
    {
        // arrange
        var typed = """{"$type": "Integer", "_value": "forty-two"}""";

        // act
        var act = () => Replayed.TypedValue(typed);

        // assert
        var error = (await act.Should().ThrowAsync<Neo4jException>()).Which;
        error.Code.Should().Be(Neo4jClientErrorCodes.InvalidResponse);
        error.IsRetryable.Should().BeFalse();
    }

    [Fact]
    public async Task Row_Get_converts_integers_to_smaller_types_when_they_fit()
    {
        // arrange
        var row = await ScalarsRow();

        // act
        var asInt = row.Get<int>("int");
        var asDouble = row.Get<double>("int");
        var nothing = row.Get<string?>("nothing");
        var tooBig = () => row.Get<int>("bigInt");

        // assert
        asInt.Should().Be(42);
        asDouble.Should().Be(42.0);
        nothing.Should().BeNull();
        tooBig.Should().Throw<OverflowException>();
    }

    [Fact]
    public async Task Row_Get_names_the_field_and_types_when_it_cannot_convert()
    {
        // arrange
        var row = await ScalarsRow();

        // act
        var wrongType = () => row.Get<int>("str");
        var nullToValue = () => row.Get<int>("nothing");
        var missing = () => row["nope"];

        // assert
        wrongType.Should().Throw<InvalidCastException>().WithMessage("*'str'*String*Int32*");
        nullToValue.Should().Throw<InvalidCastException>().WithMessage("*'nothing' is null*");
        missing.Should().Throw<KeyNotFoundException>().WithMessage("*'nope'*bigInt*");
    }
}
