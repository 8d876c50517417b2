using System.Net;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Retry;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Resilience;
using SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

namespace SupplyGraph.Store.Neo4j.Tests.Resilience;

/// <summary>
/// The client's Polly pipelines on their own: which failures they retry, how long they pause, how long a unit of
/// work keeps trying. Time is a <see cref="FakeTimeProvider"/> where the test would otherwise wait.
/// </summary>
public sealed class Neo4jResilienceTests
{
    private static readonly Neo4jConnectionOptions Options = new() { Uri = new Uri("http://localhost:7474") };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Neo4jException Deadlock() =>
        new("Neo.TransientError.Transaction.DeadlockDetected", "deadlock", HttpStatusCode.BadRequest);

    private static Neo4jException ConnectionLost() =>
        new(Neo4jClientErrorCodes.ConnectionFailed, "The response ended prematurely.", httpStatus: null);

    private static Neo4jException Refused() =>
        Neo4jException.NotSent("Connection refused", new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));

    private static TimeSpan DelayOf(RetryStrategyOptions retry, int retryNumber)
    {
        var context = ResilienceContextPool.Shared.Get(TestContext.Current.CancellationToken);
        var arguments = new RetryDelayGeneratorArguments<object>(context, Outcome.FromException<object>(Deadlock()), retryNumber - 1);
        var delay = retry.DelayGenerator!(arguments).AsTask().GetAwaiter().GetResult();
        ResilienceContextPool.Shared.Return(context);
        return delay!.Value;
    }

    [Theory]
    [InlineData(1, 50, 100)]
    [InlineData(2, 100, 200)]
    [InlineData(3, 200, 400)]
    public void Backoff_doubles_with_each_retry_and_jitters_within_half_of_it(int retry, int minMs, int maxMs)
    {
        // arrange
        var resilience = new Neo4jResilience(Options with { RetryBaseDelay = TimeSpan.FromMilliseconds(100) }, TimeProvider.System);

        // act
        var delays = Enumerable.Range(0, 200).Select(_ => DelayOf(resilience.RepeatableStatementRetry!, retry)).ToList();

        // assert
        delays.Should().OnlyContain(delay => delay >= TimeSpan.FromMilliseconds(minMs) && delay <= TimeSpan.FromMilliseconds(maxMs));
        delays.Distinct().Should().HaveCountGreaterThan(1, "jitter keeps clients from retrying in step");
    }

    [Fact]
    public void Backoff_is_capped_at_30_seconds()
    {
        // arrange
        var resilience = new Neo4jResilience(Options with { MaxRetries = 100, RetryBaseDelay = TimeSpan.FromSeconds(1) }, TimeProvider.System);

        // act
        var delays = Enumerable.Range(0, 50).Select(_ => DelayOf(resilience.UnrepeatableStatementRetry!, 60)).ToList();

        // assert
        delays.Should().OnlyContain(delay => delay >= TimeSpan.FromSeconds(15) && delay <= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void A_unit_of_work_pauses_as_a_statement_but_never_longer_than_2_seconds()
    {
        // arrange
        var resilience = new Neo4jResilience(Options with { RetryBaseDelay = TimeSpan.FromMilliseconds(100) }, TimeProvider.System);

        // act
        var first = Enumerable.Range(0, 100).Select(_ => DelayOf(resilience.UnitOfWorkRetry, 1)).ToList();
        var late = Enumerable.Range(0, 100).Select(_ => DelayOf(resilience.UnitOfWorkRetry, 20)).ToList();

        // assert
        first.Should().OnlyContain(delay => delay >= TimeSpan.FromMilliseconds(50) && delay <= TimeSpan.FromMilliseconds(100));
        late.Should().OnlyContain(delay => delay == Neo4jResilience.MaxUnitDelay);
    }

    [Fact]
    public async Task A_statement_that_may_repeat_is_retried_through_the_pipeline_after_a_transient_error_and_a_lost_connection()
    {
        // arrange
        var resilience = new Neo4jResilience(Options with { RetryBaseDelay = TimeSpan.Zero }, TimeProvider.System);
        var failures = new Queue<Exception>([Deadlock(), ConnectionLost()]);
        var tries = 0;

        // act
        var answer = await resilience.ExecuteStatementAsync(
            _ =>
            {
                tries++;
                return failures.TryDequeue(out var failure) ? Task.FromException<string>(failure) : Task.FromResult("answered");
            },
            mayRepeat: true,
            span: null,
            Token);

        // assert
        answer.Should().Be("answered");
        tries.Should().Be(3);
    }

    [Fact]
    public async Task A_statement_that_may_not_repeat_is_not_retried_when_its_outcome_is_unknown()
    {
        // arrange
        var resilience = new Neo4jResilience(Options with { RetryBaseDelay = TimeSpan.Zero }, TimeProvider.System);
        var tries = 0;

        // act
        var act = () => resilience.ExecuteStatementAsync<string>(
            _ =>
            {
                tries++;
                return Task.FromException<string>(ConnectionLost());
            },
            mayRepeat: false,
            span: null,
            Token);

        // assert
        (await act.Should().ThrowAsync<Neo4jException>()).Which.OutcomeUnknown.Should().BeTrue();
        tries.Should().Be(1, "the write may have committed before the connection broke");
    }

    [Fact]
    public async Task A_statement_that_may_not_repeat_is_retried_when_nothing_was_sent_or_neo4j_reported_the_failure()
    {
        // arrange
        var resilience = new Neo4jResilience(Options with { RetryBaseDelay = TimeSpan.Zero }, TimeProvider.System);
        var failures = new Queue<Exception>([Refused(), Deadlock()]);
        var tries = 0;

        // act
        var answer = await resilience.ExecuteStatementAsync(
            _ =>
            {
                tries++;
                return failures.TryDequeue(out var failure) ? Task.FromException<string>(failure) : Task.FromResult("written once");
            },
            mayRepeat: false,
            span: null,
            Token);

        // assert
        answer.Should().Be("written once");
        tries.Should().Be(3);
    }

    [Fact]
    public async Task Statement_retries_stop_after_MaxRetries_and_none_are_made_when_it_is_zero()
    {
        // arrange
        var twice = new Neo4jResilience(Options with { MaxRetries = 2, RetryBaseDelay = TimeSpan.Zero }, TimeProvider.System);
        var never = new Neo4jResilience(Options with { MaxRetries = 0 }, TimeProvider.System);
        var (triesTwice, triesNever) = (0, 0);

        // act
        var actTwice = () => twice.ExecuteStatementAsync<int>(
            _ =>
            {
                triesTwice++;
                return Task.FromException<int>(Deadlock());
            },
            mayRepeat: true,
            span: null,
            Token);
        var actNever = () => never.ExecuteStatementAsync<int>(
            _ =>
            {
                triesNever++;
                return Task.FromException<int>(Deadlock());
            },
            mayRepeat: true,
            span: null,
            Token);

        // assert
        await actTwice.Should().ThrowAsync<Neo4jException>();
        await actNever.Should().ThrowAsync<Neo4jException>();
        triesTwice.Should().Be(3);
        triesNever.Should().Be(1);
    }

    [Fact]
    public async Task A_unit_of_work_is_tried_again_until_its_retry_time_is_spent_on_the_clock()
    {
        // arrange: every try fails and takes a second of the fake clock; no pause between tries
        var clock = new FakeTimeProvider();
        var resilience = new Neo4jResilience(Options with { RetryBaseDelay = TimeSpan.Zero, MaxTransactionRetryTime = TimeSpan.FromSeconds(5) }, clock);
        var tries = 0;

        // act
        var act = () => resilience.ExecuteUnitAsync<int>(
            _ =>
            {
                tries++;
                clock.Advance(TimeSpan.FromSeconds(1));
                return Task.FromException<int>(Refused());
            },
            span: null,
            Token);

        // assert: tries end at 1, 2, 3, 4 s (retried) and 5 s (spent)
        await act.Should().ThrowAsync<Neo4jException>();
        tries.Should().Be(5);
    }

    [Fact]
    public async Task A_unit_of_work_is_tried_once_more_however_long_its_first_try_took()
    {
        // arrange
        var clock = new FakeTimeProvider();
        var resilience = new Neo4jResilience(Options with { RetryBaseDelay = TimeSpan.Zero, MaxTransactionRetryTime = TimeSpan.FromSeconds(1) }, clock);
        var tries = 0;

        // act
        var act = () => resilience.ExecuteUnitAsync<int>(
            _ =>
            {
                tries++;
                clock.Advance(TimeSpan.FromMinutes(1));
                return Task.FromException<int>(Deadlock());
            },
            span: null,
            Token);

        // assert
        await act.Should().ThrowAsync<Neo4jException>();
        tries.Should().Be(2);
    }

    [Fact]
    public async Task A_unit_of_work_is_not_tried_again_after_a_failure_of_its_own()
    {
        // arrange
        var resilience = new Neo4jResilience(Options, TimeProvider.System);
        var tries = 0;

        // act
        var act = () => resilience.ExecuteUnitAsync<int>(
            _ =>
            {
                tries++;
                return Task.FromException<int>(new Neo4jException("Neo.ClientError.Statement.SyntaxError", "bad", HttpStatusCode.BadRequest));
            },
            span: null,
            Token);

        // assert
        await act.Should().ThrowAsync<Neo4jException>();
        tries.Should().Be(1);
    }

    [Fact]
    public async Task The_pause_before_a_retry_is_waited_on_the_pipelines_clock()
    {
        // arrange: a pause of 10 to 20 s, which only the fake clock can pass within the test
        var clock = new FakeTimeProvider();
        var resilience = new Neo4jResilience(Options with { RetryBaseDelay = TimeSpan.FromSeconds(20) }, clock);
        var tries = 0;
        var running = resilience.ExecuteStatementAsync(
            _ => ++tries == 1 ? Task.FromException<int>(Deadlock()) : Task.FromResult(tries),
            mayRepeat: true,
            span: null,
            Token);
        var waitedBefore = await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(200), Token)) != running;

        // act
        clock.Advance(TimeSpan.FromSeconds(20));
        var answer = await running.WaitAsync(TimeSpan.FromSeconds(10), Token);

        // assert
        waitedBefore.Should().BeTrue("the retry waits for the clock");
        answer.Should().Be(2);
    }

    [Fact]
    public async Task A_request_timeout_fires_on_the_pipelines_clock()
    {
        // arrange
        var clock = new FakeTimeProvider();
        var resilience = new Neo4jResilience(Options with { RequestTimeout = TimeSpan.FromSeconds(30) }, clock);
        var running = resilience.Request.Pipeline.ExecuteAsync(
            async token =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
                return 0;
            },
            Token).AsTask();

        // act
        clock.Advance(TimeSpan.FromSeconds(30));
        var act = () => running.WaitAsync(TimeSpan.FromSeconds(10), Token);

        // assert
        await act.Should().ThrowAsync<Polly.Timeout.TimeoutRejectedException>();
        resilience.Request.Setting.Should().Be("Neo4jConnectionOptions.RequestTimeout");
        resilience.Rollback.Setting.Should().Be("Neo4jConnectionOptions.RollbackTimeout");
    }

    [Fact]
    public async Task A_client_request_that_outlasts_RequestTimeout_on_the_clients_clock_fails_as_a_timeout_naming_it()
    {
        // arrange: a server that never answers, a timeout of 30 s that only the fake clock passes
        var clock = new FakeTimeProvider();
        var handler = new ReplayHandler().Hang();
        using var client = new QueryApiClient(handler, TestClient.Options with { RequestTimeout = TimeSpan.FromSeconds(30), MaxRetries = 0 }, logger: null, clock);
        var running = client.ReadAsync("RETURN 1", null, Token);
        while (handler.Requests.Count == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), Token);
        }

        // act
        clock.Advance(TimeSpan.FromSeconds(30));
        var act = () => running.WaitAsync(TimeSpan.FromSeconds(10), Token);

        // assert
        var error = (await act.Should().ThrowAsync<Neo4jException>()).Which;
        error.Code.Should().Be(Neo4jClientErrorCodes.Timeout);
        error.Message.Should().Contain("within 30 s").And.Contain("Neo4jConnectionOptions.RequestTimeout = 00:00:30");
        error.InnerException.Should().BeOfType<TimeoutException>().Which.InnerException.Should().BeOfType<Polly.Timeout.TimeoutRejectedException>();
    }
}
