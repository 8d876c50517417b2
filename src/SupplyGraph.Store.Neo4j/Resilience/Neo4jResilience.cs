using System.Diagnostics;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Telemetry;

namespace SupplyGraph.Store.Neo4j.Resilience;

/// <summary>
/// The Query API client's retries and timeouts, as Polly resilience pipelines built once per client from its
/// <see cref="Neo4jConnectionOptions"/>: a timeout per request, retries with backoff per implicit-transaction
/// statement, and retries bounded in time per unit of work. Delays and timeouts run on the client's clock.
/// </summary>
internal sealed class Neo4jResilience
{
    /// <summary>The longest pause before a statement is tried again.</summary>
    internal static readonly TimeSpan MaxStatementDelay = TimeSpan.FromSeconds(30);

    /// <summary>The longest pause between two tries of a unit of work: a restarted server is noticed within it.</summary>
    internal static readonly TimeSpan MaxUnitDelay = TimeSpan.FromSeconds(2);

    /// <summary>When a unit of work was first tried, in the clock's timestamps: its retry time counts from there.</summary>
    private static readonly ResiliencePropertyKey<long> FirstTryStarted = new("SupplyGraph.Neo4j.FirstTryStarted");

    /// <summary>The span a statement or unit of work runs under, which its retries are counted on.</summary>
    private static readonly ResiliencePropertyKey<Activity?> Span = new("SupplyGraph.Neo4j.Span");

    private readonly ResiliencePipeline repeatableStatement;
    private readonly ResiliencePipeline unrepeatableStatement;

    public Neo4jResilience(Neo4jConnectionOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        Clock = clock;
        Request = new RequestTimeout(nameof(Neo4jConnectionOptions.RequestTimeout), options.RequestTimeout, clock);
        Rollback = new RequestTimeout(nameof(Neo4jConnectionOptions.RollbackTimeout), options.RollbackTimeout, clock);
        RepeatableStatementRetry = StatementRetry(options, mayRepeat: true);
        UnrepeatableStatementRetry = StatementRetry(options, mayRepeat: false);
        UnitOfWorkRetry = UnitRetry(options, clock);
        repeatableStatement = Build(RepeatableStatementRetry, clock);
        unrepeatableStatement = Build(UnrepeatableStatementRetry, clock);
        UnitOfWork = Build(UnitOfWorkRetry, clock);
    }

    public TimeProvider Clock { get; }

    /// <summary>The timeout of a request that does work (<see cref="Neo4jConnectionOptions.RequestTimeout"/>); each try gets its own.</summary>
    public RequestTimeout Request { get; }

    /// <summary>The shorter timeout of a rollback sent whatever the caller's token says (<see cref="Neo4jConnectionOptions.RollbackTimeout"/>).</summary>
    public RequestTimeout Rollback { get; }

    /// <summary>Runs a unit of work again, whole, after each retryable failure until its retry time is spent.</summary>
    public ResiliencePipeline UnitOfWork { get; }

    /// <summary>The retry of statements that may run twice (reads, idempotent writes); null when MaxRetries is 0.</summary>
    internal RetryStrategyOptions? RepeatableStatementRetry { get; }

    /// <summary>The retry of statements that must not run twice; null when MaxRetries is 0.</summary>
    internal RetryStrategyOptions? UnrepeatableStatementRetry { get; }

    internal RetryStrategyOptions UnitOfWorkRetry { get; }

    /// <summary>
    /// Equal jitter: half of the doubled delay is fixed, half random, so clients do not retry in step.
    /// <paramref name="retry"/> counts from 1.
    /// </summary>
    internal static TimeSpan EqualJitterDelay(TimeSpan baseDelay, int retry, TimeSpan cap)
    {
        if (baseDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        // The exponent is bounded: a unit of work may be tried thousands of times, and 2^1024 is no number.
        var exponential = TimeSpan.FromTicks((long)Math.Min(baseDelay.Ticks * Math.Pow(2, Math.Min(retry - 1, 62)), cap.Ticks));
        return (exponential / 2) + (exponential / 2 * Random.Shared.NextDouble());
    }

    /// <summary>
    /// Runs one implicit-transaction statement, again after retryable failures, at most MaxRetries times. When it
    /// may not repeat, only failures Neo4j itself reported (so nothing committed) are retried, never a lost connection
    /// or timeout whose outcome is unknown. Retries are counted on <paramref name="span"/>.
    /// </summary>
    public async Task<T> ExecuteStatementAsync<T>(Func<CancellationToken, Task<T>> attempt, bool mayRepeat, Activity? span, CancellationToken cancellationToken)
    {
        var pipeline = mayRepeat ? repeatableStatement : unrepeatableStatement;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(Span, span);
            return await pipeline.ExecuteAsync(static async (context, attempt) => await attempt(context.CancellationToken), context, attempt);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// Runs a unit of work again after each retryable failure until MaxTransactionRetryTime has passed since the
    /// first try (at least once more, however long the first took), pausing as for statements but at most
    /// <see cref="MaxUnitDelay"/>. Retries are counted on <paramref name="span"/>.
    /// </summary>
    public async Task<T> ExecuteUnitAsync<T>(Func<CancellationToken, Task<T>> attempt, Activity? span, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(FirstTryStarted, Clock.GetTimestamp());
            context.Properties.Set(Span, span);
            return await UnitOfWork.ExecuteAsync(static async (context, attempt) => await attempt(context.CancellationToken), context, attempt);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static RetryStrategyOptions? StatementRetry(Neo4jConnectionOptions options, bool mayRepeat) =>
        options.MaxRetries == 0
            ? null
            : new RetryStrategyOptions
            {
                Name = mayRepeat ? "neo4j-statement" : "neo4j-statement-once",
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = arguments => ValueTask.FromResult(
                    arguments.Outcome.Exception is Neo4jException { IsRetryable: true } error && (mayRepeat || !error.OutcomeUnknown)),
                DelayGenerator = arguments => ValueTask.FromResult<TimeSpan?>(
                    EqualJitterDelay(options.RetryBaseDelay, arguments.AttemptNumber + 1, MaxStatementDelay)),
                OnRetry = CountRetry,
            };

    private static RetryStrategyOptions UnitRetry(Neo4jConnectionOptions options, TimeProvider clock) => new()
    {
        Name = "neo4j-unit-of-work",
        MaxRetryAttempts = int.MaxValue,
        ShouldHandle = arguments => ValueTask.FromResult(
            arguments.Outcome.Exception is Neo4jException { IsRetryable: true }
            && (arguments.AttemptNumber == 0
                || clock.GetElapsedTime(arguments.Context.Properties.GetValue(FirstTryStarted, clock.GetTimestamp())) < options.MaxTransactionRetryTime)),
        DelayGenerator = arguments => ValueTask.FromResult<TimeSpan?>(
            UnitDelay(EqualJitterDelay(options.RetryBaseDelay, arguments.AttemptNumber + 1, MaxStatementDelay))),
        OnRetry = CountRetry,
    };

    private static TimeSpan UnitDelay(TimeSpan statementDelay) => statementDelay < MaxUnitDelay ? statementDelay : MaxUnitDelay;

    private static ValueTask CountRetry(OnRetryArguments<object> arguments)
    {
        if (arguments.Context.Properties.GetValue(Span, null) is { } span)
        {
            Neo4jStoreTelemetry.Retrying(span, arguments.AttemptNumber + 1, arguments.Outcome.Exception, arguments.RetryDelay);
        }

        return ValueTask.CompletedTask;
    }

    private static ResiliencePipeline Build(RetryStrategyOptions? retry, TimeProvider clock) =>
        retry is null ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder { TimeProvider = clock }.AddRetry(retry).Build();

    /// <summary>A per-request timeout strategy, with the setting it comes from for the error that names it.</summary>
    internal sealed class RequestTimeout
    {
        public RequestTimeout(string setting, TimeSpan timeout, TimeProvider clock)
        {
            Setting = $"{nameof(Neo4jConnectionOptions)}.{setting}";
            Timeout = timeout;

            // A generator rather than TimeoutStrategyOptions.Timeout, whose range (10 ms to a day) would refuse an
            // infinite timeout, which the generator's answer turns into none at all.
            Pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
                .AddTimeout(new TimeoutStrategyOptions
                {
                    Name = $"neo4j-{setting}",
                    TimeoutGenerator = _ => ValueTask.FromResult(timeout),
                })
                .Build();
        }

        /// <summary>The option's full name, e.g. <c>Neo4jConnectionOptions.RequestTimeout</c>.</summary>
        public string Setting { get; }

        public TimeSpan Timeout { get; }

        public ResiliencePipeline Pipeline { get; }
    }
}
