using System.Net;
using GraphQLParser;
using Microsoft.Extensions.DependencyInjection;
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
    public void Past_its_entry_bound_the_cache_evicts_the_least_recently_used_text_and_keeps_caching()
    {
        // arrange: a fill-once table stopped caching after its first 1,000 texts (issue 20)
        var cache = new DocumentCache(maxEntries: 2, maxBytes: 1_000);
        cache.Add("{ a }", Parser.Parse("{ a }"));
        cache.Add("{ b }", Parser.Parse("{ b }"));
        cache.TryGet("{ a }", out _).Should().BeTrue("a is now the most recently used");

        // act
        cache.Add("{ c }", Parser.Parse("{ c }"));

        // assert
        cache.Count.Should().Be(2);
        cache.TryGet("{ c }", out _).Should().BeTrue("a new text is cached past the bound");
        cache.TryGet("{ a }", out _).Should().BeTrue();
        cache.TryGet("{ b }", out _).Should().BeFalse("the least recently used text made room");
        cache.Counters.Evictions.Should().Be(1);
    }

    [Fact]
    public void The_cache_never_holds_more_bytes_than_its_bound()
    {
        // arrange: room for three 10-character texts (20 bytes each in UTF-16)
        var cache = new DocumentCache(maxEntries: 1_000, maxBytes: 60);
        var texts = Enumerable.Range(0, 50).Select(i => $"{{ f{i:D5} }}").ToList();

        // act
        foreach (var text in texts)
        {
            cache.Add(text, Parser.Parse(text));
            cache.Bytes.Should().BeLessThanOrEqualTo(60);
        }

        // assert
        cache.Count.Should().Be(3);
        cache.Counters.Bytes.Should().Be(60);
        cache.TryGet(texts[^1], out _).Should().BeTrue("the newest text is cached");
        cache.TryGet(texts[0], out _).Should().BeFalse();
        cache.Add(new string(' ', 31) + "{ a }", Parser.Parse("{ a }")).Document.Should().NotBeNull("a text larger than the whole bound is still used for its own request");
        cache.Count.Should().Be(3, "but not kept");
    }

    [Fact]
    public async Task After_more_distinct_texts_than_the_cache_holds_a_new_text_is_still_cached_and_counted_as_a_hit()
    {
        // arrange: more distinct texts than the service's cache holds
        var counters = host.Factory.Services.GetRequiredService<GraphQLHttpEndpoint>().DocumentCacheCounters;
        for (var i = 0; i < DocumentCache.DefaultMaxEntries + 100; i++)
        {
            var filler = await Client.PostGraphQLAsync($"{{ f{i}: __typename }}");
            filler.Errors.Should().BeEmpty(filler.Text);
        }

        var query = $"{{ fresh{Guid.NewGuid():N}: __typename }}";
        var first = await Client.PostGraphQLAsync(query);
        var hitsBefore = counters.Hits;

        // act
        var second = await Client.PostGraphQLAsync(query);

        // assert
        second.Text.Should().Be(first.Text);
        counters.Hits.Should().BeGreaterThan(hitsBefore, "the second send of a new text is answered from the cache");
        counters.Entries.Should().BeLessThanOrEqualTo(DocumentCache.DefaultMaxEntries);
        counters.Bytes.Should().BeLessThanOrEqualTo(DocumentCache.DefaultMaxBytes);
        counters.Evictions.Should().BeGreaterThan(0);
        counters.HitRate.Should().BeInRange(0, 1);
    }
}
