using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Store.Contract;

/// <summary>A store the contract suite can run against: one per store, shared by its test collection.</summary>
public interface IStoreUnderTest
{
    /// <summary>Why this store cannot be tested here (no server, no Docker); null when it can.</summary>
    string? SkipReason { get; }

    /// <summary>An initialized store holding nothing.</summary>
    Task<ISupplyGraphStore> EmptyStoreAsync(CancellationToken cancellationToken);
}
