using Microsoft.AspNetCore.HostFiltering;
using SupplyGraph.Api.Health;
using SupplyGraph.Api.Http;
using SupplyGraph.Api.Telemetry;

namespace SupplyGraph.Api.Hosting;

/// <summary>The GraphQL service: what <c>supplygraph serve</c> runs.</summary>
public static class SupplyGraphWebHost
{
    public const string CorsPolicy = "SupplyGraph";

    /// <summary>Builds the web application; <paramref name="args"/> are host settings (<c>--urls</c>, <c>--SupplyGraph:Port=5090</c>).</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddSupplyGraphConfiguration();
        builder.AddSupplyGraphStore();
        builder.Services.AddSupplyGraphGraphQL();
        builder.Services.AddSupplyGraphHealthChecks();
        builder.AddSupplyGraphTelemetry();
        var options = builder.Configuration.GetSection(SupplyGraphOptions.SectionName).Get<SupplyGraphOptions>() ?? new SupplyGraphOptions();

        // Every log line, ours or the framework's, without a credential in it.
        RedactingLoggerFactory.Register(builder.Services);
        RaiseKestrelRequestLine(builder, options.Limits);
        AddHostAllowList(builder, options);
        var corsOrigins = options.CorsOrigins
            .SelectMany(origins => origins.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToArray();
        if (corsOrigins.Length > 0)
        {
            builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(corsOrigins)
                .WithMethods("GET", "POST")
                .WithHeaders("Content-Type", "Accept")));
        }

        var app = builder.Build();
        app.Use(RequestTargetLimit.RefuseLongTargetsAsync);
        if (corsOrigins.Length > 0)
        {
            // Off unless origins are configured: a browser on another origin then gets no CORS headers and cannot read answers.
            app.UseCors(CorsPolicy);
        }

        app.MapSupplyGraphEndpoints();
        app.MapSupplyGraphTelemetry();
        return app;
    }

    /// <summary>
    /// Kestrel reads request lines up to twice our own bound on an address (<see cref="RequestTargetLimit"/>), so that an
    /// oversized GET gets our coded answer with a body, not Kestrel's bare 414; the line stays bounded.
    /// </summary>
    private static void RaiseKestrelRequestLine(WebApplicationBuilder builder, RequestLimits limits)
    {
        var requestLine = RequestTargetLimit.KestrelRequestLineBytes(limits);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = requestLine;

            // Kestrel refuses to start when its buffer is smaller than the request line it must hold.
            if (kestrel.Limits.MaxRequestBufferSize is { } buffer && buffer < requestLine)
            {
                kestrel.Limits.MaxRequestBufferSize = requestLine;
            }
        });
    }

    /// <summary>
    /// SupplyGraph:AllowedHosts (SUPPLYGRAPH_ALLOWED_HOSTS, <c>;</c>-separated) feeds ASP.NET Core's host filtering: a
    /// request whose Host header is not listed is refused with 400. <c>*</c> (the default) serves every host.
    /// </summary>
    private static void AddHostAllowList(WebApplicationBuilder builder, SupplyGraphOptions options)
    {
        var hosts = options.AllowedHosts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0 || hosts.Contains("*"))
        {
            return;
        }

        builder.Services.PostConfigure<HostFilteringOptions>(filtering =>
        {
            filtering.AllowedHosts = hosts;
            filtering.AllowEmptyHosts = false;
        });
    }
}
