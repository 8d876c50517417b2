using System.Net;
using FluentAssertions;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi;

/// <summary>
/// Every failure the recordings of a real Neo4j 5.26 show (shared/neo4j-query-api/operations: start-up, kill and
/// restart, lock waits, deadlock), replayed from its file where one exists: how it is classified, and whether a unit of
/// work (<see cref="ICypherRunner.ExecuteAsync{T}"/>) and an autocommit write run again after it.
/// </summary>
public sealed class RecordedFailureTests
{
    private const string UnknownErrorCode = "Neo.DatabaseError.General.UnknownError";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static RecordedExchange Operation(string name) => Exchanges.LoadOperation(name);

    private static Dictionary<string, object?> Owner(string owner) => new() { ["owner"] = owner };

    [Fact]
    public async Task Connection_refused_during_start_up_is_unreachable_and_even_a_plain_write_is_sent_again()
    {
        // arrange: the refusal a real closed port gives, twice, then the recorded first write the restarted server took
        var firstWrite = Operation("72-restart-kill-first-write-ok");
        var refused = await RealSockets.FailureAt(RealSockets.ClosedPort(), "RETURN 1", Token);
        var handler = new ReplayHandler().Fail(refused.InnerException!).Fail(refused.InnerException!).Answer(firstWrite);
        using var client = TestClient.For(handler);

        // act
        var result = await client.RunAsync(firstWrite.Statement, new Dictionary<string, object?> { ["id"] = "kill-run1-attempt137" }, CypherRunOptions.Write, Token);

        // assert
        refused.Kind.Should().Be(Neo4jFailureKind.Unreachable);
        refused.OutcomeUnknown.Should().BeFalse("a refused connection carried nothing: \"attempts refused by the closed port wrote nothing\"");
        handler.Requests.Should().HaveCount(3).And.AllSatisfy(request => request.ShouldMatch(firstWrite));
        result.Rows.Single()["id"].Should().Be("kill-run1-attempt137");
    }

    [Fact]
    public async Task A_unit_whose_open_is_refused_during_start_up_runs_again_with_nothing_to_roll_back()
    {
        // arrange
        var refused = await RealSockets.FailureAt(RealSockets.ClosedPort(), "RETURN 1", Token);
        var (open, commit) = (Exchanges.Load("21-tx-open"), Exchanges.Load("23-tx-commit"));
        var handler = new ReplayHandler().Fail(refused.InnerException!).Answer(open).Answer(commit);
        using var client = TestClient.For(handler);
        var unit = CountingUnit.Of(open.Statement);

        // act
        await client.ExecuteAsync(AccessMode.Write, unit.RunAsync, Token);

        // assert
        unit.Tries.Should().Be(2);
        unit.Failures.Single().Kind.Should().Be(Neo4jFailureKind.Unreachable);
        handler.Requests.Select(request => $"{request.Method} {request.Path}").Should().Equal(
            "POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/6e80/commit");
    }

    [Fact]
    public async Task The_late_first_answer_after_start_up_is_awaited_not_sent_again()
    {
        // arrange: the recorded first read after the restart took 6.2 s; here a shorter wait within RequestTimeout
        var firstRead = Operation("71-restart-kill-first-read-ok");
        var handler = new ReplayHandler().AnswerAfter(TimeSpan.FromMilliseconds(400), firstRead);
        using var client = TestClient.For(handler, TestClient.Options with { RequestTimeout = TimeSpan.FromSeconds(5) });

        // act
        var result = await client.RunAsync(firstRead.Statement, null, CypherRunOptions.Write, Token);

        // assert
        result.Rows.Single()["one"].Should().Be(1L);
        handler.Requests.Should().ContainSingle().Which.ShouldMatch(firstRead);
    }

    [Fact]
    public async Task A_late_answer_beyond_RequestTimeout_is_no_answer_so_a_plain_write_is_not_sent_again_but_a_unit_runs_again()
    {
        // arrange
        var firstWrite = Operation("72-restart-kill-first-write-ok");
        var (open, commit) = (Exchanges.Load("21-tx-open"), Exchanges.Load("23-tx-commit"));
        var options = TestClient.Options with { RequestTimeout = TimeSpan.FromMilliseconds(200) };
        var writeHandler = new ReplayHandler().AnswerAfter(TimeSpan.FromSeconds(5), firstWrite).Answer(firstWrite);
        var unitHandler = new ReplayHandler().AnswerAfter(TimeSpan.FromSeconds(5), open).Answer(open).Answer(commit);
        using var writeClient = TestClient.For(writeHandler, options);
        using var unitClient = TestClient.For(unitHandler, options);
        var unit = CountingUnit.Of(open.Statement);

        // act
        var write = () => writeClient.RunAsync(firstWrite.Statement, new Dictionary<string, object?> { ["id"] = "kill-run1-attempt137" }, CypherRunOptions.Write, Token);
        var timedOut = (await write.Should().ThrowAsync<Neo4jException>()).Which;
        await unitClient.ExecuteAsync(AccessMode.Write, unit.RunAsync, Token);

        // assert
        timedOut.Code.Should().Be(Neo4jClientErrorCodes.Timeout);
        timedOut.Kind.Should().Be(Neo4jFailureKind.NoAnswer);
        timedOut.OutcomeUnknown.Should().BeTrue();
        writeHandler.Requests.Should().ContainSingle("the server may still commit a write its client gave up on");
        unit.Tries.Should().Be(2);
        unit.Failures.Single().Kind.Should().Be(Neo4jFailureKind.NoAnswer);
    }

    [Fact]
    public async Task A_request_in_flight_at_a_kill_gets_no_answer_so_only_idempotent_work_is_sent_again()
    {
        // arrange: a real connection closed without an answer, then replayed before a recorded answer
        using var server = new ClosingServer();
        var lost = await RealSockets.FailureAt(server.Port, "CREATE (x:QaRestart {id: 'in-flight'})", Token);
        var firstWrite = Operation("72-restart-kill-first-write-ok");
        var parameters = new Dictionary<string, object?> { ["id"] = "kill-run1-attempt137" };
        var plainHandler = new ReplayHandler().Fail(lost.InnerException!).Answer(firstWrite);
        var idempotentHandler = new ReplayHandler().Fail(lost.InnerException!).Answer(firstWrite);
        using var plainClient = TestClient.For(plainHandler);
        using var idempotentClient = TestClient.For(idempotentHandler);

        // act
        var plain = () => plainClient.RunAsync(firstWrite.Statement, parameters, CypherRunOptions.Write, Token);
        await plain.Should().ThrowAsync<Neo4jException>();
        await idempotentClient.RunAsync(firstWrite.Statement, parameters, CypherRunOptions.IdempotentWrite, Token);

        // assert
        server.RequestsSeen.Should().BePositive("the request was sent before the connection closed");
        lost.Code.Should().Be(Neo4jClientErrorCodes.ConnectionFailed);
        lost.Kind.Should().Be(Neo4jFailureKind.NoAnswer);
        lost.OutcomeUnknown.Should().BeTrue("a write sent as the server stopped was found committed though it got no answer");
        plainHandler.Requests.Should().ContainSingle();
        idempotentHandler.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_unit_whose_transaction_was_open_at_the_kill_meets_404_after_the_restart_and_runs_again()
    {
        // arrange: open d7e3 before the kill, its next request after the restart answered 404 (73), its DELETE too (51)
        var (open, gone) = (Operation("70-restart-tx-open-before-kill"), Operation("73-restart-open-tx-after-restart"));
        var handler = new ReplayHandler()
            .Answer(open).Answer(gone)
            .ForDelete().Answer(Operation("51-lock-abandoned-tx-delete-after-expiry"))
            .Answer(open).Answer(Operation("71-restart-kill-first-read-ok")).Answer(Exchanges.Load("23-tx-commit"));
        using var client = TestClient.For(handler);
        var unit = CountingUnit.Of(open.Statement, gone.Statement);

        // act
        await client.ExecuteAsync(AccessMode.Write, unit.RunAsync, Token);
        await client.Rollbacks.WhenSettledAsync(Token);

        // assert
        var failure = unit.Failures.Single();
        failure.Code.Should().Be("Neo.ClientError.Request.Invalid");
        failure.HttpStatus.Should().Be(HttpStatusCode.NotFound);
        failure.Kind.Should().Be(Neo4jFailureKind.TransactionGone);
        failure.OutcomeUnknown.Should().BeFalse();
        unit.Tries.Should().Be(2);
        handler.Requests[0].ShouldMatch(open);
        handler.Requests[1].ShouldMatch(gone);
        client.Rollbacks.Records.Should().ContainSingle().Which.Should().Be(
            new RollbackRecord("d7e3", RollbackOutcome.AlreadyGone, 1, "answered while the caller waited"));
    }

    [Theory]
    [InlineData("50-lock-abandoned-tx-after-expiry", "c525")]
    [InlineData("68-deadlock-tx-f-after", "1514")]
    [InlineData("73-restart-open-tx-after-restart", "d7e3")]
    public async Task Every_recorded_404_of_a_transaction_the_server_no_longer_knows_is_TransactionGone(string exchangeName, string transactionId)
    {
        // arrange: expired (50), ended by a deadlock (68), forgotten by a restart (73); their DELETE answers 404 too (51)
        var gone = Operation(exchangeName);
        var handler = new ReplayHandler()
            .Answer(Exchanges.Load("21-tx-open"), body => body["transaction"]!["id"] = transactionId)
            .Answer(gone)
            .ForDelete().Answer(Operation("51-lock-abandoned-tx-delete-after-expiry"));
        using var client = TestClient.For(handler);
        var transaction = await client.BeginAsync(AccessMode.Write, Token);
        await transaction.RunAsync("RETURN 1 AS one", cancellationToken: Token);

        // act
        var act = () => transaction.RunAsync(gone.Statement, cancellationToken: Token);
        var failure = (await act.Should().ThrowAsync<Neo4jException>()).Which;
        await transaction.DisposeAsync();

        // assert
        failure.Kind.Should().Be(Neo4jFailureKind.TransactionGone);
        failure.IsRetryable.Should().BeTrue("a new transaction can do the work");
        handler.Requests[1].ShouldMatch(gone);
        client.Rollbacks.Records.Should().ContainSingle().Which.Outcome.Should().Be(RollbackOutcome.AlreadyGone);
    }

    [Fact]
    public async Task A_500_unknown_error_after_a_restart_has_a_unit_run_again_and_an_autocommit_write_only_if_idempotent()
    {
        // arrange: no file: a real CI run met it after SIGKILL and restart; the body is the server's catch-all
        var (open, run, commit) = (Exchanges.Load("21-tx-open"), Exchanges.Load("22-tx-run-in-open"), Exchanges.Load("23-tx-commit"));
        var unitHandler = new ReplayHandler()
            .Answer(open).AnswerError(HttpStatusCode.InternalServerError, UnknownErrorCode, "An unknown error occurred.")
            .ForDelete().Answer(Exchanges.Load("26-tx-rollback"))
            .Answer(open).Answer(run).Answer(commit);
        var plainHandler = new ReplayHandler().AnswerError(HttpStatusCode.InternalServerError, UnknownErrorCode, "An unknown error occurred.").Answer(Exchanges.Load("07-counters"));
        var idempotentHandler = new ReplayHandler().AnswerError(HttpStatusCode.InternalServerError, UnknownErrorCode, "An unknown error occurred.").Answer(Exchanges.Load("07-counters"));
        using var unitClient = TestClient.For(unitHandler);
        using var plainClient = TestClient.For(plainHandler);
        using var idempotentClient = TestClient.For(idempotentHandler);
        var unit = CountingUnit.Of(open.Statement, run.Statement);

        // act
        await unitClient.ExecuteAsync(AccessMode.Write, unit.RunAsync, Token);
        var plain = () => plainClient.RunAsync("CREATE (x:QaFixture {id: 'once'})", null, CypherRunOptions.Write, Token);
        var error = (await plain.Should().ThrowAsync<Neo4jException>()).Which;
        await idempotentClient.RunAsync("MERGE (x:QaFixture {id: 'qa-merge'}) RETURN x.id AS id", null, CypherRunOptions.IdempotentWrite, Token);

        // assert
        unit.Tries.Should().Be(2, "the client used to take this error as final");
        unit.Failures.Single().Kind.Should().Be(Neo4jFailureKind.UnknownServerError);
        error.Code.Should().Be(UnknownErrorCode);
        error.OutcomeUnknown.Should().BeTrue("nothing says what the server did before it failed");
        plainHandler.Requests.Should().ContainSingle();
        idempotentHandler.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task An_autocommit_write_waiting_on_a_lock_past_RequestTimeout_is_no_answer_and_not_sent_again()
    {
        // arrange: 49's write waited 57.7 s on the lock; with a short client timeout it got no answer (48), yet committed later (52)
        var waitingWrite = Operation("49-lock-waiting-write-after-expiry");
        var handler = new ReplayHandler().Hang().Answer(waitingWrite);
        using var client = TestClient.For(handler, TestClient.Options with { RequestTimeout = TimeSpan.FromMilliseconds(200) });

        // act
        var act = () => client.RunAsync(waitingWrite.Statement, Owner("waiting-write"), CypherRunOptions.Write with { IncludeCounters = true }, Token);

        // assert
        var error = (await act.Should().ThrowAsync<Neo4jException>()).Which;
        error.Kind.Should().Be(Neo4jFailureKind.NoAnswer);
        error.OutcomeUnknown.Should().BeTrue();
        handler.Requests.Should().ContainSingle().Which.ShouldMatch(waitingWrite);
    }

    [Fact]
    public async Task A_unit_whose_statement_waits_on_a_lock_past_RequestTimeout_runs_again_and_its_transaction_is_rolled_back_once_the_server_lets_it()
    {
        // arrange: D opened (58), its write waits on the lock (no answer), DELETE refused meanwhile (59), accepted later (63)
        var open = Operation("58-lock-waiter-tx-open");
        var handler = new ReplayHandler()
            .Answer(open).Hang()
            .ForDelete().Answer(Operation("59-lock-waiter-tx-delete-while-statement-waits"))
            .ForDelete().Answer(Operation("63-lock-waiter-tx-delete-at-last"))
            .Answer(open).Answer(Operation("62-lock-waiter-tx-after-holder-gone")).Answer(Exchanges.Load("23-tx-commit"));
        using var client = TestClient.For(handler, TestClient.Options with { RequestTimeout = TimeSpan.FromMilliseconds(300) });
        var unit = new CountingUnit(
            (open.Statement, null),
            ("MATCH (x:QaLock {id: 'qa-lock'}) SET x.owner = $owner RETURN x.owner AS owner", Owner("waiter-tx")));

        // act
        await client.ExecuteAsync(AccessMode.Write, unit.RunAsync, Token);
        await client.Rollbacks.WhenSettledAsync(Token);

        // assert
        unit.Tries.Should().Be(2);
        unit.Failures.Single().Kind.Should().Be(Neo4jFailureKind.NoAnswer);
        client.Rollbacks.Records.Select(record => (record.TransactionId, record.Outcome, record.Attempt)).Should().Equal(
            ("ad93", RollbackOutcome.Deferred, 1), ("ad93", RollbackOutcome.RolledBack, 2));
        handler.Requests.Count(request => request.Method == HttpMethod.Delete).Should().Be(2);
    }

    [Fact]
    public async Task A_deadlock_reported_inside_a_202_is_transient_and_the_unit_runs_again_in_a_new_transaction()
    {
        // arrange: F opened (65), its second lock closes the cycle (67: 202 with DeadlockDetected), F is gone after (68)
        var (open, deadlock) = (Operation("65-deadlock-tx-f-open"), Operation("67-deadlock-tx-f-wants-qa-lock"));
        var handler = new ReplayHandler()
            .Answer(open).Answer(deadlock)
            .ForDelete().Answer(Operation("68-deadlock-tx-f-after"))
            .Answer(open).Answer(Operation("66-deadlock-tx-e-waits-for-qa-lock-2")).Answer(Exchanges.Load("23-tx-commit"));
        using var client = TestClient.For(handler);
        var unit = new CountingUnit((open.Statement, Owner("tx-f")), (deadlock.Statement, Owner("tx-f")));

        // act
        await client.ExecuteAsync(AccessMode.Write, unit.RunAsync, Token);

        // assert
        var failure = unit.Failures.Single();
        failure.Code.Should().Be("Neo.TransientError.Transaction.DeadlockDetected");
        failure.HttpStatus.Should().Be(HttpStatusCode.Accepted);
        failure.Kind.Should().Be(Neo4jFailureKind.Transient);
        failure.OutcomeUnknown.Should().BeFalse();
        unit.Tries.Should().Be(2);
        handler.Requests[0].ShouldMatch(open);
        handler.Requests[1].ShouldMatch(deadlock);
        client.Rollbacks.Records.Should().ContainSingle().Which.Outcome.Should().Be(RollbackOutcome.AlreadyGone);
    }

    [Fact]
    public async Task A_deadlock_of_an_autocommit_write_is_sent_again_even_when_not_idempotent()
    {
        // arrange: Neo4j reporting the deadlock means nothing committed
        var deadlock = Operation("67-deadlock-tx-f-wants-qa-lock");
        var handler = new ReplayHandler().Answer(deadlock).Answer(Operation("49-lock-waiting-write-after-expiry"));
        using var client = TestClient.For(handler);

        // act
        var result = await client.RunAsync(deadlock.Statement, Owner("tx-f"), CypherRunOptions.Write, Token);

        // assert
        result.Fields.Should().Equal("owner");
        handler.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_request_refused_as_TransactionAccessedConcurrently_did_nothing_and_the_unit_runs_again()
    {
        // arrange: D's statement still runs on the server, so another request in D is refused (60)
        var (open, busy) = (Operation("58-lock-waiter-tx-open"), Operation("60-lock-waiter-tx-run-while-statement-waits"));
        var handler = new ReplayHandler()
            .Answer(open).Answer(busy)
            .ForDelete().Answer(Operation("63-lock-waiter-tx-delete-at-last"))
            .Answer(open).Answer(Operation("62-lock-waiter-tx-after-holder-gone")).Answer(Exchanges.Load("23-tx-commit"));
        using var client = TestClient.For(handler);
        var unit = CountingUnit.Of(open.Statement, busy.Statement);

        // act
        await client.ExecuteAsync(AccessMode.Write, unit.RunAsync, Token);

        // assert
        var failure = unit.Failures.Single();
        failure.Code.Should().Be("Neo.ClientError.Transaction.TransactionAccessedConcurrently");
        failure.Kind.Should().Be(Neo4jFailureKind.TransactionBusy);
        failure.OutcomeUnknown.Should().BeFalse();
        unit.Tries.Should().Be(2);
        handler.Requests[1].ShouldMatch(busy);
    }

    [Fact]
    public async Task A_bad_request_400_is_final_for_a_statement_and_for_a_unit()
    {
        // arrange: 80 is Request.Invalid too, but 400: the request itself is wrong, so running it again cannot help
        var badRequest = Operation("80-bulk-typed-content-type-plain-parameters");
        var rows = new Dictionary<string, object?> { ["rows"] = new List<object?> { new Dictionary<string, object?> { ["id"] = "x" } } };
        var handler = new ReplayHandler().Answer(badRequest).Answer(badRequest);
        using var client = TestClient.For(handler);
        var unit = new CountingUnit((badRequest.Statement, rows));

        // act
        var statement = () => client.RunAsync(badRequest.Statement, rows, CypherRunOptions.IdempotentWrite, Token);
        var error = (await statement.Should().ThrowAsync<Neo4jException>()).Which;
        var work = () => client.ExecuteAsync(AccessMode.Write, unit.RunAsync, Token);
        await work.Should().ThrowAsync<Neo4jException>();

        // assert
        error.Kind.Should().Be(Neo4jFailureKind.Final);
        handler.Requests[0].ShouldMatch(badRequest);
        handler.Requests.Should().HaveCount(2, "one try each");
        unit.Tries.Should().Be(1);
    }
}
