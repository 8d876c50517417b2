using System.Diagnostics;
using System.Net;
using FluentAssertions;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi;

/// <summary>
/// No explicit transaction is left open on the server: on every path (success, failure, cancellation before or while
/// a statement runs, a failed commit, a DELETE refused while a statement still runs) it is committed or rolled back,
/// the rollback with a timeout of its own, never the caller's cancelled token.
/// </summary>
public sealed class TransactionLifecycleTests
{
    private const string Tx = "/db/neo4j/query/v2/tx";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static IEnumerable<string> Calls(ReplayHandler handler) => handler.Requests.Select(request => $"{request.Method} {request.Path}");

    [Fact]
    public async Task A_unit_that_commits_sends_no_rollback()
    {
        // arrange
        var (open, commit) = (Exchanges.Load("21-tx-open"), Exchanges.Load("23-tx-commit"));
        var handler = new ReplayHandler().Answer(open).Answer(commit);
        using var client = TestClient.For(handler);

        // act
        await client.ExecuteAsync(AccessMode.Write, CountingUnit.Of(open.Statement).RunAsync, Token);

        // assert
        Calls(handler).Should().Equal($"POST {Tx}", $"POST {Tx}/6e80/commit");
        client.Rollbacks.Records.Should().BeEmpty();
    }

    [Fact]
    public async Task A_unit_that_fails_rolls_its_transaction_back()
    {
        // arrange
        var (open, syntaxError) = (Exchanges.Load("25-tx-open-for-rollback"), Exchanges.Load("10-syntax-error"));
        var handler = new ReplayHandler().Answer(open).Answer(syntaxError).ForDelete().Answer(Exchanges.Load("26-tx-rollback"));
        using var client = TestClient.For(handler);

        // act
        var act = () => client.ExecuteAsync(AccessMode.Write, CountingUnit.Of(open.Statement, syntaxError.Statement).RunAsync, Token);

        // assert
        await act.Should().ThrowAsync<Neo4jException>();
        Calls(handler).Should().Equal($"POST {Tx}", $"POST {Tx}/889a", $"DELETE {Tx}/889a");
        handler.LastRequest.ShouldMatch(Exchanges.Load("26-tx-rollback"));
        client.Rollbacks.Records.Should().ContainSingle().Which.Outcome.Should().Be(RollbackOutcome.RolledBack);
    }

    [Fact]
    public async Task A_unit_cancelled_between_statements_sends_no_more_statements_and_still_rolls_back()
    {
        // arrange
        var open = Exchanges.Load("25-tx-open-for-rollback");
        var handler = new ReplayHandler().Answer(open).ForDelete().Answer(Exchanges.Load("26-tx-rollback"));
        using var client = TestClient.For(handler);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);

        // act
        var act = () => client.ExecuteAsync(AccessMode.Write, async (transaction, token) =>
        {
            await transaction.RunAsync(open.Statement, cancellationToken: token);
            await cancellation.CancelAsync();
            return await transaction.RunAsync("MATCH (x) RETURN x", cancellationToken: token);
        }, cancellation.Token);

        // assert
        await act.Should().ThrowAsync<OperationCanceledException>();
        Calls(handler).Should().Equal($"POST {Tx}", $"DELETE {Tx}/889a");
        client.Rollbacks.Records.Should().ContainSingle().Which.Outcome.Should().Be(RollbackOutcome.RolledBack);
    }

    [Fact]
    public async Task A_unit_cancelled_while_a_statement_runs_still_sends_the_rollback()
    {
        // arrange: the second statement never answers; the caller gives up
        var open = Exchanges.Load("25-tx-open-for-rollback");
        var handler = new ReplayHandler().Answer(open).Hang().ForDelete().Answer(Exchanges.Load("26-tx-rollback"));
        using var client = TestClient.For(handler);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        // act
        var act = () => client.ExecuteAsync(AccessMode.Write, CountingUnit.Of(open.Statement, "MATCH (x) SET x.n = 1").RunAsync, cancellation.Token);

        // assert: the DELETE reached the server although the caller's token was cancelled by then
        await act.Should().ThrowAsync<OperationCanceledException>();
        Calls(handler).Should().Equal($"POST {Tx}", $"POST {Tx}/889a", $"DELETE {Tx}/889a");
        client.Rollbacks.Records.Should().ContainSingle().Which.Outcome.Should().Be(RollbackOutcome.RolledBack);
    }

    [Fact]
    public async Task A_unit_cancelled_while_its_transaction_opens_rolls_back_what_the_late_answer_names()
    {
        // arrange: the open's answer comes only after the caller has left
        var open = Exchanges.Load("25-tx-open-for-rollback");
        var answerOpen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new ReplayHandler().AnswerWhen(answerOpen.Task, open).ForDelete().Answer(Exchanges.Load("26-tx-rollback"));
        using var client = TestClient.For(handler);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        // act
        var act = () => client.ExecuteAsync(AccessMode.Write, CountingUnit.Of(open.Statement).RunAsync, cancellation.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();
        var beforeTheAnswer = Calls(handler).ToList();
        answerOpen.SetResult();
        await client.Rollbacks.WhenSettledAsync(Token);

        // assert
        beforeTheAnswer.Should().Equal($"POST {Tx}");
        Calls(handler).Should().Equal($"POST {Tx}", $"DELETE {Tx}/889a");
        client.Rollbacks.Records.Should().ContainSingle().Which.Should().Be(
            new RollbackRecord("889a", RollbackOutcome.RolledBack, 1, "answered while the caller waited"));
    }

    [Fact]
    public async Task A_commit_without_an_answer_is_followed_by_a_rollback_that_tells_whether_it_happened()
    {
        // arrange: the commit's connection breaks; the DELETE then finds the transaction gone (it committed, or died)
        var open = Exchanges.Load("21-tx-open");
        var handler = new ReplayHandler()
            .Answer(open)
            .Fail(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."))
            .ForDelete().Answer(Exchanges.Load("24-tx-use-after-commit"));
        using var client = TestClient.For(handler, TestClient.Options with { MaxTransactionRetryTime = TimeSpan.Zero });
        var transaction = await client.BeginAsync(AccessMode.Write, Token);
        await transaction.RunAsync(open.Statement, cancellationToken: Token);

        // act
        var commit = () => transaction.CommitAsync(Token);
        var error = (await commit.Should().ThrowAsync<Neo4jException>()).Which;
        await transaction.DisposeAsync();

        // assert
        error.OutcomeUnknown.Should().BeTrue();
        Calls(handler).Should().Equal($"POST {Tx}", $"POST {Tx}/6e80/commit", $"DELETE {Tx}/6e80");
        client.Rollbacks.Records.Should().ContainSingle().Which.Outcome.Should().Be(RollbackOutcome.AlreadyGone);
    }

    [Fact]
    public async Task A_statement_timed_out_in_a_transaction_leaves_a_rollback_the_server_refuses_with_500_until_the_statement_ends()
    {
        // arrange: 58 opens D; its statement gets no answer in time; DELETE answers 500, empty (59), twice; then 200 (63)
        var refused = Exchanges.LoadOperation("59-lock-waiter-tx-delete-while-statement-waits");
        var handler = new ReplayHandler()
            .Answer(Exchanges.LoadOperation("58-lock-waiter-tx-open"))
            .Hang()
            .ForDelete().Answer(refused)
            .ForDelete().Answer(refused)
            .ForDelete().Answer(Exchanges.LoadOperation("63-lock-waiter-tx-delete-at-last"));
        using var client = TestClient.For(handler, TestClient.Options with { RequestTimeout = TimeSpan.FromMilliseconds(200) });
        var transaction = await client.BeginAsync(AccessMode.Write, Token);
        await transaction.RunAsync("RETURN 1 AS one", cancellationToken: Token);
        var statement = () => transaction.RunAsync("MATCH (x:QaLock {id: 'qa-lock'}) SET x.owner = 'waiter-tx'", cancellationToken: Token);
        (await statement.Should().ThrowAsync<Neo4jException>()).Which.Code.Should().Be(Neo4jClientErrorCodes.Timeout);
        var clock = Stopwatch.StartNew();

        // act
        await transaction.DisposeAsync();
        var disposedIn = clock.Elapsed;
        await client.Rollbacks.WhenSettledAsync(Token);

        // assert
        disposedIn.Should().BeLessThan(TimeSpan.FromSeconds(2), "the caller does not wait for the retries");
        handler.Requests.Where(request => request.Method == HttpMethod.Delete).Should().HaveCount(3)
            .And.AllSatisfy(request => request.ShouldMatch(refused));
        client.Rollbacks.Records.Select(record => (record.Outcome, record.Attempt)).Should().Equal(
            (RollbackOutcome.Deferred, 1), (RollbackOutcome.RolledBack, 3));
        client.Rollbacks.Records[0].Detail.Should().Contain("500").And.Contain("(empty body)");
    }

    [Fact]
    public async Task A_rollback_the_server_keeps_refusing_is_given_up_after_a_bounded_number_of_tries()
    {
        // arrange
        var refused = Exchanges.LoadOperation("59-lock-waiter-tx-delete-while-statement-waits");
        var handler = new ReplayHandler().Answer(Exchanges.LoadOperation("58-lock-waiter-tx-open"));
        for (var i = 0; i < TransactionRollback.MaxAttempts + 1; i++)
        {
            handler.ForDelete().Answer(refused);
        }

        using var client = TestClient.For(handler);
        var transaction = await client.BeginAsync(AccessMode.Write, Token);
        await transaction.RunAsync("RETURN 1 AS one", cancellationToken: Token);

        // act
        await transaction.DisposeAsync();
        await client.Rollbacks.WhenSettledAsync(Token);

        // assert
        handler.Requests.Count(request => request.Method == HttpMethod.Delete).Should().Be(TransactionRollback.MaxAttempts);
        client.Rollbacks.Records.Select(record => record.Outcome).Should().Equal(RollbackOutcome.Deferred, RollbackOutcome.GaveUp);
        client.Rollbacks.Running.Should().Be(0);
    }

    [Fact]
    public async Task A_rollback_that_outlasts_its_own_timeout_releases_the_caller_and_goes_on_in_the_background()
    {
        // arrange
        var handler = new ReplayHandler()
            .Answer(Exchanges.Load("25-tx-open-for-rollback"))
            .ForDelete().Hang()
            .ForDelete().Answer(Exchanges.Load("26-tx-rollback"));
        using var client = TestClient.For(handler, TestClient.Options with { RollbackTimeout = TimeSpan.FromMilliseconds(200) });
        var transaction = await client.BeginAsync(AccessMode.Write, Token);
        await transaction.RunAsync("CREATE (x:QaFixture {id: 'qa-rolled-back'})", cancellationToken: Token);
        var clock = Stopwatch.StartNew();

        // act
        await transaction.DisposeAsync();
        var disposedIn = clock.Elapsed;
        await client.Rollbacks.WhenSettledAsync(Token);

        // assert
        disposedIn.Should().BeLessThan(TimeSpan.FromSeconds(2), "RollbackTimeout (0.2 s) bounds the wait, not RequestTimeout (10 s)");
        client.Rollbacks.Records.Select(record => (record.Outcome, record.Attempt)).Should().Equal(
            (RollbackOutcome.Deferred, 1), (RollbackOutcome.RolledBack, 2));
        client.Rollbacks.Records[0].Detail.Should().Contain("RollbackTimeout");
    }

    [Fact]
    public async Task An_explicit_rollback_with_a_cancelled_token_still_sends_the_DELETE()
    {
        // arrange
        var handler = new ReplayHandler().Answer(Exchanges.Load("25-tx-open-for-rollback")).ForDelete().Answer(Exchanges.Load("26-tx-rollback"));
        using var client = TestClient.For(handler);
        var transaction = await client.BeginAsync(AccessMode.Write, Token);
        await transaction.RunAsync("CREATE (x:QaFixture {id: 'qa-rolled-back'})", cancellationToken: Token);

        // act
        await transaction.RollbackAsync(new CancellationToken(canceled: true));
        await transaction.DisposeAsync();

        // assert
        Calls(handler).Should().Equal($"POST {Tx}", $"DELETE {Tx}/889a");
    }

    [Fact]
    public async Task An_explicit_rollback_refused_for_good_surfaces_but_disposal_never_throws()
    {
        // arrange
        var handler = new ReplayHandler()
            .Answer(Exchanges.Load("25-tx-open-for-rollback"))
            .ForDelete().Answer(Exchanges.Load("17-wrong-password"));
        using var client = TestClient.For(handler);
        var transaction = await client.BeginAsync(AccessMode.Write, Token);
        await transaction.RunAsync("CREATE (x:QaFixture {id: 'qa-rolled-back'})", cancellationToken: Token);

        // act
        var rollback = () => transaction.RollbackAsync(Token);

        // assert
        (await rollback.Should().ThrowAsync<Neo4jException>()).Which.HttpStatus.Should().Be(HttpStatusCode.Unauthorized);
        await transaction.DisposeAsync();
        client.Rollbacks.Records.Should().ContainSingle().Which.Outcome.Should().Be(RollbackOutcome.Failed);
    }
}
