using SupplyGraph.Domain.Importing;

namespace SupplyGraph.Domain.Datasets;

/// <summary>What the file said about itself, and how many rows it held.</summary>
public sealed record DatasetHeader(string Name, string? Description, long Entities, long Relationships)
{
    /// <summary>What the input held but deliberately did not import, with the reasons (see <see cref="SkippedItem"/>).</summary>
    public IReadOnlyList<SkippedItem> Skipped { get; init; } = [];
}
