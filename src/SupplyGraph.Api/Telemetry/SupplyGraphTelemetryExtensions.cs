using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SupplyGraph.Api.Telemetry;

/// <summary>
/// Traces, metrics and logs through OpenTelemetry, in the style of .NET Aspire's <c>AddServiceDefaults</c>. Nothing is
/// exported by default, and then no OpenTelemetry SDK listens either, so instrumentation costs next to nothing:
/// <list type="bullet">
/// <item>OTLP (traces, metrics, logs) when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the other standard
/// <c>OTEL_*</c> variables (protocol, headers, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>) apply.</item>
/// <item>Prometheus text at <c>/metrics</c> when <c>SupplyGraph:Telemetry:Prometheus</c> is true.</item>
/// </list>
/// <c>SupplyGraph:Telemetry:Enabled=false</c> turns all of it off, exporters included.
/// </summary>
public static class SupplyGraphTelemetryExtensions
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddSupplyGraphTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = builder.Configuration.GetSection(TelemetrySettings.SectionName).Get<TelemetrySettings>() ?? new TelemetrySettings();
        builder.Services.AddSingleton(settings);
        if (!settings.Enabled)
        {
            return builder;
        }

        // Every log line written inside a request carries its trace and span id (and ASP.NET Core's RequestId scope).
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        if (!otlp && !settings.Prometheus)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName: SupplyGraphTelemetry.Name.ToLowerInvariant()))
            .WithMetrics(metrics => metrics.AddSupplyGraphInstrumentation());
        if (otlp)
        {
            // Spans only where they go somewhere: with Prometheus alone, a tracer would record every request's spans for
            // no one (the overhead benchmark measured what that costs).
            telemetry.WithTracing(tracing => tracing.AddSupplyGraphInstrumentation());
        }

        if (settings.Prometheus)
        {
            telemetry.WithMetrics(metrics => metrics.AddPrometheusExporter());
        }

        if (otlp)
        {
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            });

            // Traces, metrics and logs alike, configured by the standard OTEL_EXPORTER_OTLP_* variables.
            telemetry.UseOtlpExporter();
        }

        StartProvidersFirst(builder.Services);
        return builder;
    }

    /// <summary>
    /// Hosted services start in the order they were registered, and the store's initializer (registered before this)
    /// imports the seed and reads Neo4j's projection: OpenTelemetry's own hosted service, which builds the providers
    /// that listen, goes first so that those are measured too.
    /// </summary>
    private static void StartProvidersFirst(IServiceCollection services)
    {
        var sdkAssembly = typeof(OpenTelemetryBuilder).Assembly;
        var providers = services
            .Where(service => service.ServiceType == typeof(IHostedService) && service.ImplementationType?.Assembly == sdkAssembly)
            .ToList();
        foreach (var provider in providers)
        {
            services.Remove(provider);
        }

        for (var index = 0; index < providers.Count; index++)
        {
            services.Insert(index, providers[index]);
        }
    }

    /// <summary>Maps <c>/metrics</c> when Prometheus is on; otherwise the path stays unmapped (404).</summary>
    public static WebApplication MapSupplyGraphTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<TelemetrySettings>().ServesPrometheus)
        {
            app.MapPrometheusScrapingEndpoint(TelemetrySettings.PrometheusPath);
        }

        return app;
    }

    /// <summary>The service's spans: ASP.NET Core's per request, ours per GraphQL request, question and store call, the Neo4j store's per projection refresh and its HTTP calls.</summary>
    public static TracerProviderBuilder AddSupplyGraphInstrumentation(this TracerProviderBuilder tracing)
    {
        ArgumentNullException.ThrowIfNull(tracing);
        return tracing
            .AddAspNetCoreInstrumentation(aspNetCore =>
            {
                // Scrapes and health probes every few seconds would drown the requests worth reading.
                aspNetCore.Filter = context =>
                    !context.Request.Path.StartsWithSegments(TelemetrySettings.PrometheusPath, StringComparison.OrdinalIgnoreCase)
                    && !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
            })
            .AddHttpClientInstrumentation()
            .AddSource(SupplyGraphTelemetry.Name, SupplyGraphTelemetry.Neo4jStoreName);
    }

    /// <summary>The service's metrics, ASP.NET Core's and Kestrel's, the HTTP client's (Neo4j Query API) and the runtime's.</summary>
    public static MeterProviderBuilder AddSupplyGraphInstrumentation(this MeterProviderBuilder metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddMeter("System.Runtime") // .NET's built-in GC, thread pool and exception metrics: no extra package
            .AddMeter(SupplyGraphTelemetry.Name, SupplyGraphTelemetry.Neo4jStoreName, SupplyGraphTelemetry.ImportName);
    }
}
