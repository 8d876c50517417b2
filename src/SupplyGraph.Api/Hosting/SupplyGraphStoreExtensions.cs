using Microsoft.Extensions.Options;
using SupplyGraph.Api.Http;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Store.Embedded;
using SupplyGraph.Store.Neo4j;

namespace SupplyGraph.Api.Hosting;

public static class SupplyGraphStoreExtensions
{
    /// <summary>
    /// Registers the store <c>SupplyGraph:Store</c> names, each through its own registration (<c>AddEmbeddedStore</c>,
    /// <c>AddNeo4jStore</c>), and the initializer that prepares it before the server answers. The web host and the
    /// command line's verbs both compose the store this way.
    /// </summary>
    public static IHostApplicationBuilder AddSupplyGraphStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration.GetSection(SupplyGraphOptions.SectionName).Get<SupplyGraphOptions>() ?? new SupplyGraphOptions();
        var contentRoot = builder.Environment.ContentRootPath;
        var services = builder.Services;

        // The settings are read again, checked, when the store is made: a bad one stops the host with its message
        // (OptionsValidationException) before any store is opened.
        static SupplyGraphOptions Checked(IServiceProvider provider) => provider.GetRequiredService<IOptions<SupplyGraphOptions>>().Value;
        switch (StoreNames.Normalize(configured.Store))
        {
            case StoreNames.Embedded:
                services.AddEmbeddedStore(provider => new EmbeddedStoreOptions
                {
                    DatabasePath = Path.Combine(Path.GetFullPath(Checked(provider).DataDirectory, contentRoot), EmbeddedStoreOptions.DefaultFileName),
                });
                break;
            case StoreNames.Memory:
                services.AddEmbeddedStore(provider =>
                {
                    _ = Checked(provider);
                    return new EmbeddedStoreOptions { InMemory = true };
                });
                break;
            case StoreNames.Neo4j:
                services.AddNeo4jStore(provider => Checked(provider).Neo4j.ToStoreOptions());
                break;
            default:
                // The options validator stops the host with this message first; this is for a caller that skips it.
                services.AddSingleton<ISupplyGraphStore>(provider =>
                {
                    _ = Checked(provider);
                    throw new InvalidOperationException(
                        $"SupplyGraph:Store \"{configured.Store}\" is not supported. Supported stores: {string.Join(", ", StoreNames.All)}.");
                });
                break;
        }

        // Callers take the side they use: the GraphQL API and health the questions, start-up the admin side.
        services.AddSingleton<IGraphQueries>(provider => new CpuMeteredQueries(provider.GetRequiredService<ISupplyGraphStore>(), provider.GetService<SupplyGraph.Api.Telemetry.SupplyGraphMetrics>()));
        services.AddSingleton<IGraphAdmin>(provider => provider.GetRequiredService<ISupplyGraphStore>());
        services.AddSingleton<StoreAvailability>();
        services.AddHostedService<StoreInitializer>();
        return builder;
    }
}
