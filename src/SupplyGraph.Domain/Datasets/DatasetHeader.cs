namespace SupplyGraph.Domain.Datasets;

/// <summary>What the file said about itself, and how many rows it held.</summary>
public sealed record DatasetHeader(string Name, string? Description, long Entities, long Relationships);
