using SupplyGraph.Domain.Stores;
using SupplyGraph.Store.Contract;

namespace SupplyGraph.Store.Embedded.Tests.Contract;

/// <summary>In-memory embedded stores for the contract suite; always available.</summary>
public sealed class EmbeddedStoreUnderTest : IStoreUnderTest, IDisposable
{
    private readonly List<EmbeddedGraphStore> stores = [];

    public string? SkipReason => null;

    public async Task<ISupplyGraphStore> EmptyStoreAsync(CancellationToken cancellationToken)
    {
        var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true });
        lock (stores)
        {
            stores.Add(store);
        }

        await store.InitializeAsync(cancellationToken);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }
    }
}
