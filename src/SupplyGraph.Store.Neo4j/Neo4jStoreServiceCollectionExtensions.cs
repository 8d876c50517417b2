using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Store.Neo4j;

public static class Neo4jStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Neo4j store as the application's graph store: one instance with one long-lived Query API client
    /// (pooled connections), made on first use with the options <paramref name="options"/> gives, disposed with the container.
    /// The same instance answers <see cref="IDocumentTitles"/> (the titles GraphQL's <c>Source.title</c> shows).
    /// </summary>
    public static IServiceCollection AddNeo4jStore(this IServiceCollection services, Func<IServiceProvider, Neo4jStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => Neo4jGraphStore.Connect(
            options(provider),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()?.CreateLogger<Neo4jGraphStore>()));
        services.AddSingleton<ISupplyGraphStore>(provider => provider.GetRequiredService<Neo4jGraphStore>());
        services.AddSingleton<IDocumentTitles>(provider => provider.GetRequiredService<Neo4jGraphStore>());
        return services;
    }
}
