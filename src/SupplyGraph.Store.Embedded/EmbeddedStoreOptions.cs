namespace SupplyGraph.Store.Embedded;

/// <summary>Where the embedded store keeps its SQLite file.</summary>
public sealed record EmbeddedStoreOptions
{
    public const string DefaultFileName = "supplygraph.db";

    /// <summary>The SQLite file. Ignored when <see cref="InMemory"/> is set.</summary>
    public string DatabasePath { get; init; } = Path.Combine("data", DefaultFileName);

    /// <summary>Keep everything in memory (tests): nothing survives the store.</summary>
    public bool InMemory { get; init; }

    /// <summary>
    /// Rebuild the in-memory index after an import that changed something (the default, so questions see the
    /// import at once). Tools that only write, and the benchmark timing an import alone, turn it off.
    /// </summary>
    public bool RefreshIndexAfterImport { get; init; } = true;
}
