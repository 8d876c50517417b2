using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi;

/// <summary>Explicit transactions: open with the first statement, run, commit or roll back, cluster affinity.</summary>
public sealed class TransactionTests
{
    private const string Affinity = "MTAuOC41Ljc6MTc0NzQ=";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_run_and_commit_follow_the_recorded_exchanges()
    {
        // arrange
        var (open, run, commit) = (Exchanges.Load("21-tx-open"), Exchanges.Load("22-tx-run-in-open"), Exchanges.Load("23-tx-commit"));
        var handler = new ReplayHandler().Answer(open).Answer(run).Answer(commit);
        using var client = TestClient.For(handler);
        await using var transaction = await client.BeginAsync(AccessMode.Write, Token);

        // act
        var created = await transaction.RunAsync(open.Statement, cancellationToken: Token);
        var seen = await transaction.RunAsync(run.Statement, cancellationToken: Token);
        var committed = await transaction.CommitAsync(commit.Statement, cancellationToken: Token);

        // assert
        handler.Requests.Should().HaveCount(3);
        handler.Requests[0].ShouldMatch(open);
        handler.Requests[1].ShouldMatch(run);
        handler.Requests[2].ShouldMatch(commit);
        created.Rows.Single()["id"].Should().Be("qa-tx");
        seen.Rows.Single()["seenInsideTx"].Should().Be(1L);
        committed.Rows.Single()["s"].Should().Be("committed");
        committed.Bookmarks.Should().Equal("FB:kcwQSwmuz5jjQAGwS2gLRlELmMkA/5A=");
        transaction.Id.Should().Be("6e80");
        transaction.Expires.Should().Be(new DateTimeOffset(2026, 11, 23, 13, 51, 24, TimeSpan.Zero));
    }

    [Fact]
    public async Task Begin_sends_nothing_until_the_first_statement()
    {
        // arrange
        var handler = new ReplayHandler();
        using var client = TestClient.For(handler);

        // act
        var transaction = await client.BeginAsync(AccessMode.Write, Token);

        // assert
        transaction.Id.Should().BeNull();
        transaction.Expires.Should().BeNull();
        handler.Requests.Should().BeEmpty();
        await transaction.DisposeAsync();
        handler.Requests.Should().BeEmpty("a transaction the server never saw needs no rollback");
    }

    [Fact]
    public async Task A_read_transaction_says_so_when_it_opens_and_only_then()
    {
        // arrange
        var handler = new ReplayHandler()
            .Answer(Exchanges.Load("21-tx-open"))
            .Answer(Exchanges.Load("22-tx-run-in-open"))
            .Answer(Exchanges.Load("26-tx-rollback"));
        using var client = TestClient.For(handler);
        await using var transaction = await client.BeginAsync(AccessMode.Read, Token);

        // act
        await transaction.RunAsync("MATCH (x) RETURN x.id AS id", cancellationToken: Token);
        await transaction.RunAsync("MATCH (x) RETURN count(x) AS seenInsideTx", cancellationToken: Token);

        // assert
        handler.Requests[0].Json!["accessMode"]!.GetValue<string>().Should().Be("Read");
        handler.Requests[1].Json!["accessMode"].Should().BeNull("the mode belongs to the transaction, set when it opened");
    }

    [Fact]
    public async Task Commit_without_a_statement_posts_an_empty_typed_body_and_returns_the_bookmarks()
    {
        // arrange
        var handler = new ReplayHandler().Answer(Exchanges.Load("21-tx-open")).Answer(Exchanges.Load("23-tx-commit"));
        using var client = TestClient.For(handler);
        await using var transaction = await client.BeginAsync(AccessMode.Write, Token);
        await transaction.RunAsync("CREATE (x:QaFixture {id: 'qa-tx'}) RETURN x.id AS id", cancellationToken: Token);

        // act
        var bookmarks = await transaction.CommitAsync(Token);

        // assert
        handler.LastRequest.Method.Should().Be(HttpMethod.Post);
        handler.LastRequest.Path.Should().Be("/db/neo4j/query/v2/tx/6e80/commit");
        handler.LastRequest.Body.Should().BeEmpty();
        handler.LastRequest.ContentType.Should().Be("application/vnd.neo4j.query", "Neo4j 5.26 answers a POST without a content type with HTTP 500");
        bookmarks.Should().Equal("FB:kcwQSwmuz5jjQAGwS2gLRlELmMkA/5A=");
        client.Bookmarks.Should().Equal(bookmarks);
    }

    [Fact]
    public async Task Using_a_committed_transaction_fails_without_asking_the_server()
    {
        // arrange
        var handler = new ReplayHandler().Answer(Exchanges.Load("21-tx-open")).Answer(Exchanges.Load("23-tx-commit"));
        using var client = TestClient.For(handler);
        await using var transaction = await client.BeginAsync(AccessMode.Write, Token);
        await transaction.RunAsync("CREATE (x:QaFixture {id: 'qa-tx'}) RETURN x.id AS id", cancellationToken: Token);
        await transaction.CommitAsync(Token);

        // act
        var run = () => transaction.RunAsync("RETURN 1", cancellationToken: Token);
        var rollback = () => transaction.RollbackAsync(Token);

        // assert
        await run.Should().ThrowAsync<InvalidOperationException>().WithMessage("*already committed*");
        await rollback.Should().ThrowAsync<InvalidOperationException>();
        handler.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_transaction_the_server_no_longer_knows_fails_with_request_invalid_404()
    {
        // arrange
        var gone = Exchanges.Load("24-tx-use-after-commit");
        var handler = new ReplayHandler()
            .Answer(Exchanges.Load("21-tx-open"))
            .Answer(gone)
            .Answer(gone);
        using var client = TestClient.For(handler);
        var transaction = await client.BeginAsync(AccessMode.Write, Token);
        await transaction.RunAsync("CREATE (x:QaFixture {id: 'qa-tx'}) RETURN x.id AS id", cancellationToken: Token);

        // act
        var act = () => transaction.RunAsync(gone.Statement, cancellationToken: Token);

        // assert
        var error = (await act.Should().ThrowAsync<Neo4jException>()).Which;
        error.Code.Should().Be("Neo.ClientError.Request.Invalid");
        error.HttpStatus.Should().Be(HttpStatusCode.NotFound);
        error.Message.Should().Contain("6e80").And.Contain("neo4j-cluster-affinity");
        handler.LastRequest.ShouldMatch(gone);
        var again = () => transaction.RunAsync("RETURN 1", cancellationToken: Token);
        await again.Should().ThrowAsync<InvalidOperationException>().WithMessage("*earlier request*failed*");
        await transaction.DisposeAsync();
        handler.Requests.Should().HaveCount(3, "disposing still tries one rollback, and its 404 is ignored");
        handler.LastRequest.Method.Should().Be(HttpMethod.Delete);
    }

    [Fact]
    public async Task An_unknown_transaction_id_is_addressed_escaped_and_fails_with_404()
    {
        // arrange
        var unknown = Exchanges.Load("28-tx-unknown-id");
        var handler = new ReplayHandler()
            .Answer(Exchanges.Load("21-tx-open"), body => body["transaction"]!["id"] = "999999")
            .Answer(unknown);
        using var client = TestClient.For(handler);
        var transaction = await client.BeginAsync(AccessMode.Write, Token);
        await transaction.RunAsync("CREATE (x:QaFixture {id: 'qa-tx'}) RETURN x.id AS id", cancellationToken: Token);

        // act
        var act = () => transaction.RunAsync(unknown.Statement, cancellationToken: Token);

        // assert
        (await act.Should().ThrowAsync<Neo4jException>()).Which.Code.Should().Be("Neo.ClientError.Request.Invalid");
        handler.LastRequest.ShouldMatch(unknown);
    }

    [Fact]
    public async Task Rollback_deletes_the_transaction_and_nothing_is_stored()
    {
        // arrange
        var (open, rollback, after) = (
            Exchanges.Load("25-tx-open-for-rollback"),
            Exchanges.Load("26-tx-rollback"),
            Exchanges.Load("27-tx-after-rollback-nothing-stored"));
        var handler = new ReplayHandler().Answer(open).Answer(rollback).Answer(after);
        using var client = TestClient.For(handler);
        var transaction = await client.BeginAsync(AccessMode.Write, Token);
        await transaction.RunAsync(open.Statement, cancellationToken: Token);

        // act
        await transaction.RollbackAsync(Token);
        var count = await client.RunAsync(after.Statement, null, CypherRunOptions.Write, Token);

        // assert
        handler.Requests[0].ShouldMatch(open);
        handler.Requests[1].ShouldMatch(rollback);
        handler.Requests[2].ShouldMatch(after);
        count.Rows.Single()["c"].Should().Be(0L);
        transaction.Id.Should().Be("889a");
    }

    [Fact]
    public async Task Disposing_an_uncommitted_transaction_rolls_it_back()
    {
        // arrange
        var handler = new ReplayHandler().Answer(Exchanges.Load("25-tx-open-for-rollback")).Answer(Exchanges.Load("26-tx-rollback"));
        using var client = TestClient.For(handler);

        // act
        await using (var transaction = await client.BeginAsync(AccessMode.Write, Token))
        {
            await transaction.RunAsync("CREATE (x:QaFixture {id: 'qa-rolled-back'})", cancellationToken: Token);
        }

        // assert
        handler.Requests.Should().HaveCount(2);
        handler.LastRequest.Method.Should().Be(HttpMethod.Delete);
        handler.LastRequest.Path.Should().Be("/db/neo4j/query/v2/tx/889a");
    }

    [Fact]
    public async Task Disposing_a_committed_transaction_sends_nothing_more()
    {
        // arrange
        var handler = new ReplayHandler().Answer(Exchanges.Load("21-tx-open")).Answer(Exchanges.Load("23-tx-commit"));
        using var client = TestClient.For(handler);

        // act
        await using (var transaction = await client.BeginAsync(AccessMode.Write, Token))
        {
            await transaction.RunAsync("CREATE (x:QaFixture {id: 'qa-tx'}) RETURN x.id AS id", cancellationToken: Token);
            await transaction.CommitAsync(Token);
        }

        // assert
        handler.Requests.Select(request => request.Method).Should().Equal(HttpMethod.Post, HttpMethod.Post);
    }

    [Fact]
    public async Task Cluster_affinity_from_the_open_answer_goes_with_every_later_request_of_that_transaction()
    {
        // arrange
        var handler = new ReplayHandler()
            .Answer(() => WithAffinity(Exchanges.Load("21-tx-open")))
            .Answer(Exchanges.Load("22-tx-run-in-open"))
            .Answer(Exchanges.Load("25-tx-open-for-rollback"))
            .Answer(Exchanges.Load("23-tx-commit"))
            .Answer(Exchanges.Load("26-tx-rollback"));
        using var client = TestClient.For(handler);
        var pinned = await client.BeginAsync(AccessMode.Write, Token);
        var other = await client.BeginAsync(AccessMode.Write, Token);

        // act
        await pinned.RunAsync("CREATE (x:QaFixture {id: 'qa-tx'}) RETURN x.id AS id", cancellationToken: Token);
        await pinned.RunAsync("MATCH (x:QaFixture {id: 'qa-tx'}) RETURN count(x) AS seenInsideTx", cancellationToken: Token);
        await other.RunAsync("CREATE (x:QaFixture {id: 'qa-rolled-back'})", cancellationToken: Token);
        await pinned.CommitAsync(Token);
        await other.RollbackAsync(Token);

        // assert
        handler.Requests.Select(request => request.ClusterAffinity).Should().Equal(null, Affinity, null, Affinity, null);
    }

    [Fact]
    public async Task Rollback_carries_cluster_affinity()
    {
        // arrange
        var handler = new ReplayHandler()
            .Answer(() => WithAffinity(Exchanges.Load("25-tx-open-for-rollback")))
            .Answer(Exchanges.Load("26-tx-rollback"));
        using var client = TestClient.For(handler);
        var transaction = await client.BeginAsync(AccessMode.Write, Token);
        await transaction.RunAsync("CREATE (x:QaFixture {id: 'qa-rolled-back'})", cancellationToken: Token);

        // act
        await transaction.RollbackAsync(Token);

        // assert
        handler.LastRequest.Method.Should().Be(HttpMethod.Delete);
        handler.LastRequest.ClusterAffinity.Should().Be(Affinity);
    }

    [Fact]
    public async Task A_transient_error_inside_a_transaction_is_not_retried()
    {
        // arrange
        var handler = new ReplayHandler()
            .Answer(Exchanges.Load("21-tx-open"))
            .AnswerError(HttpStatusCode.BadRequest, "Neo.TransientError.Transaction.DeadlockDetected", "deadlock")
            .Answer(Exchanges.Load("26-tx-rollback"));
        using var client = TestClient.For(handler);
        await using var transaction = await client.BeginAsync(AccessMode.Write, Token);
        await transaction.RunAsync("CREATE (x:QaFixture {id: 'qa-tx'}) RETURN x.id AS id", cancellationToken: Token);

        // act
        var act = () => transaction.RunAsync("MATCH (x) SET x.n = 1", cancellationToken: Token);

        // assert
        (await act.Should().ThrowAsync<Neo4jException>()).Which.IsRetryable.Should().BeTrue("the caller may retry the whole transaction");
        handler.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Commit_with_a_final_statement_opens_and_commits_a_transaction_not_yet_started()
    {
        // arrange
        var handler = new ReplayHandler().Answer(Exchanges.Load("21-tx-open")).Answer(Exchanges.Load("23-tx-commit"));
        using var client = TestClient.For(handler);
        await using var transaction = await client.BeginAsync(AccessMode.Write, Token);

        // act
        var result = await transaction.CommitAsync("CREATE (x:QaFixture {id: 'qa-tx'}) RETURN x.id AS id", cancellationToken: Token);

        // assert
        handler.Requests.Select(request => request.Path).Should().Equal("/db/neo4j/query/v2/tx", "/db/neo4j/query/v2/tx/6e80/commit");
        result.Rows.Single()["id"].Should().Be("qa-tx");
        result.Bookmarks.Should().Equal("FB:kcwQSwmuz5jjQAGwS2gLRlELmMkA/5A=");
    }

    [Fact]
    public async Task An_open_answer_without_a_transaction_id_is_an_invalid_response()
    {
        // arrange
        var handler = new ReplayHandler().Answer(Exchanges.Load("21-tx-open"), body => body.AsObject().Remove("transaction"));
        using var client = TestClient.For(handler);
        await using var transaction = await client.BeginAsync(AccessMode.Write, Token);

        // act
        var act = () => transaction.RunAsync("CREATE (x:QaFixture {id: 'qa-tx'}) RETURN x.id AS id", cancellationToken: Token);

        // assert
        (await act.Should().ThrowAsync<Neo4jException>()).Which.Code.Should().Be(Neo4jClientErrorCodes.InvalidResponse);
    }

    private static HttpResponseMessage WithAffinity(RecordedExchange exchange)
    {
        var response = exchange.Response.ToHttpResponse();
        response.Headers.Add("neo4j-cluster-affinity", Affinity);
        return response;
    }
}
