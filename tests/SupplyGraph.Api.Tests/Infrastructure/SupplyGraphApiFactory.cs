using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Api.Tests.Infrastructure;

/// <summary>
/// The API in a test server, on the in-memory store unless <paramref name="settings"/> say otherwise.
/// The store the app registers (or the one <paramref name="store"/> makes) is wrapped in a <see cref="CountingStore"/>.
/// </summary>
public sealed class SupplyGraphApiFactory(
    bool seedOnEmptyStore = false,
    IReadOnlyDictionary<string, string?>? settings = null,
    string environment = "Testing",
    Func<IServiceProvider, ISupplyGraphStore>? store = null,
    Func<CancellationToken, Task>? beforeImport = null)
    : WebApplicationFactory<Program>
{
    public CountingStore Store => (CountingStore)Services.GetRequiredService<ISupplyGraphStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("SupplyGraph:Store", "memory");
        builder.UseSetting("SupplyGraph:SeedOnEmptyStore", seedOnEmptyStore ? "true" : "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            var registered = services.Single(descriptor => descriptor.ServiceType == typeof(ISupplyGraphStore));
            services.Remove(registered);
            services.AddSingleton<ISupplyGraphStore>(provider => new CountingStore(store?.Invoke(provider) ?? (ISupplyGraphStore)registered.ImplementationFactory!(provider)) { BeforeImport = beforeImport });
        });
    }
}
