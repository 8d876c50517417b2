using Microsoft.Net.Http.Headers;

namespace SupplyGraph.Api.Dashboard;

/// <summary>
/// The dashboard's routes: its pages (<c>/</c>, <c>/entity/{id}</c>, <c>/paths</c>: the one page, routed in the
/// browser), its files under <c>/dashboard/</c>, and GraphiQL for a browser that asks <c>GET /graphql</c> for HTML.
/// The pages call the public GraphQL API like any other client.
/// </summary>
internal static class DashboardEndpoints
{
    public const string AssetsPath = "/dashboard";

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/", context => WritePageAsync(context, DashboardAssets.IndexPage));
        endpoints.MapGet("/entity/{**id}", context => WritePageAsync(context, DashboardAssets.IndexPage));
        endpoints.MapGet("/paths", context => WritePageAsync(context, DashboardAssets.IndexPage));
        endpoints.MapGet(AssetsPath + "/{**file}", context => WriteAssetAsync(context, context.Request.RouteValues["file"] as string ?? string.Empty));
        return endpoints;
    }

    public static Task WritePageAsync(HttpContext context, string page) => WriteAssetAsync(context, page);

    private static async Task WriteAssetAsync(HttpContext context, string path)
    {
        var assets = context.RequestServices.GetRequiredService<DashboardAssets>();
        var response = context.Response;
        if (assets.Find(path) is not { } asset)
        {
            response.StatusCode = assets.IsEmpty ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status404NotFound;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(assets.IsEmpty
                ? "The dashboard was not built into this service (it needs Node.js at build time; see src/SupplyGraph.Dashboard/README.md). The GraphQL API at /graphql works."
                : $"No dashboard file {path}.", context.RequestAborted);
            return;
        }

        response.Headers.ETag = asset.ETag;
        // File names carry no hash, so a browser revalidates each (a 304 when unchanged) and never runs a stale build.
        response.Headers.CacheControl = "no-cache";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.XContentTypeOptions = "nosniff";
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = asset.ContentType;
        var gzipped = context.Request.Headers.AcceptEncoding.Any(value => value?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true)
            ? asset.Gzipped
            : null;
        var body = gzipped ?? asset.Bytes;
        if (gzipped is not null)
        {
            response.Headers.ContentEncoding = "gzip";
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }
}
