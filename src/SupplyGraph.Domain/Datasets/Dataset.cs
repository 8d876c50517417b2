using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Datasets;

/// <summary>A validated dataset: every id unique, every reference resolved, every fact sourced.</summary>
public sealed record Dataset(
    string Name,
    string? Description,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<RelationshipRecord> Relationships);
