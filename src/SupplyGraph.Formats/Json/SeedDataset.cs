using SupplyGraph.Domain.Datasets;
namespace SupplyGraph.Formats.Json;

/// <summary>The seed dataset (datasets/seed.json), built into this assembly.</summary>
public static class SeedDataset
{
    public const string FileName = "seed.json";
    private const string ResourceName = "SupplyGraph.Datasets.seed.json";

    public static Stream Open() =>
        typeof(SeedDataset).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The seed dataset resource {ResourceName} is missing from the build.");

    public static Dataset Load()
    {
        using var stream = Open();
        return DatasetReader.Read(stream, FileName);
    }
}
