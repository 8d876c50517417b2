namespace SupplyGraph.Domain.Vocabulary;

/// <summary>The kinds of entity. Each name is also the entity's node label in Neo4j.</summary>
public enum EntityKind
{
    Actor,
    Chip,
    Model,
    Regulation,
}
