using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Api.Tests.Infrastructure;

/// <summary>One API host on the in-memory store holding <see cref="SmallGraph"/>, shared by a test collection.</summary>
public sealed class SmallGraphHost : IAsyncLifetime
{
    public SupplyGraphApiFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public CountingStore Store => Factory.Store;

    public async ValueTask InitializeAsync()
    {
        Client = Factory.CreateClient();
        await Store.ImportAsync(SmallGraph.Dataset, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SmallGraphCollection : ICollectionFixture<SmallGraphHost>
{
    public const string Name = "Small graph";
}
