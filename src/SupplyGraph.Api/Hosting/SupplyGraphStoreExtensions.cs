using Microsoft.Extensions.Options;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Api.Hosting;

public static class SupplyGraphStoreExtensions
{
    /// <summary>Registers the configured store as a singleton (disposed with the host) and the initializer that prepares it before the server answers.</summary>
    public static WebApplicationBuilder AddSupplyGraphStore(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ISupplyGraphStore>(services =>
        {
            var options = services.GetRequiredService<IOptions<SupplyGraphOptions>>().Value;
            var environment = services.GetRequiredService<IHostEnvironment>();
            var dataDirectory = Path.GetFullPath(options.DataDirectory, environment.ContentRootPath);
            return StoreKinds.Create(options.Store, new StoreContext(dataDirectory, services.GetRequiredService<TimeProvider>(), options.Neo4j, services.GetService<ILoggerFactory>()?.CreateLogger(typeof(StoreKinds))));
        });
        builder.Services.AddSingleton<StoreAvailability>();
        builder.Services.AddHostedService<StoreInitializer>();
        return builder;
    }
}
