namespace SupplyGraph.Api.Tests.Infrastructure;

/// <summary>One API host on the in-memory store seeded from datasets/seed.json at start-up.</summary>
public sealed class SeedHost : IAsyncLifetime
{
    public SupplyGraphApiFactory Factory { get; } = new(seedOnEmptyStore: true);

    public HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Client = Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await Factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SeedCollection : ICollectionFixture<SeedHost>
{
    public const string Name = "Seed dataset";
}
