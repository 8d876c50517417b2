namespace SupplyGraph.Domain.Vocabulary;

/// <summary>The ordered stages of the chain, raw silicon first, deployment last.</summary>
public enum SupplyChainStage
{
    RawMaterials,
    Equipment,
    Manufacturing,
    ChipDesign,
    Chips,
    Compute,
    Capital,
    Labs,
    Models,
    Deployment,
}
