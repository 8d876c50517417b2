using System.Net;
using GraphQLParser;
using SupplyGraph.Api.Http;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.Http;

/// <summary>
/// A query text seen before is neither parsed nor validated again: what may change between two requests with the
/// same text (variables, the operation chosen) must still be checked every time, and a document that failed
/// validation must fail it again.
/// </summary>
[Collection(SmallGraphCollection.Name)]
public sealed class DocumentCacheTests(SmallGraphHost host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task A_cached_query_with_a_malformed_variable_is_refused_as_the_first_time()
    {
        // arrange: the same text answered once, so its document is cached and marked validated
        const string query = "query CachedControls($day: Date) { exportControls(entity: \"acme-ai\", asOf: $day) { partial } }";
        var first = await Client.PostGraphQLAsync(query, new { day = "2024-06-01" });
        first.Errors.Should().BeEmpty(first.Text);

        // act
        var second = await Client.PostGraphQLAsync(query, new { day = "2023-13-45" });

        // assert
        second.Status.Should().Be(HttpStatusCode.BadRequest);
        var error = second.SingleError();
        error.Code().Should().Be("INVALID_ARGUMENT");
        error.Extension("argument").Should().Be("asOf");
        error.Extension("variable").Should().Be("$day");
    }

    [Fact]
    public async Task A_cached_query_answers_each_requests_own_variables()
    {
        // arrange
        const string query = "query CachedChain($e: String!) { supplyChain(entity: $e) { focus { id } } }";

        // act
        var lab = await Client.PostGraphQLAsync(query, new { e = SmallGraph.Lab });
        var model = await Client.PostGraphQLAsync(query, new { e = SmallGraph.Model });
        var labAgain = await Client.PostGraphQLAsync(query, new { e = SmallGraph.Lab });

        // assert
        lab.Data.GetProperty("supplyChain").GetProperty("focus").Str("id").Should().Be(SmallGraph.Lab);
        model.Data.GetProperty("supplyChain").GetProperty("focus").Str("id").Should().Be(SmallGraph.Model);
        labAgain.Text.Should().Be(lab.Text, "the same request answers the same bytes whether its document was cached or not");
    }

    [Fact]
    public async Task A_document_that_fails_validation_fails_it_every_time()
    {
        // arrange
        const string query = "{ supplyChain(entity: \"acme-ai\") { noSuchField } }";

        // act
        var first = await Client.PostGraphQLAsync(query);
        var second = await Client.PostGraphQLAsync(query);

        // assert
        first.Status.Should().Be(HttpStatusCode.BadRequest);
        second.Status.Should().Be(HttpStatusCode.BadRequest);
        second.Text.Should().Be(first.Text);
        second.SingleError().Str("message").Should().Contain("noSuchField");
    }

    [Fact]
    public async Task A_cached_document_still_needs_a_named_operation_that_exists()
    {
        // arrange
        const string query = "query A { relationshipTypes { type } } query B { relationshipTypes { role } }";
        var answered = await Client.PostGraphQLAsync(query, operationName: "A");
        answered.Errors.Should().BeEmpty(answered.Text);

        // act
        var missing = await Client.PostGraphQLAsync(query, operationName: "C");

        // assert
        missing.HasData.Should().BeFalse();
        missing.Errors.Should().NotBeEmpty();
    }

    [Fact]
    public void The_cache_stops_taking_documents_at_its_entry_bound()
    {
        // arrange
        var cache = new DocumentCache(maxEntries: 2, maxTotalLength: 1_000);

        // act
        cache.Add("{ a }", Parser.Parse("{ a }"));
        cache.Add("{ b }", Parser.Parse("{ b }"));
        var third = cache.Add("{ c }", Parser.Parse("{ c }"));

        // assert
        cache.Count.Should().Be(2);
        cache.TryGet("{ c }", out _).Should().BeFalse();
        third.Document.Should().NotBeNull("a document past the bound is still used for its own request");
    }

    [Fact]
    public void The_cache_stops_taking_documents_at_its_length_bound()
    {
        // arrange
        var cache = new DocumentCache(maxEntries: 100, maxTotalLength: 12);

        // act
        cache.Add("{ alpha }", Parser.Parse("{ alpha }"));
        cache.Add("{ beta }", Parser.Parse("{ beta }"));

        // assert
        cache.TryGet("{ alpha }", out var kept).Should().BeTrue();
        kept.Validated.Should().BeFalse();
        cache.TryGet("{ beta }", out _).Should().BeFalse("9 + 8 characters pass the bound of 12");
    }
}
