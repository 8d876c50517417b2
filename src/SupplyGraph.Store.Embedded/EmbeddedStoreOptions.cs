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

    /// <summary>
    /// How often the file is checked for imports made by another process (the <c>supplygraph import</c> command into the
    /// serving data folder): at most once per interval, on a question or a statistics call, by reading the file's change
    /// counter (4 bytes). When it changed, the index is reloaded in the background. Zero turns the check off.
    /// </summary>
    public TimeSpan ChangeCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Told of each background reload that failed, with how many failed in a row (the host logs it). After repeated
    /// failures the checks back off, up to a minute apart, instead of rereading a broken file every interval.
    /// </summary>
    public Action<Exception, int>? ReloadFailed { get; init; }
}
