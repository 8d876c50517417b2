using System.Net;
using System.Text.Json;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.GraphQL;

/// <summary>The read API over HTTP: connections, filters as input objects, counts, and the bounds on a page.</summary>
[Collection(SeedCollection.Name)]
public sealed class ReadApiTests(SeedHost host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task Entities_page_through_a_filter_with_cursors_and_a_total()
    {
        // arrange
        const string page = """
            query ($after: String) {
              entities(where: { kind: [MODEL], or: [{ text: "deepseek" }, { text: "qwen" }] }, order: { by: NAME, direction: DESCENDING }, first: 2, after: $after) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { cursor node { id name kind } }
              }
            }
            """;

        // act
        var names = new List<string>();
        string? after = null;
        int total;
        do
        {
            var response = await Client.PostGraphQLAsync(page, new { after });
            response.Errors.Should().BeEmpty(response.Text);
            var connection = response.Data.GetProperty("entities");
            total = connection.GetProperty("totalCount").GetInt32();
            names.AddRange(connection.Items("edges").Select(edge => edge.GetProperty("node").Str("name")));
            connection.Items("edges").Should().OnlyContain(edge => edge.GetProperty("node").Str("kind") == "MODEL");
            after = connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? connection.GetProperty("pageInfo").Str("endCursor") : null;
        }
        while (after is not null);

        // assert
        names.Should().HaveCount(total).And.OnlyHaveUniqueItems().And.BeInDescendingOrder(StringComparer.OrdinalIgnoreCase);
        names.Should().Contain(name => name.Contains("DeepSeek", StringComparison.OrdinalIgnoreCase));
        total.Should().BeGreaterThan(2);
    }

    [Fact]
    public async Task An_entitys_relationships_are_a_filtered_page()
    {
        // arrange
        const string query = """
            {
              entity(ref: "DeepSeek") {
                relationships(where: { direction: OUTGOING, type: [DEVELOPS], validOn: "2025-06-01" }, order: { by: VALID_FROM }, first: 50) {
                  totalCount
                  edges { node { type from { id } to { id } } }
                }
              }
            }
            """;

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var connection = response.Data.GetProperty("entity").GetProperty("relationships");
        var edges = connection.Items("edges");
        edges.Should().NotBeEmpty().And.HaveCount(connection.GetProperty("totalCount").GetInt32());
        edges.Should().OnlyContain(edge => edge.GetProperty("node").Str("type") == "DEVELOPS" && edge.GetProperty("node").GetProperty("from").Str("id") == "deepseek");
    }

    [Fact]
    public async Task Counts_group_entities_and_relationships()
    {
        // arrange
        const string query = """
            {
              kinds: counts(by: ENTITY_KIND) { by total groups { key count } }
              labs: counts(by: ENTITY_COUNTRY, where: { category: [AI_LAB] }) { total groups { key count } }
              stages: counts(by: SUPPLY_CHAIN_STAGE, entity: "DeepSeek", asOf: "2025-06-01") { groups { key count } }
              types: counts(by: RELATIONSHIP_TYPE, relationshipWhere: { status: [CONFIRMED] }) { total groups { key count } }
            }
            """;

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var kinds = response.Data.GetProperty("kinds");
        kinds.Str("by").Should().Be("ENTITY_KIND");
        kinds.Items("groups").Select(group => group.Str("key")).Should().BeSubsetOf(["ACTOR", "CHIP", "MODEL", "REGULATION"]);
        kinds.GetProperty("total").GetInt32().Should().Be(kinds.Items("groups").Sum(group => group.GetProperty("count").GetInt32()));
        response.Data.GetProperty("labs").Items("groups").Select(group => group.Str("key")).Should().Contain("CN");
        response.Data.GetProperty("stages").Items("groups").Select(group => group.Str("key")).Should().Contain(["RAW_MATERIALS", "LABS", "DEPLOYMENT"]);
        response.Data.GetProperty("types").GetProperty("total").GetInt32().Should().BePositive();
    }

    [Fact]
    public async Task The_whole_graphs_relationships_page_through_a_filter_in_the_order_asked()
    {
        // arrange
        const string page = """
            query ($after: String) {
              relationships(where: { status: [REPORTED, ALLEGED], validOn: "2025-06-01" }, order: { by: STATUS, direction: DESCENDING }, first: 50, after: $after) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { node { id status } }
              }
              counts(by: RELATIONSHIP_STATUS, asOf: "2025-06-01", relationshipWhere: { status: [REPORTED, ALLEGED] }) { total }
            }
            """;

        // act
        var statuses = new List<string>();
        var ids = new List<string>();
        string? after = null;
        int total;
        int counted;
        do
        {
            var response = await Client.PostGraphQLAsync(page, new { after });
            response.Errors.Should().BeEmpty(response.Text);
            var connection = response.Data.GetProperty("relationships");
            total = connection.GetProperty("totalCount").GetInt32();
            counted = response.Data.GetProperty("counts").GetProperty("total").GetInt32();
            statuses.AddRange(connection.Items("edges").Select(edge => edge.GetProperty("node").Str("status")));
            ids.AddRange(connection.Items("edges").Select(edge => edge.GetProperty("node").Str("id")));
            after = connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? connection.GetProperty("pageInfo").Str("endCursor") : null;
        }
        while (after is not null);

        // assert
        total.Should().Be(counted).And.BeGreaterThan(50, "the filter should match more than one page");
        ids.Should().HaveCount(total).And.OnlyHaveUniqueItems();
        statuses.Should().OnlyContain(status => status == "REPORTED" || status == "ALLEGED");
        statuses.SkipWhile(status => status == "ALLEGED").Should().OnlyContain(status => status == "REPORTED", "strength descending lists the alleged ones first");
    }

    [Fact]
    public async Task Entities_order_by_a_date_with_those_without_it_last()
    {
        // arrange
        const string query = "{ entities(where: { kind: [MODEL, CHIP] }, order: { by: RELEASE_DATE, direction: DESCENDING }, first: 200) { edges { node { kind ... on Model { releaseDate } } } } }";

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var nodes = response.Data.GetProperty("entities").Items("edges").Select(edge => edge.GetProperty("node")).ToList();
        var dates = nodes.TakeWhile(HasReleaseDate).Select(node => node.Str("releaseDate")).ToList();
        dates.Should().HaveCountGreaterThan(1).And.BeInDescendingOrder(StringComparer.Ordinal);
        nodes.Skip(dates.Count).Should().NotBeEmpty().And.OnlyContain(node => !HasReleaseDate(node));
    }

    private static bool HasReleaseDate(JsonElement node) => node.TryGetProperty("releaseDate", out var date) && date.ValueKind == JsonValueKind.String;

    [Theory]
    [InlineData("{ entities(first: 201) { totalCount } }")]
    [InlineData("{ relationships(first: 201) { totalCount } }")]
    [InlineData("{ entity(ref: \"deepseek\") { relationships(first: 5000) { totalCount } } }")]
    public async Task A_page_larger_than_the_cap_is_refused_naming_the_cap(string query)
    {
        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        var error = response.SingleError();
        error.Code().Should().Be("QUERY_TOO_COMPLEX");
        error.GetProperty("message").GetString().Should().Contain("200");
    }

    [Fact]
    public async Task A_page_of_pages_is_weighed_by_both_firsts()
    {
        // arrange: 200 entities, each with 200 relationships, each with its id: 40,000 ids and their edges and nodes.
        const string query = "{ entities(first: 200) { edges { node { relationships(first: 200) { edges { node { id } } } } } } }";

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.SingleError().Code().Should().Be("QUERY_TOO_COMPLEX");
    }

    [Theory]
    [InlineData("{ entities(where: { not: { not: { not: { not: { not: { kind: [CHIP] } } } } } }) { totalCount } }", "where")]
    [InlineData("{ entities(after: \"nope\") { totalCount } }", "after")]
    [InlineData("{ counts(by: SUPPLY_CHAIN_STAGE) { total } }", "entity")]
    [InlineData("{ counts(by: RELATIONSHIP_TYPE, where: { kind: [CHIP] }) { total } }", "where")]
    [InlineData("{ entity(ref: \"deepseek\") { relationships(where: { validDuring: { from: \"2025-01-01\", to: \"2024-01-01\" } }) { totalCount } } }", "where")]
    [InlineData("{ relationships(where: { direction: OUTGOING }) { totalCount } }", "where")]
    [InlineData("{ relationships(order: { by: OTHER_END_NAME }) { totalCount } }", "order")]
    public async Task Bad_read_arguments_are_refused_naming_the_argument(string query, string argument)
    {
        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        var error = response.SingleError();
        error.Code().Should().Be("INVALID_ARGUMENT", response.Text);
        error.Extension("argument").Should().Be(argument);
    }

    [Fact]
    public async Task A_page_with_no_first_holds_the_default_fifty()
    {
        // act
        var response = await Client.PostGraphQLAsync("{ entities { totalCount edges { cursor } pageInfo { hasNextPage } } }");

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var connection = response.Data.GetProperty("entities");
        connection.Items("edges").Should().HaveCount(Math.Min(50, connection.GetProperty("totalCount").GetInt32()));
        connection.GetProperty("pageInfo").GetProperty("hasNextPage").ValueKind.Should().NotBe(JsonValueKind.Null);
    }
}
