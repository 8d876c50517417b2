using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SupplyGraph.Api.Health;

/// <summary>
/// ASP.NET Core health checks: <c>/health/live</c> runs no check (the process answers: 200 while it serves) and
/// <c>/health/ready</c> runs <see cref="StoreReadinessCheck"/> (503 while the store is down or not yet prepared).
/// <c>/health</c> keeps its own body (<c>HealthEndpoint</c>).
/// </summary>
internal static class SupplyGraphHealthExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddSupplyGraphHealthChecks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // One instance, so that a store that stays down is logged once rather than at every probe.
        services.AddSingleton<StoreReadinessCheck>();
        services.AddHealthChecks().AddCheck<StoreReadinessCheck>(StoreReadinessCheck.Name, HealthStatus.Unhealthy, [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapSupplyGraphHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthJsonWriter.WriteAsync });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = HealthJsonWriter.WriteAsync });
        return endpoints;
    }
}
