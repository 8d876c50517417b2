using System.Net;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.Http;

[Collection(SmallGraphCollection.Name)]
public sealed class GraphQLOverHttpTests(SmallGraphHost host)
{
    private const string EntityNameQuery = "{ entity(ref: \"acme-ai\") { name } }";

    private HttpClient Client => host.Client;

    [Fact]
    public async Task Post_with_json_body_answers_with_data()
    {
        // arrange
        const string query = "query Lab($ref: String!) { entity(ref: $ref) { id name } }";

        // act
        var response = await Client.PostGraphQLAsync(query, new { @ref = "Acme Labs" });

        // assert
        response.Status.Should().Be(HttpStatusCode.OK);
        response.Errors.Should().BeEmpty();
        response.Data.GetProperty("entity").Str("id").Should().Be(SmallGraph.Lab);
    }

    [Fact]
    public async Task Post_without_accept_header_answers_application_json()
    {
        // act
        var response = await Client.PostGraphQLAsync(EntityNameQuery, accept: null);

        // assert
        response.Status.Should().Be(HttpStatusCode.OK);
        response.MediaType.Should().Be(GraphQLHttp.Json);
        response.CharSet.Should().Be("utf-8");
    }

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("*/*")]
    [InlineData("application/*")]
    [InlineData("application/json, application/graphql-response+json")]
    [InlineData("text/html, */*;q=0.8")]
    public async Task Graphql_response_json_is_preferred_when_acceptable(string accept)
    {
        // act
        var response = await Client.PostGraphQLAsync(EntityNameQuery, accept: accept);

        // assert
        response.Status.Should().Be(HttpStatusCode.OK);
        response.MediaType.Should().Be(GraphQLHttp.GraphQLResponseJson);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json, application/graphql-response+json;q=0.5")]
    [InlineData("application/json, application/graphql-response+json;q=0")]
    public async Task Application_json_is_answered_when_that_is_what_the_client_prefers(string accept)
    {
        // act
        var response = await Client.PostGraphQLAsync(EntityNameQuery, accept: accept);

        // assert
        response.Status.Should().Be(HttpStatusCode.OK);
        response.MediaType.Should().Be(GraphQLHttp.Json);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/*")]
    [InlineData("application/graphql-response+json;q=0, application/json;q=0")]
    public async Task Neither_response_type_acceptable_is_406(string accept)
    {
        // act
        var response = await Client.PostGraphQLAsync(EntityNameQuery, accept: accept);

        // assert
        response.Status.Should().Be(HttpStatusCode.NotAcceptable);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_are_405_with_allow_get_post(string method)
    {
        // arrange
        using var request = new HttpRequestMessage(new HttpMethod(method), "/graphql");

        // act
        var response = await Client.SendGraphQLAsync(request, GraphQLHttp.GraphQLResponseJson);

        // assert
        response.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Allow.Should().Contain("GET").And.Contain("POST");
        response.Errors.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/graphql")]
    [InlineData(null)]
    public async Task Post_with_another_content_type_is_415(string? contentType)
    {
        // act
        var response = await Client.PostRawAsync($$"""{"query":"{{EntityNameQuery.Replace("\"", "\\\"", StringComparison.Ordinal)}}"}""", contentType);

        // assert
        response.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"query\": 42}")]
    [InlineData("{\"query\": \"{ relationshipTypes { type } }\", \"variables\": 7}")]
    public async Task Malformed_json_body_is_400_with_graphql_errors(string body)
    {
        // act
        var response = await Client.PostRawAsync(body, GraphQLHttp.Json);

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.HasData.Should().BeFalse();
        response.SingleError().Str("message").Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"variables\": {}}")]
    [InlineData("{\"query\": \"\"}")]
    public async Task Body_without_query_is_400(string body)
    {
        // act
        var response = await Client.PostRawAsync(body, GraphQLHttp.Json, accept: GraphQLHttp.Json);

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.SingleError().Str("message").Should().Contain("query");
    }

    [Fact]
    public async Task Get_with_query_and_variables_answers()
    {
        // arrange
        const string query = "query Lab($ref: String!) { entity(ref: $ref) { id } }";

        // act
        var response = await Client.GetGraphQLAsync(query, variables: """{"ref":"Acme AI"}""");

        // assert
        response.Status.Should().Be(HttpStatusCode.OK);
        response.Data.GetProperty("entity").Str("id").Should().Be(SmallGraph.Lab);
    }

    [Fact]
    public async Task Get_selects_the_operation_by_name()
    {
        // arrange
        const string query = "query First { entity(ref: \"acme-ai\") { id } } query Second { entity(ref: \"acme-1\") { id } }";

        // act
        var response = await Client.GetGraphQLAsync(query, operationName: "Second");

        // assert
        response.Status.Should().Be(HttpStatusCode.OK);
        response.Data.GetProperty("entity").Str("id").Should().Be(SmallGraph.Model);
    }

    [Fact]
    public async Task Get_with_malformed_variables_is_400()
    {
        // act
        var response = await Client.GetGraphQLAsync("query($ref: String!) { entity(ref: $ref) { id } }", variables: "{ nope");

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.HasData.Should().BeFalse();
    }

    [Fact]
    public async Task Get_without_query_is_400()
    {
        // arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");

        // act
        var response = await Client.SendGraphQLAsync(request, GraphQLHttp.GraphQLResponseJson);

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_with_a_mutation_is_405()
    {
        // act
        var response = await Client.GetGraphQLAsync("mutation { addEntity(id: \"x\") }");

        // assert
        response.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Allow.Should().Contain("POST");
        response.Errors.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Get_with_a_named_mutation_among_queries_is_405_only_when_selected()
    {
        // arrange
        const string query = "query Read { relationshipTypes { type } } mutation Write { addEntity(id: \"x\") }";

        // act
        var asQuery = await Client.GetGraphQLAsync(query, operationName: "Read");
        var asMutation = await Client.GetGraphQLAsync(query, operationName: "Write");

        // assert
        asQuery.Status.Should().NotBe(HttpStatusCode.MethodNotAllowed);
        asMutation.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Post_with_a_mutation_is_executed_and_rejected_by_the_schema()
    {
        // act
        var response = await Client.PostGraphQLAsync("mutation { addEntity(id: \"x\") }");

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.HasData.Should().BeFalse();
        response.Errors.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Validation_error_is_400_with_graphql_response_json()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ entity(ref: \"acme-ai\") { noSuchField } }", accept: GraphQLHttp.GraphQLResponseJson);

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.MediaType.Should().Be(GraphQLHttp.GraphQLResponseJson);
        response.HasData.Should().BeFalse();
        response.SingleError().Code().Should().Be("GRAPHQL_VALIDATION_FAILED");
    }

    [Fact]
    public async Task Validation_error_is_200_with_application_json()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ entity(ref: \"acme-ai\") { noSuchField } }", accept: GraphQLHttp.Json);

        // assert
        response.Status.Should().Be(HttpStatusCode.OK);
        response.MediaType.Should().Be(GraphQLHttp.Json);
        response.HasData.Should().BeFalse();
        response.Errors.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Syntax_error_is_400_with_graphql_response_json()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ entity(ref: ", accept: GraphQLHttp.GraphQLResponseJson);

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.SingleError().Code().Should().Be("GRAPHQL_PARSE_FAILED");
    }

    [Fact]
    public async Task Syntax_error_is_200_with_application_json()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ entity(ref: ", accept: GraphQLHttp.Json);

        // assert
        response.Status.Should().Be(HttpStatusCode.OK);
        response.SingleError().Code().Should().Be("GRAPHQL_PARSE_FAILED");
    }

    [Fact]
    public async Task Field_error_with_data_is_200_with_graphql_response_json()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ entity(ref: \"no-such-thing\") { id } relationshipTypes { type } }");

        // assert
        response.Status.Should().Be(HttpStatusCode.OK);
        response.Data.GetProperty("entity").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        response.Data.GetProperty("relationshipTypes").GetArrayLength().Should().Be(13);
        response.SingleError().Code().Should().Be("NOT_FOUND");
    }

    [Fact]
    public async Task Error_on_a_root_field_still_counts_as_a_result()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ supplyChain(entity: \"no-such-thing\") { partial } }");

        // assert
        response.Status.Should().Be(HttpStatusCode.OK);
        response.HasData.Should().BeTrue();
        response.Data.GetProperty("supplyChain").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "root fields are nullable: the failed one is null");
        response.SingleError().Code().Should().Be("NOT_FOUND");
    }
}

[Collection(SmallGraphCollection.Name)]
public sealed class RootFieldLimitTests(SmallGraphHost host)
{
    [Fact]
    public async Task Twenty_aliased_questions_are_answered()
    {
        var response = await host.Client.PostGraphQLAsync(Aliased(20));

        response.Status.Should().Be(System.Net.HttpStatusCode.OK);
        response.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task More_root_fields_than_the_limit_are_refused_before_any_runs()
    {
        // arrange
        host.Factory.Store.Reset();

        // act
        var response = await host.Client.PostGraphQLAsync(Aliased(21));

        // assert
        response.Status.Should().Be(System.Net.HttpStatusCode.BadRequest);
        response.SingleError().Code().Should().Be("QUERY_TOO_LARGE");
        response.HasData.Should().BeFalse();
        host.Factory.Store.TotalQuestions.Should().Be(0);
    }

    [Fact]
    public async Task Root_fields_inside_fragments_count_too()
    {
        var fragment = "fragment Many on Query { " + string.Concat(Enumerable.Range(0, 21).Select(i => $"q{i}: relationshipTypes {{ type }} ")) + "}";

        var response = await host.Client.PostGraphQLAsync("{ ...Many } " + fragment);

        response.SingleError().Code().Should().Be("QUERY_TOO_LARGE");
    }

    private static string Aliased(int count) =>
        "{ " + string.Concat(Enumerable.Range(0, count).Select(i => $"q{i}: search(text: \"a\") {{ id }} ")) + "}";
}
