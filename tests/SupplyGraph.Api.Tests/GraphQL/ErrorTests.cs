using System.Net;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.GraphQL;

[Collection(SmallGraphCollection.Name)]
public sealed class ErrorTests(SmallGraphHost host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task Unknown_entity_is_not_found_with_suggestions()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ exportControls(entity: \"Acme AJ\") { partial } }");

        // assert
        var error = response.SingleError();
        error.Code().Should().Be("NOT_FOUND");
        error.Extension("reference").Should().Be("Acme AJ");
        error.GetProperty("extensions").Strings("suggestions").Should().Contain("Acme AI");
        error.Str("message").Should().Contain("Acme AJ");
        error.GetProperty("path")[0].GetString().Should().Be("exportControls");
    }

    [Fact]
    public async Task Ambiguous_reference_lists_the_candidate_ids()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ entity(ref: \"Twin\") { id } }");

        // assert
        var error = response.SingleError();
        error.Code().Should().Be("AMBIGUOUS");
        error.GetProperty("extensions").Strings("candidates").Should().Equal(SmallGraph.TwinA, SmallGraph.TwinB);
    }

    [Theory]
    [InlineData("{ supplyChain(entity: \"acme-ai\", maxHops: 0) { partial } }", "maxHops", "between 1 and 16")]
    [InlineData("{ supplyChain(entity: \"acme-ai\", maxHops: 17) { partial } }", "maxHops", "between 1 and 16")]
    [InlineData("{ exportControls(entity: \"acme-ai\", maxPaths: 101) { partial } }", "maxPaths", "between 1 and 100")]
    [InlineData("{ search(text: \"acme\", first: 0) { id } }", "first", "between 1 and 200")]
    [InlineData("{ search(text: \"  \") { id } }", "text", "empty")]
    [InlineData("{ exposure(regulation: \"acme-ai\") { inForce } }", "regulation", "not a regulation")]
    public async Task Out_of_range_argument_is_invalid_argument_naming_it(string query, string argument, string explanation)
    {
        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Status.Should().Be(HttpStatusCode.OK, "the request was executed; the error is on a field");
        var error = response.SingleError();
        error.Code().Should().Be("INVALID_ARGUMENT");
        error.Extension("argument").Should().Be(argument);
        error.Str("message").Should().Contain(argument).And.Contain(explanation);
    }

    [Theory]
    [InlineData("2023-13-45")]
    [InlineData("2023-02-30")]
    [InlineData("17/10/2023")]
    [InlineData("2023-10-17T00:00:00Z")]
    public async Task Malformed_date_literal_is_invalid_argument_naming_it(string date)
    {
        // act
        var response = await Client.PostGraphQLAsync($$"""{ exportControls(entity: "acme-ai", asOf: "{{date}}") { partial } }""");

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.HasData.Should().BeFalse();
        var error = response.SingleError();
        error.Code().Should().Be("INVALID_ARGUMENT");
        error.Extension("argument").Should().Be("asOf");
        error.Str("message").Should().Contain("asOf").And.Contain("YYYY-MM-DD").And.Contain(date);
    }

    [Fact]
    public async Task Date_literal_of_the_wrong_type_is_invalid_argument()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ supplyChain(entity: \"acme-ai\", asOf: 20231017) { partial } }");

        // assert
        var error = response.SingleError();
        error.Code().Should().Be("INVALID_ARGUMENT");
        error.Extension("argument").Should().Be("asOf");
    }

    [Fact]
    public async Task Malformed_date_variable_is_invalid_argument_naming_the_argument_it_feeds()
    {
        // arrange
        const string query = "query Controls($day: Date) { exportControls(entity: \"acme-ai\", asOf: $day) { partial } }";

        // act
        var response = await Client.PostGraphQLAsync(query, new { day = "2023-13-45" });

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        var error = response.SingleError();
        error.Code().Should().Be("INVALID_ARGUMENT");
        error.Extension("argument").Should().Be("asOf");
        error.Extension("variable").Should().Be("$day");
        error.Str("message").Should().Contain("$day").And.Contain("YYYY-MM-DD").And.Contain("2023-13-45");
    }

    [Fact]
    public async Task Malformed_variable_feeding_several_arguments_is_named_by_the_variable()
    {
        // arrange
        const string query = "query($n: Int) { exportControls(entity: \"acme-ai\", maxHops: $n, maxPaths: $n) { partial } }";

        // act
        var response = await Client.PostGraphQLAsync(query, new { n = "many" }, accept: GraphQLHttp.Json);

        // assert
        response.Status.Should().Be(HttpStatusCode.OK, "application/json answers 200 to every well-formed request");
        var error = response.SingleError();
        error.Code().Should().Be("INVALID_ARGUMENT");
        error.Extension("argument").Should().Be("$n");
        error.Extension("variable").Should().Be("$n");
    }

    [Fact]
    public async Task Malformed_integer_variable_is_invalid_argument()
    {
        // act
        var response = await Client.PostGraphQLAsync(
            "query($hops: Int) { supplyChain(entity: \"acme-ai\", maxHops: $hops) { partial } }",
            new { hops = "many" });

        // assert
        var error = response.SingleError();
        error.Code().Should().Be("INVALID_ARGUMENT");
        error.Extension("argument").Should().Be("maxHops");
    }

    [Fact]
    public async Task Errors_carry_no_exception_details()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ supplyChain(entity: \"acme-ai\", maxHops: 0) { partial } }");

        // assert
        var extensions = response.SingleError().GetProperty("extensions");
        extensions.EnumerateObject().Select(property => property.Name).Should().BeEquivalentTo(["code", "argument"]);
        response.Text.Should().NotContain("StackTrace").And.NotContain("   at ");
    }
}
