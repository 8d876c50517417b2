namespace SupplyGraph.Domain.Vocabulary;

/// <summary>The documented meaning of a relationship type: direction, allowed kinds and role in the questions.</summary>
public sealed record RelationshipTypeInfo(
    RelationshipType Type,
    string Name,
    IReadOnlyList<EntityKind> FromKinds,
    IReadOnlyList<EntityKind> ToKinds,
    RelationshipRole Role,
    RelationshipEnd? UpstreamEnd,
    string Meaning)
{
    /// <summary>True when the questions walk this type as a dependency.</summary>
    public bool IsDependency => Role is RelationshipRole.Supply or RelationshipRole.Product or RelationshipRole.Serving;
}
