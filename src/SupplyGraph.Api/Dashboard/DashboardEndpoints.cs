using Microsoft.Extensions.Primitives;
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

    /// <summary>
    /// True when the client would rather have HTML than a GraphQL answer: a browser's address bar sends
    /// <c>text/html</c> first and JSON only through <c>*/*</c>; curl and GraphQL clients never prefer HTML.
    /// </summary>
    public static bool PrefersHtml(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return false;
        }

        double html = 0, json = 0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            if (range.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, quality);
            }
            else if (range.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || range.MediaType.Equals("application/graphql-response+json", StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
        }

        return html > 0 && html > json;
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
        var gzip = context.Request.Headers.AcceptEncoding.Any(value => value?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true);
        var body = gzip ? asset.Gzipped : asset.Bytes;
        if (gzip)
        {
            response.Headers.ContentEncoding = "gzip";
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }
}
