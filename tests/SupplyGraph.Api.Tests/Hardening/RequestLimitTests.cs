using System.Net;
using System.Text;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.Hardening;

/// <summary>Issue 11, point 1: limits before parsing (length, body), after parsing (depth, fields, cost); never a 500.</summary>
[Collection(SeedCollection.Name)]
public sealed class RequestLimitTests(SeedHost host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task A_query_longer_than_64_KB_is_refused_before_it_is_parsed()
    {
        // arrange: the 200 KB probe, with a syntax error at its end (it cost 104 CPU-seconds to parse).
        var query = "{ __typename" + string.Concat(Enumerable.Repeat(" __typename", 18_200)) + " ) }";

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.SingleError().Code().Should().Be("QUERY_TOO_LARGE");
        response.SingleError().Str("message").Should().Contain("65536").And.Contain("MaxQueryLength");
    }

    [Fact]
    public async Task A_body_larger_than_its_limit_is_refused_before_it_is_read_whole()
    {
        // arrange: a short query with 300 KB of variables.
        var body = "{\"query\":\"{ __typename }\",\"variables\":{\"padding\":\"" + new string('x', 300_000) + "\"}}";

        // act
        var response = await Client.PostRawAsync(body, "application/json");

        // assert
        response.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.SingleError().Code().Should().Be("QUERY_TOO_LARGE");
        response.SingleError().Str("message").Should().Contain("MaxBodyBytes");
    }

    [Fact]
    public async Task A_syntax_error_far_along_one_long_line_is_reported_where_it_is()
    {
        // arrange: just under the length limit, one line, the error at column 64,916 (5 s of CPU before the fix);
        // then a long document with its error on line 2, and a long line that parses (strings with spaces and commas).
        var query = "{ __typename" + string.Concat(Enumerable.Repeat(" __typename", 5_900)) + " ) }";
        var column = query.IndexOf(')', StringComparison.Ordinal) + 1;
        var secondLine = "{ __typename" + string.Concat(Enumerable.Repeat(" __typename", 300)) + "\n    ) }";
        var parses = "{ " + string.Join(", ", Enumerable.Range(0, 300).Select(i => $"e{i}: __typename")) + " entity(ref: \"Deep Seek, the lab\") { id } }";

        // act: no wall-clock bound (flaky on a loaded machine); the location proves the linear scan, the wait catches a hang.
        var response = await Client.PostGraphQLAsync(query).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        var onLineTwo = await Client.PostGraphQLAsync(secondLine);
        var answered = await Client.PostGraphQLAsync(parses);

        // assert
        var error = response.SingleError();
        error.Code().Should().Be("GRAPHQL_PARSE_FAILED");
        var location = error.GetProperty("locations")[0];
        location.GetProperty("line").GetInt32().Should().Be(1);
        location.GetProperty("column").GetInt32().Should().Be(column);
        var second = onLineTwo.SingleError().GetProperty("locations")[0];
        (second.GetProperty("line").GetInt32(), second.GetProperty("column").GetInt32()).Should().Be((2, 5));
        answered.Data.GetProperty("e299").GetString().Should().Be("Query");
        answered.SingleError().Extension("reference").Should().Be("Deep Seek, the lab", "the string's spaces and commas are kept");
    }

    [Fact]
    public async Task A_syntax_error_in_a_document_with_carriage_returns_is_a_parse_error_not_a_500()
    {
        // arrange: found by the fuzz suite; the parser's own error message indexed past its lines and threw.
        const string query = "{\r__typename\r\r  entity(ref: \"DeepSeek\") { id }\r ) }";

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        var error = response.SingleError();
        error.Code().Should().Be("GRAPHQL_PARSE_FAILED");
        var location = error.GetProperty("locations")[0];
        (location.GetProperty("line").GetInt32(), location.GetProperty("column").GetInt32()).Should().Be((5, 2));
    }

    [Theory]
    [InlineData(62)]
    [InlineData(100)]
    public async Task Nesting_deeper_than_the_parser_reads_is_too_deep_not_a_500(int depth)
    {
        // arrange: the probe that answered HTTP 500 with an empty body.
        var query = "{ profile(entity: \"DeepSeek\") { entity { " + string.Concat(Enumerable.Repeat("... on Actor { ", depth)) + "id" + string.Concat(Enumerable.Repeat(" }", depth)) + " } } }";

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.SingleError().Code().Should().Be("QUERY_TOO_DEEP");
    }

    [Fact]
    public async Task Selections_nested_past_the_depth_limit_are_too_deep()
    {
        // arrange: 20 levels of inline fragments, under the parser's own bound.
        var query = "{ entity(ref: \"DeepSeek\") { " + string.Concat(Enumerable.Repeat("... on Actor { ", 20)) + "id" + string.Concat(Enumerable.Repeat(" }", 20)) + " } }";

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.SingleError().Code().Should().Be("QUERY_TOO_DEEP");
        response.SingleError().Str("message").Should().Contain("MaxDepth");
    }

    [Fact]
    public async Task Thousands_of_typename_fields_count_against_the_field_limit()
    {
        // arrange: __typename fields were not counted; 32,000 of them took 41 s to validate.
        var query = "{ " + string.Concat(Enumerable.Repeat("__typename ", 2_000)) + "}";

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.SingleError().Code().Should().Be("QUERY_TOO_LARGE");
        response.SingleError().Str("message").Should().Contain("MaxFields");
    }

    [Fact]
    public async Task An_unused_fragment_with_more_fields_than_the_limit_is_refused_before_validation()
    {
        // arrange: the selected operation asks one field; a fragment nobody spreads holds 20,000 (quadratic to validate).
        var query = "{ __typename } fragment F on Query { " + string.Concat(Enumerable.Repeat("a ", 20_000)) + "}";

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.SingleError().Code().Should().Be("QUERY_TOO_LARGE");
        response.SingleError().Str("message").Should().Contain("MaxFields").And.Contain("fragments");
    }

    [Fact]
    public async Task An_unselected_operation_with_more_fields_than_the_limit_is_refused_before_validation()
    {
        // arrange: operation A is selected; operation B, never run, holds 20,000 fields.
        var query = "query A { __typename } query B { " + string.Concat(Enumerable.Repeat("a ", 20_000)) + "}";

        // act
        var response = await Client.PostGraphQLAsync(query, operationName: "A");

        // assert
        response.SingleError().Code().Should().Be("QUERY_TOO_LARGE");
        response.SingleError().Str("message").Should().Contain("MaxFields");
    }

    [Fact]
    public async Task An_unused_fragment_nested_past_the_depth_limit_is_too_deep()
    {
        // arrange
        var query = "{ __typename } fragment F on Query { " + string.Concat(Enumerable.Repeat("a { ", 20)) + "b" + string.Concat(Enumerable.Repeat(" }", 20)) + " }";

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.SingleError().Code().Should().Be("QUERY_TOO_DEEP");
    }

    [Fact]
    public async Task Schema_aliases_count_as_root_fields()
    {
        // arrange: __schema aliases were not counted by the 20-root-field cap.
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 21).Select(i => $"s{i}: __schema {{ queryType {{ name }} }}")) + " }";

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.SingleError().Code().Should().Be("QUERY_TOO_LARGE");
        response.SingleError().Str("message").Should().Contain("21 root fields");
    }

    [Fact]
    public async Task Aliased_relationship_lists_in_one_root_field_are_too_complex()
    {
        // arrange: one root field, 100 aliases of the relationships of every path of every exposed entity.
        var query = "{ exposure(regulation: \"us-bis-2023-10-advanced-computing\", maxHops: 16, maxPaths: 100) { exposed { paths { "
            + string.Join(" ", Enumerable.Range(0, 100).Select(i => $"r{i}: relationships {{ id }}"))
            + " } } } }";

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.SingleError().Code().Should().Be("QUERY_TOO_COMPLEX");
        response.SingleError().Str("message").Should().Contain("MaxCost");
    }

    [Fact]
    public async Task Path_listing_is_weighed_by_max_paths()
    {
        // arrange: the same fields, first with few paths, then with many paths per exposed entity.
        const string fields = "exposed { entity { id } paths { relationships { id from { id name } to { id name } sources { document locator } } } }";

        // act
        var few = await Client.PostGraphQLAsync($"{{ exposure(regulation: \"us-bis-2023-10-advanced-computing\", maxPaths: 5) {{ {fields} }} }}");
        var many = await Client.PostGraphQLAsync($"{{ a: exposure(regulation: \"us-bis-2023-10-advanced-computing\", maxPaths: 100) {{ {fields} }} b: exposure(regulation: \"us-bis-2024-12-fdp-hbm\", maxPaths: 100) {{ {fields} }} }}");

        // assert
        few.Errors.Should().BeEmpty(few.Text);
        many.SingleError().Code().Should().Be("QUERY_TOO_COMPLEX");
    }

    [Fact]
    public async Task Fragments_spread_exponentially_are_refused_without_expanding_them()
    {
        // arrange: each fragment spreads the next one twice, 30 levels: 2^30 fields once expanded.
        var fragments = string.Concat(Enumerable.Range(0, 30).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} "));
        var query = "{ ...F0 } " + fragments + "fragment F30 on Query { __typename }";

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.SingleError().Code().Should().Be("QUERY_TOO_LARGE");
    }

    [Fact]
    public async Task A_get_query_longer_than_the_limit_is_refused()
    {
        // arrange
        var query = "{ " + new string(' ', 70_000) + "__typename }";

        // act
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        var response = await Client.SendGraphQLAsync(request, GraphQLHttp.Json);

        // assert
        response.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.SingleError().Code().Should().Be("QUERY_TOO_LARGE");
    }
}

/// <summary>The answer-size budget: past it, the request answers RESPONSE_TOO_LARGE instead of growing.</summary>
public sealed class ResponseBudgetTests
{
    [Fact]
    public async Task An_answer_larger_than_its_budget_is_an_error_not_a_huge_answer()
    {
        // arrange
        await using var factory = new SupplyGraphApiFactory(seedOnEmptyStore: true, settings: new Dictionary<string, string?>
        {
            ["SupplyGraph:Limits:MaxResponseValues"] = "500",
        });
        using var client = factory.CreateClient();

        // act
        var small = await client.PostGraphQLAsync("{ entity(ref: \"DeepSeek\") { id name } }");
        var large = await client.PostGraphQLAsync("{ supplyChain(entity: \"DeepSeek\") { relationships { id type from { id name } to { id name } } } }");

        // assert
        small.Errors.Should().BeEmpty(small.Text);
        large.HasData.Should().BeFalse();
        large.SingleError().Code().Should().Be("RESPONSE_TOO_LARGE");
        large.SingleError().Str("message").Should().Contain("500").And.Contain("MaxResponseValues");
        large.Text.Length.Should().BeLessThan(1_000);
    }

    [Fact]
    public void Limits_that_cannot_work_are_refused_at_start_naming_the_setting()
    {
        // arrange
        var options = new SupplyGraph.Api.Hosting.SupplyGraphOptions();
        options.Limits.MaxCost = 0;
        options.Limits.MaxQueryLength = 512 * 1024;

        // act
        var validation = new SupplyGraph.Api.Hosting.SupplyGraphOptionsValidator().Validate(null, options);

        // assert
        validation.Failed.Should().BeTrue();
        validation.Failures.Should().Contain("SupplyGraph:Limits:MaxCost must be greater than 0; got 0.")
            .And.Contain(failure => failure.Contains("MaxBodyBytes", StringComparison.Ordinal) && failure.Contains("MaxQueryLength", StringComparison.Ordinal));
    }

    [Fact]
    public void Timeouts_past_a_day_are_refused_at_start_naming_the_setting()
    {
        // arrange: values that overflowed TimeSpan (and answered 500) before they were bounded.
        var options = new SupplyGraph.Api.Hosting.SupplyGraphOptions();
        options.Limits.RequestTimeoutSeconds = 1_000_000_000;
        options.Limits.QueueTimeoutSeconds = double.PositiveInfinity;

        // act
        var validation = new SupplyGraph.Api.Hosting.SupplyGraphOptionsValidator().Validate(null, options);

        // assert
        validation.Failed.Should().BeTrue();
        validation.Failures.Should().Contain("SupplyGraph:Limits:RequestTimeoutSeconds must be at most 86400 seconds (a day); got 1000000000.")
            .And.Contain(failure => failure.StartsWith("SupplyGraph:Limits:QueueTimeoutSeconds must be at most 86400", StringComparison.Ordinal));
    }

    [Fact]
    public void A_timeout_of_a_day_is_accepted()
    {
        // arrange
        var options = new SupplyGraph.Api.Hosting.SupplyGraphOptions();
        options.Limits.RequestTimeoutSeconds = 86_400;
        options.Limits.QueueTimeoutSeconds = 86_400;

        // act
        var validation = new SupplyGraph.Api.Hosting.SupplyGraphOptionsValidator().Validate(null, options);

        // assert
        validation.Failed.Should().BeFalse(validation.FailureMessage);
        options.Limits.RequestTimeout.Should().Be(TimeSpan.FromDays(1));
    }
}

/// <summary>Issue 11, point 5: root fields are nullable, so one failing field keeps the others' answers.</summary>
[Collection(SeedCollection.Name)]
public sealed class NullableRootFieldTests(SeedHost host)
{
    [Fact]
    public async Task An_unknown_entity_in_one_root_field_keeps_the_other_fields_answers()
    {
        // act
        var response = await host.Client.PostGraphQLAsync(
            "{ a: entity(ref: \"DeepSeek\") { id } b: profile(entity: \"no-such-entity\") { entity { id } } c: exportControls(entity: \"DeepSeek\", maxPaths: 1) { partial } }");

        // assert
        response.Status.Should().Be(HttpStatusCode.OK);
        response.Data.GetProperty("a").Str("id").Should().Be("deepseek");
        response.Data.GetProperty("b").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        response.Data.GetProperty("c").GetProperty("partial").ValueKind.Should().Be(System.Text.Json.JsonValueKind.True);
        var error = response.SingleError();
        error.Code().Should().Be("NOT_FOUND");
        error.GetProperty("path").EnumerateArray().Select(item => item.GetString()).Should().Equal("b");
    }
}

/// <summary>Requests are read as bytes: a multi-byte body at the limit is measured in bytes, not characters.</summary>
public sealed class BodyLimitTests
{
    [Fact]
    public async Task The_body_limit_counts_bytes()
    {
        // arrange: 2,000 three-byte characters are 6,000 bytes but 2,000 characters.
        await using var factory = new SupplyGraphApiFactory(settings: new Dictionary<string, string?>
        {
            ["SupplyGraph:Limits:MaxBodyBytes"] = "5000",
            ["SupplyGraph:Limits:MaxQueryLength"] = "5000",
        });
        using var client = factory.CreateClient();
        var body = "{\"query\":\"{ __typename }\",\"variables\":{\"note\":\"" + new string('€', 2_000) + "\"}}";

        // act
        var response = await client.PostRawAsync(body, "application/json");

        // assert
        Encoding.UTF8.GetByteCount(body).Should().BeGreaterThan(5000);
        response.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }
}
