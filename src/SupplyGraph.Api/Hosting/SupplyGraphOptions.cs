namespace SupplyGraph.Api.Hosting;

/// <summary>The <c>SupplyGraph</c> configuration section.</summary>
public sealed class SupplyGraphOptions
{
    public const string SectionName = "SupplyGraph";

    public int Port { get; set; } = 5080;

    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Where the embedded store keeps its file; a relative path is resolved against the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Which store to use; one of <see cref="StoreKinds.Names"/>.</summary>
    public string Store { get; set; } = StoreKinds.Embedded;

    /// <summary>Import the seed dataset when the store starts empty.</summary>
    public bool SeedOnEmptyStore { get; set; } = true;
}
