namespace SupplyGraph.Domain.Vocabulary;

/// <summary>An actor's role in the chain. The dataset spells these in SCREAMING_SNAKE_CASE, as GraphQL does.</summary>
public enum ActorCategory
{
    RawMaterials,
    Equipment,
    Foundry,
    Memory,
    ChipDesigner,
    CloudProvider,
    AiLab,
    Investor,
    DeploymentPlatform,
    Regulator,
}
