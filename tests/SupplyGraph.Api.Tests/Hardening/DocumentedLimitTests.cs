using System.Net;
using System.Text;
using SupplyGraph.Api.Http;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.Hardening;

/// <summary>
/// Issue 20, points 4 and 6: only documented limits refuse a request (a minified query with no space in 5 KB was
/// refused as one "run" of 5,140 characters), and an answer holds at most 100 errors, then one that counts the rest.
/// </summary>
[Collection(SeedCollection.Name)]
public sealed class DocumentedLimitTests(SeedHost host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task A_minified_query_of_several_kilobytes_on_one_line_within_every_documented_limit_is_answered()
    {
        // arrange: 20 root fields, 480 fields, no space or comma anywhere: nothing an ignored character could break
        var query = MinifiedQuery(roots: 20, fragmentsPerRoot: 24);
        query.Length.Should().BeInRange(5_000, 6_500);
        query.Should().NotContainAny(" ", ",", "\n");

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Status.Should().Be(HttpStatusCode.OK, response.Text);
        response.Errors.Should().BeEmpty(response.Text);
        response.Data.GetProperty("e19").Str("id").Should().Be("deepseek");
    }

    [Fact]
    public async Task A_syntax_error_at_the_end_of_a_minified_line_is_reported_at_its_own_column()
    {
        // arrange: the copy the parser reads has line breaks inserted between tokens; the error maps back through them
        var query = MinifiedQuery(roots: 20, fragmentsPerRoot: 24)[..^1] + ")}";
        var column = query.Length - 1;

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        var error = response.SingleError();
        error.Code().Should().Be("GRAPHQL_PARSE_FAILED");
        var location = error.GetProperty("locations")[0];
        (location.GetProperty("line").GetInt32(), location.GetProperty("column").GetInt32()).Should().Be((1, column));
    }

    [Fact]
    public async Task A_string_longer_than_the_documented_token_limit_is_refused_naming_the_limit_and_where_it_is()
    {
        // arrange
        var tooLong = "{entity(ref:\"" + new string('x', BoundedDocumentParser.MaxTokenLength) + "\"){id}}";
        var withinLimit = "{entity(ref:\"" + new string('x', BoundedDocumentParser.MaxTokenLength - 2) + "\"){id}}";

        // act
        var refused = await Client.PostGraphQLAsync(tooLong);
        var answered = await Client.PostGraphQLAsync(withinLimit);

        // assert
        var error = refused.SingleError();
        error.Code().Should().Be("QUERY_TOO_LARGE");
        error.Str("message").Should().Contain($"string of {BoundedDocumentParser.MaxTokenLength + 2} characters at line 1, column 13")
            .And.Contain($"at most {BoundedDocumentParser.MaxTokenLength} characters");
        answered.SingleError().Code().Should().Be("NOT_FOUND", "a string of exactly the limit is read");
    }

    [Fact]
    public async Task Six_thousand_unknown_arguments_answer_a_hundred_errors_and_one_that_counts_the_rest()
    {
        // arrange: 60 KB that answered 1,005 KB of errors before
        var arguments = string.Join(",", Enumerable.Range(0, 6_000).Select(i => $"a{i}:1"));
        var query = $"{{__typename({arguments})}}";

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        AssertCapped(response, leftOut: 5_900);
    }

    [Fact]
    public async Task Five_thousand_unused_variables_answer_a_hundred_errors_and_one_that_counts_the_rest()
    {
        // arrange: 773 KB of errors before
        var variables = string.Join(",", Enumerable.Range(0, 5_000).Select(i => $"$v{i}:Int"));
        var query = $"query Q({variables}){{__typename}}";

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        AssertCapped(response, leftOut: 4_900);
    }

    private static void AssertCapped(GraphQLResponse response, int leftOut)
    {
        response.Errors.Should().HaveCount(101, response.Text[..Math.Min(2_000, response.Text.Length)]);
        var last = response.Errors[^1];
        last.Code().Should().Be("TOO_MANY_ERRORS");
        last.Str("message").Should().Contain($"and {leftOut} more errors").And.Contain("at most 100");
        Encoding.UTF8.GetByteCount(response.Text).Should().BeLessThan(48 * 1024, "a hundred errors and a summary, not thousands");
    }

    /// <summary>A query with no ignored character at all: aliased roots whose selections are anonymous inline fragments.</summary>
    private static string MinifiedQuery(int roots, int fragmentsPerRoot)
    {
        string[] fields = ["id", "name", "kind", "aliases", "country", "description", "tags"];
        var query = new StringBuilder("{");
        for (var root = 0; root < roots; root++)
        {
            query.Append($"e{root:D2}:entity(ref:\"DeepSeek\"){{");
            for (var fragment = 0; fragment < fragmentsPerRoot; fragment++)
            {
                query.Append("...{").Append(fields[fragment % fields.Length]).Append('}');
            }

            query.Append('}');
        }

        return query.Append('}').ToString();
    }
}
