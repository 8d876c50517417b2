namespace SupplyGraph.Domain.Vocabulary;

/// <summary>One end of a directed relationship.</summary>
public enum RelationshipEnd
{
    From,
    To,
}
