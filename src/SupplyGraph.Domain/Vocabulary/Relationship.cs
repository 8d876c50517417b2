namespace SupplyGraph.Domain.Vocabulary;

/// <summary>A relationship in an answer: the stored record with both ends resolved to entities.</summary>
public sealed record Relationship(RelationshipRecord Record, Entity From, Entity To)
{
    public RelationshipType Type => Record.Type;
}
