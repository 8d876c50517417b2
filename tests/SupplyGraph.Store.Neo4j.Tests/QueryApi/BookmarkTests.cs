using System.Net;
using FluentAssertions;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi;

/// <summary>The client keeps the bookmarks of what it committed and sends them on, so reads see earlier writes.</summary>
public sealed class BookmarkTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fresh_client_sends_no_bookmarks()
    {
        // arrange
        var setup = Exchanges.Load("01-setup");
        var handler = new ReplayHandler().Answer(setup);
        using var client = TestClient.For(handler);

        // act
        await client.RunAsync(setup.Statement, null, CypherRunOptions.Write, Token);

        // assert
        handler.LastRequest.Json!["bookmarks"].Should().BeNull();
        client.Bookmarks.Should().Equal("FB:kcwQSwmuz5jjQAGwS2gLRlELmMkA+pA=");
    }

    [Fact]
    public async Task A_read_after_a_write_carries_the_writes_bookmark()
    {
        // arrange
        var (write, read) = (Exchanges.Load("29-unwind-batch-write"), Exchanges.Load("30-bookmarks-passed"));
        var handler = new ReplayHandler().Answer(write).Answer(read);
        using var client = TestClient.For(handler);
        var rows = new List<object?> { new Dictionary<string, object?> { ["id"] = "qa-b0", ["name"] = "Batch 0" } };
        await client.RunAsync(write.Statement, new Dictionary<string, object?> { ["rows"] = rows }, CypherRunOptions.Write, Token);

        // act
        var result = await client.RunAsync(read.Statement, null, CypherRunOptions.Read, Token);

        // assert
        handler.LastRequest.Json!["bookmarks"]!.AsArray().Select(b => b!.GetValue<string>())
            .Should().Equal("FB:kcwQSwmuz5jjQAGwS2gLRlELmMkBAJA=");
        result.Rows.Single()["c"].Should().Be(7L);
        result.Bookmarks.Should().Equal("FB:kcwQSwmuz5jjQAGwS2gLRlELmMkBAJA=");
    }

    [Fact]
    public async Task A_read_after_a_commit_carries_the_commits_bookmark()
    {
        // arrange
        var handler = new ReplayHandler()
            .Answer(Exchanges.Load("21-tx-open"))
            .Answer(Exchanges.Load("23-tx-commit"))
            .Answer(Exchanges.Load("27-tx-after-rollback-nothing-stored"));
        using var client = TestClient.For(handler);
        await using (var transaction = await client.BeginAsync(AccessMode.Write, Token))
        {
            await transaction.RunAsync("CREATE (x:QaFixture {id: 'qa-tx'}) RETURN x.id AS id", cancellationToken: Token);
            await transaction.CommitAsync(Token);
        }

        // act
        await client.RunAsync("MATCH (x:QaFixture {id: 'qa-rolled-back'}) RETURN count(x) AS c", null, CypherRunOptions.Read, Token);

        // assert
        handler.LastRequest.Json!["bookmarks"]!.AsArray().Single()!.GetValue<string>().Should().Be("FB:kcwQSwmuz5jjQAGwS2gLRlELmMkA/5A=");
    }

    [Fact]
    public async Task A_transaction_sends_bookmarks_when_it_opens_not_with_each_statement()
    {
        // arrange
        var handler = new ReplayHandler()
            .Answer(Exchanges.Load("14-constraint-create"))
            .Answer(Exchanges.Load("21-tx-open"))
            .Answer(Exchanges.Load("22-tx-run-in-open"))
            .Answer(Exchanges.Load("23-tx-commit"));
        using var client = TestClient.For(handler);
        await client.RunAsync("CREATE CONSTRAINT qa_fixture_id IF NOT EXISTS FOR (n:QaFixture) REQUIRE n.id IS UNIQUE", null, CypherRunOptions.Write, Token);
        await using var transaction = await client.BeginAsync(AccessMode.Write, Token);

        // act
        await transaction.RunAsync("CREATE (x:QaFixture {id: 'qa-tx'}) RETURN x.id AS id", cancellationToken: Token);
        await transaction.RunAsync("MATCH (x:QaFixture {id: 'qa-tx'}) RETURN count(x) AS seenInsideTx", cancellationToken: Token);
        await transaction.CommitAsync(Token);

        // assert
        handler.Requests[1].Json!["bookmarks"]!.AsArray().Single()!.GetValue<string>().Should().Be("FB:kcwQSwmuz5jjQAGwS2gLRlELmMkA/pA=");
        handler.Requests[2].Json!["bookmarks"].Should().BeNull();
        client.Bookmarks.Should().ContainSingle().Which.Should().Be("FB:kcwQSwmuz5jjQAGwS2gLRlELmMkA/5A=", "the commit's bookmark replaces the one the transaction began with");
    }

    [Fact]
    public async Task A_failed_request_leaves_the_bookmarks_as_they_were()
    {
        // arrange
        var handler = new ReplayHandler().Answer(Exchanges.Load("31-cleanup")).Answer(Exchanges.Load("15-constraint-violation"));
        using var client = TestClient.For(handler);
        await client.RunAsync("MATCH (n:QaFixture) DETACH DELETE n", null, CypherRunOptions.Write, Token);

        // act
        var act = () => client.RunAsync("CREATE (:QaFixture {id: 'qa-lab'})", null, CypherRunOptions.Write, Token);

        // assert
        await act.Should().ThrowAsync<Neo4jException>();
        client.Bookmarks.Should().Equal("FB:kcwQSwmuz5jjQAGwS2gLRlELmMkBAZA=");
    }

    [Fact]
    public async Task Each_answer_replaces_the_bookmarks_its_request_carried()
    {
        // arrange
        var handler = new ReplayHandler()
            .Answer(Exchanges.Load("31-cleanup"))
            .Answer(Exchanges.Load("32-cleanup-constraint"));
        using var client = TestClient.For(handler);

        // act
        await client.RunAsync("MATCH (n:QaFixture) DETACH DELETE n", null, CypherRunOptions.Write, Token);
        await client.RunAsync("DROP CONSTRAINT qa_fixture_id IF EXISTS", null, CypherRunOptions.Write, Token);

        // assert
        handler.LastRequest.Json!["bookmarks"]!.AsArray().Single()!.GetValue<string>().Should().Be("FB:kcwQSwmuz5jjQAGwS2gLRlELmMkBAZA=");
        client.Bookmarks.Should().Equal("FB:kcwQSwmuz5jjQAGwS2gLRlELmMkBApA=");
    }

    [Fact]
    public void Concurrent_answers_keep_each_others_newer_bookmarks()
    {
        // arrange: two requests both left with bookmark A; each commits something new.
        var set = new BookmarkSet();
        set.Replace([], ["A"]);
        var sentByBoth = set.Snapshot();

        // act
        set.Replace(sentByBoth, ["B"]);
        set.Replace(sentByBoth, ["C"]);

        // assert
        set.Snapshot().Should().BeEquivalentTo(["B", "C"], "dropping B would let a later read miss that write");
    }

    [Fact]
    public async Task Parallel_requests_all_succeed_and_leave_the_bookmarks_consistent()
    {
        // arrange
        var handler = new ReplayHandler();
        for (var i = 0; i < 20; i++)
        {
            handler.AnswerJson(HttpStatusCode.Accepted, $$"""{"data":{"fields":[],"values":[]},"bookmarks":["FB:{{i}}"]}""");
        }

        using var client = TestClient.For(handler);

        // act
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.RunAsync("RETURN 1", null, CypherRunOptions.Write, Token)));

        // assert
        handler.Requests.Should().HaveCount(20);
        client.Bookmarks.Should().NotBeEmpty().And.OnlyContain(bookmark => bookmark.StartsWith("FB:", StringComparison.Ordinal));
        client.Bookmarks.Should().OnlyHaveUniqueItems();
    }
}
