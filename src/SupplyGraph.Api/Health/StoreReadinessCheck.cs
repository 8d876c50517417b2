using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupplyGraph.Api.Hosting;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Store.Neo4j;

namespace SupplyGraph.Api.Health;

/// <summary>
/// <c>/health/ready</c>: the store has been prepared (<see cref="StoreAvailability"/>: initialized, seeded, Neo4j's
/// projection read), answers its statistics within <see cref="Timeout"/>, and with what it holds and how old its
/// index is. Unhealthy (503) otherwise, with the same reason <c>/health</c> gives; never a file path or a credential.
/// </summary>
internal sealed class StoreReadinessCheck(
    IGraphQueries queries,
    ISupplyGraphStore store,
    StoreAvailability availability,
    ILogger<StoreReadinessCheck> logger) : IHealthCheck
{
    public const string Name = "store";

    /// <summary>As long as <c>/health</c> waits: a Neo4j server that hangs makes both unready at the same time.</summary>
    public static readonly TimeSpan Timeout = Http.HealthEndpoint.Timeout;

    // The last failure logged, so a probe every few seconds against a store that is down logs it once, not each time.
    private volatile string? lastLoggedReason;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var description = CredentialRedaction.Redact(queries.Description);
        if (availability.Problem is { } problem)
        {
            return Unready(context, description, problem, problem);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        StoreStatistics statistics;
        try
        {
            statistics = await queries.GetStatisticsAsync(deadline.Token).WaitAsync(deadline.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var timedOut = exception is OperationCanceledException;
            var reason = timedOut ? $"The store did not answer within {Timeout.TotalSeconds:0.###} s." : StoreFailureText.ForClients(exception);
            return Unready(context, description, reason, timedOut ? reason : StoreFailureText.ForLog(exception));
        }

        if (lastLoggedReason is not null)
        {
            lastLoggedReason = null;
            logger.LogInformation("The store {Store} is ready again", description);
        }

        // The store's own record of its index: when it was loaded, not when a probe first noticed it.
        var index = store.IndexStatistics;
        var data = new Dictionary<string, object>
        {
            ["store"] = description,
            ["entities"] = statistics.Entities,
            ["relationships"] = statistics.Relationships,
            ["index"] = index?.Kind ?? "index",
        };
        if (index is not null)
        {
            data["indexLoadedAt"] = index.LoadedAt;
            data["indexAgeSeconds"] = Math.Round((TimeProvider.System.GetUtcNow() - index.LoadedAt).TotalSeconds, 3);
        }

        var bookmark = store is Neo4jGraphStore neo4j ? neo4j.AnsweringAt : null;
        if (bookmark is not null)
        {
            data["answeringAt"] = bookmark;
        }

        return HealthCheckResult.Healthy($"The store answers from its {data["index"]}.", data);
    }

    private HealthCheckResult Unready(HealthCheckContext context, string description, string reason, string logged)
    {
        if (lastLoggedReason != reason)
        {
            lastLoggedReason = reason;
            logger.LogWarning("The store {Store} is not ready: {Reason}", description, logged);
        }

        return new HealthCheckResult(context.Registration.FailureStatus, reason, data: new Dictionary<string, object> { ["store"] = description });
    }
}
