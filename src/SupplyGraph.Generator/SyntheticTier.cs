namespace SupplyGraph.Generator;

/// <summary>The tiers of the synthetic chain, upstream first. Each tier is one kind of entity (and, for actors, one category).</summary>
public enum SyntheticTier
{
    RawMaterials,
    Equipment,
    Foundry,
    Memory,
    ChipDesigner,
    Chip,
    CloudProvider,
    AiLab,
    Model,
    DeploymentPlatform,
    Investor,
    Regulator,
    Regulation,
}
