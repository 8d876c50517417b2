using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Store.Embedded;

public static class EmbeddedStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded store as the application's graph store: one instance, made on first use with the options
    /// <paramref name="options"/> gives, disposed with the container. A background reload that fails is logged. The same
    /// instance answers <see cref="IDocumentTitles"/> (the titles GraphQL's <c>Source.title</c> shows).
    /// </summary>
    public static IServiceCollection AddEmbeddedStore(this IServiceCollection services, Func<IServiceProvider, EmbeddedStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var configured = options(provider);
            if (configured.ReloadFailed is null && provider.GetService<ILoggerFactory>() is { } loggers)
            {
                var logger = loggers.CreateLogger<EmbeddedGraphStore>();
                configured = configured with
                {
                    ReloadFailed = (exception, failures) => logger.LogWarning(
                        "Reloading the store after an outside import failed ({Failures} in a row; checking less often): {Reason}", failures, exception.Message),
                };
            }

            return new EmbeddedGraphStore(configured, provider.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<ISupplyGraphStore>(provider => provider.GetRequiredService<EmbeddedGraphStore>());
        services.AddSingleton<IDocumentTitles>(provider => provider.GetRequiredService<EmbeddedGraphStore>());
        return services;
    }
}
