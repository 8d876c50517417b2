using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Api.Http;

/// <summary>
/// <c>GET /health</c>: the store in use and what it holds; 503 with the reason when the store does not answer
/// (a Neo4j server that is down, say), so a load balancer or compose healthcheck sees it.
/// </summary>
public static class HealthEndpoint
{
    public static async Task<IResult> GetAsync(ISupplyGraphStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(loggers);
        try
        {
            var statistics = await store.GetStatisticsAsync(cancellationToken);
            return Results.Json(new HealthResponse("ok", store.Description, statistics.Entities, statistics.Relationships, null));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(HealthEndpoint)).LogWarning(exception, "The store {Store} did not answer the health check", store.Description);
            return Results.Json(
                new HealthResponse("unavailable", store.Description, null, null, exception.Message),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

public sealed record HealthResponse(string Status, string Store, long? Entities, long? Relationships, string? Error);
