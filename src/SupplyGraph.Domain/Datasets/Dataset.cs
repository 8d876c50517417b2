using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Datasets;

/// <summary>A validated dataset: every id unique, every reference resolved, every fact sourced.</summary>
public sealed record Dataset(
    string Name,
    string? Description,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<RelationshipRecord> Relationships)
{
    /// <summary>The titles of documents the sources cite (the optional <c>documents</c> list), by document.</summary>
    public IReadOnlyList<DocumentTitle> Documents { get; init; } = [];
}
