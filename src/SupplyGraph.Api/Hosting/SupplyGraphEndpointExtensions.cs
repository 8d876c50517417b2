using SupplyGraph.Api.Dashboard;
using SupplyGraph.Api.Health;
using SupplyGraph.Api.Http;

namespace SupplyGraph.Api.Hosting;

internal static class SupplyGraphEndpointExtensions
{
    public const string GraphQLPath = "/graphql";
    public const string HealthPath = "/health";

    /// <summary>Maps <c>GET /health</c>, the health checks <c>/health/live</c> and <c>/health/ready</c>, GraphQL over HTTP at <c>/graphql</c> (every method, so that others get 405) and the dashboard.</summary>
    public static IEndpointRouteBuilder MapSupplyGraphEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(HealthPath, HealthEndpoint.GetAsync);
        endpoints.MapSupplyGraphHealthChecks();
        endpoints.Map(GraphQLPath, context => context.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(context));
        endpoints.MapDashboard();
        return endpoints;
    }
}
