using SupplyGraph.Api.Hosting;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Api.Http;

/// <summary>
/// <c>GET /health</c>: the store in use and what it holds; 503 <c>unhealthy</c> with the reason when the store is not
/// ready or does not answer within <see cref="Timeout"/> (a Neo4j server that is down or hangs, say), so a load
/// balancer or compose healthcheck sees it. It never shows a file path or a credential.
/// </summary>
internal static class HealthEndpoint
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static async Task<IResult> GetAsync(IGraphQueries store, StoreAvailability availability, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(availability);
        ArgumentNullException.ThrowIfNull(loggers);
        var description = CredentialRedaction.Redact(store.Description);
        if (availability.Problem is { } problem)
        {
            return Unhealthy(description, problem);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            var statistics = await store.GetStatisticsAsync(deadline.Token).WaitAsync(deadline.Token);
            return Results.Json(new HealthResponse("ok", description, statistics.Entities, statistics.Relationships, null));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = exception is OperationCanceledException
                ? $"The store did not answer within {Timeout.TotalSeconds:0.###} s."
                : StoreFailureText.ForClients(exception);
            loggers.CreateLogger(typeof(HealthEndpoint)).LogWarning(
                "The store {Store} did not answer the health check: {Reason}", description, exception is OperationCanceledException ? reason : StoreFailureText.ForLog(exception));
            return Unhealthy(description, reason);
        }
    }

    private static IResult Unhealthy(string description, string reason) =>
        Results.Json(new HealthResponse("unhealthy", description, null, null, reason), statusCode: StatusCodes.Status503ServiceUnavailable);
}

internal sealed record HealthResponse(string Status, string Store, long? Entities, long? Relationships, string? Error);
