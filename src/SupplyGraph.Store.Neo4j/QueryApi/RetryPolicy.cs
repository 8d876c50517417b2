namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>Retries retryable <see cref="Neo4jException"/>s with exponential backoff and jitter.</summary>
internal sealed class RetryPolicy(int maxRetries, TimeSpan baseDelay)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <param name="attempt">One try; receives the caller's token.</param>
    /// <param name="mayRepeat">
    /// Whether the work may run twice. If not, only failures Neo4j itself reported (so nothing committed) are
    /// retried, never a lost connection or timeout whose outcome is unknown.
    /// </param>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> attempt, bool mayRepeat, CancellationToken cancellationToken)
    {
        for (var retry = 1; ; retry++)
        {
            try
            {
                return await attempt(cancellationToken);
            }
            catch (Neo4jException error) when (retry <= maxRetries && error.IsRetryable && (mayRepeat || !error.OutcomeUnknown))
            {
                await Task.Delay(DelayBefore(retry), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> again after each retryable failure until <paramref name="maxRetryTime"/> has
    /// passed since the first try (at least once more, however long the first took), pausing as for statements, at
    /// most <see cref="MaxUnitDelay"/> between tries.
    /// </summary>
    public async Task<T> ExecuteUnitAsync<T>(Func<CancellationToken, Task<T>> attempt, TimeSpan maxRetryTime, TimeProvider clock, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        for (var retry = 1; ; retry++)
        {
            try
            {
                return await attempt(cancellationToken);
            }
            catch (Neo4jException error) when (error.IsRetryable && (retry == 1 || clock.GetElapsedTime(started) < maxRetryTime))
            {
                var pause = DelayBefore(retry);
                await Task.Delay(pause < MaxUnitDelay ? pause : MaxUnitDelay, clock, cancellationToken);
            }
        }
    }

    /// <summary>The longest pause between two tries of a unit of work: a restarted server is noticed within it.</summary>
    internal static readonly TimeSpan MaxUnitDelay = TimeSpan.FromSeconds(2);

    /// <summary>Equal jitter: half of the doubled delay is fixed, half random, so clients do not retry in step.</summary>
    internal TimeSpan DelayBefore(int retry)
    {
        var exponential = TimeSpan.FromTicks((long)Math.Min(baseDelay.Ticks * Math.Pow(2, retry - 1), MaxDelay.Ticks));
        return (exponential / 2) + (exponential / 2 * Random.Shared.NextDouble());
    }
}
