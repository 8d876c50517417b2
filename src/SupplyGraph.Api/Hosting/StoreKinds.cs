using SupplyGraph.Domain.Stores;
using SupplyGraph.Store.Embedded;

namespace SupplyGraph.Api.Hosting;

/// <summary>The stores the API can run on, by their configuration name. Adding a store is one entry here.</summary>
public static class StoreKinds
{
    public const string Embedded = "embedded";
    public const string Memory = "memory";

    private static readonly Dictionary<string, Func<StoreContext, ISupplyGraphStore>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        [Embedded] = context => new EmbeddedGraphStore(
            new EmbeddedStoreOptions { DatabasePath = Path.Combine(context.DataDirectory, EmbeddedStoreOptions.DefaultFileName) },
            context.Clock),
        [Memory] = context => new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true }, context.Clock),
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static bool IsSupported(string? name) => name is not null && Factories.ContainsKey(name.Trim());

    public static ISupplyGraphStore Create(string name, StoreContext context)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Factories.TryGetValue(name.Trim(), out var factory))
        {
            throw new InvalidOperationException($"SupplyGraph:Store \"{name}\" is not supported. Supported stores: {string.Join(", ", Names)}.");
        }

        return factory(context);
    }
}

/// <summary>What a store factory may need: the resolved data directory and the clock.</summary>
public sealed record StoreContext(string DataDirectory, TimeProvider Clock);
