using System.Diagnostics;
using System.Net;
using FluentAssertions;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi;

/// <summary>Retries where repeating is safe, with backoff; timeouts on every request.</summary>
public sealed class RetryTests
{
    private const string Deadlock = "Neo.TransientError.Transaction.DeadlockDetected";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static HttpRequestException ConnectionLost() =>
        new(HttpRequestError.ResponseEnded, "The response ended prematurely.", new IOException("Connection reset by peer"));

    [Fact]
    public async Task A_read_that_meets_a_transient_error_is_retried_and_succeeds()
    {
        // arrange
        var read = Exchanges.Load("08-read-access-mode");
        var handler = new ReplayHandler()
            .AnswerError(HttpStatusCode.BadRequest, Deadlock, "ForsetiClient can't acquire lock")
            .Answer(read);
        using var client = TestClient.For(handler);

        // act
        var result = await client.RunAsync(read.Statement, null, CypherRunOptions.Read, Token);

        // assert
        result.Rows.Single()["c"].Should().Be(3L);
        handler.Requests.Should().HaveCount(2);
        handler.Requests.Should().AllSatisfy(request => request.ShouldMatch(read));
    }

    [Fact]
    public async Task A_syntax_error_is_not_retried()
    {
        // arrange
        var syntaxError = Exchanges.Load("10-syntax-error");
        var handler = new ReplayHandler().Answer(syntaxError).Answer(syntaxError);
        using var client = TestClient.For(handler);

        // act
        var act = () => client.RunAsync(syntaxError.Statement, null, CypherRunOptions.Read, Token);

        // assert
        (await act.Should().ThrowAsync<Neo4jException>()).Which.Code.Should().Be("Neo.ClientError.Statement.SyntaxError");
        handler.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task A_non_idempotent_write_that_loses_its_connection_is_not_retried()
    {
        // arrange: sent, then the connection closed without an answer
        var handler = new ReplayHandler().Fail(ConnectionLost()).Answer(Exchanges.Load("07-counters"));
        using var client = TestClient.For(handler);

        // act
        var act = () => client.RunAsync("CREATE (x:QaFixture {id: 'once'})", null, CypherRunOptions.Write, Token);

        // assert
        var error = (await act.Should().ThrowAsync<Neo4jException>()).Which;
        error.Code.Should().Be(Neo4jClientErrorCodes.ConnectionFailed);
        error.HttpStatus.Should().BeNull();
        error.Message.Should().Contain("http://localhost:7474").And.Contain("ended prematurely");
        error.InnerException.Should().BeOfType<HttpRequestException>();
        error.OutcomeUnknown.Should().BeTrue();
        handler.Requests.Should().ContainSingle("the write may have committed before the connection broke");
    }

    [Fact]
    public async Task An_idempotent_write_that_loses_its_connection_is_retried()
    {
        // arrange
        var merge = Exchanges.Load("07-counters");
        var handler = new ReplayHandler().Fail(ConnectionLost()).Answer(merge);
        using var client = TestClient.For(handler);

        // act
        var result = await client.RunAsync(merge.Statement, null, CypherRunOptions.IdempotentWrite with { IncludeCounters = true }, Token);

        // assert
        result.Rows.Single()["id"].Should().Be("qa-merge");
        handler.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_non_idempotent_write_is_retried_when_neo4j_reports_a_transient_error()
    {
        // arrange: Neo4j answering with an error means the write did not commit, so running it again is safe.
        var handler = new ReplayHandler()
            .AnswerError(HttpStatusCode.BadRequest, Deadlock, "deadlock")
            .Answer(Exchanges.Load("07-counters"));
        using var client = TestClient.For(handler);

        // act
        var result = await client.RunAsync("CREATE (x:QaFixture {id: 'once'})", null, CypherRunOptions.Write, Token);

        // assert
        result.Fields.Should().Equal("id");
        handler.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_and_the_last_error_surfaces()
    {
        // arrange
        var handler = new ReplayHandler();
        for (var i = 0; i < 3; i++)
        {
            handler.AnswerError(HttpStatusCode.ServiceUnavailable, "Neo.TransientError.General.DatabaseUnavailable", $"attempt {i + 1}");
        }

        using var client = TestClient.For(handler, TestClient.Options with { MaxRetries = 2 });

        // act
        var act = () => client.RunAsync("RETURN 1", null, CypherRunOptions.Read, Token);

        // assert
        (await act.Should().ThrowAsync<Neo4jException>()).Which.Message.Should().Be("attempt 3");
        handler.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_terminated_transaction_is_not_retried_although_its_code_is_transient()
    {
        // arrange
        var handler = new ReplayHandler().AnswerError(HttpStatusCode.BadRequest, "Neo.TransientError.Transaction.Terminated", "terminated");
        using var client = TestClient.For(handler);

        // act
        var act = () => client.RunAsync("RETURN 1", null, CypherRunOptions.Read, Token);

        // assert
        await act.Should().ThrowAsync<Neo4jException>();
        handler.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task A_request_that_outlasts_RequestTimeout_fails_with_a_timeout_naming_it()
    {
        // arrange
        var handler = new ReplayHandler().Hang();
        using var client = TestClient.For(handler, TestClient.Options with { RequestTimeout = TimeSpan.FromMilliseconds(250), MaxRetries = 0 });
        var clock = Stopwatch.StartNew();

        // act
        var act = () => client.RunAsync("MATCH (n) RETURN count(n)", null, CypherRunOptions.Read, Token);

        // assert
        var error = (await act.Should().ThrowAsync<Neo4jException>()).Which;
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        error.Code.Should().Be(Neo4jClientErrorCodes.Timeout);
        error.Message.Should().Contain("within 0.25 s").And.Contain("RequestTimeout = 00:00:00.2500000").And.Contain("/db/neo4j/query/v2");
        error.InnerException.Should().BeOfType<TimeoutException>();
        error.IsRetryable.Should().BeTrue();
    }

    [Fact]
    public async Task A_timed_out_read_is_retried_with_a_fresh_timeout()
    {
        // arrange
        var read = Exchanges.Load("08-read-access-mode");
        var handler = new ReplayHandler().Hang().Answer(read);
        using var client = TestClient.For(handler, TestClient.Options with { RequestTimeout = TimeSpan.FromMilliseconds(200) });

        // act
        var result = await client.RunAsync(read.Statement, null, CypherRunOptions.Read, Token);

        // assert
        result.Rows.Should().ContainSingle();
        handler.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Cancelling_the_callers_token_is_not_a_timeout_and_is_not_retried()
    {
        // arrange
        var handler = new ReplayHandler().Hang().Hang();
        using var client = TestClient.For(handler);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));

        // act
        var act = () => client.RunAsync("RETURN 1", null, CypherRunOptions.Read, cancellation.Token);

        // assert
        await act.Should().ThrowAsync<OperationCanceledException>();
        handler.Requests.Should().ContainSingle();
    }
}
