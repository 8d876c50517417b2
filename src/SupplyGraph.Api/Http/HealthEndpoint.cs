using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Api.Http;

/// <summary><c>GET /health</c>: the store in use and what it holds.</summary>
public static class HealthEndpoint
{
    public static async Task<HealthResponse> GetAsync(ISupplyGraphStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var statistics = await store.GetStatisticsAsync(cancellationToken);
        return new HealthResponse("ok", store.Description, statistics.Entities, statistics.Relationships);
    }
}

public sealed record HealthResponse(string Status, string Store, long Entities, long Relationships);
