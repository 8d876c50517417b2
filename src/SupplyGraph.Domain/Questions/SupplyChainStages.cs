using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Questions;

/// <summary>Where an entity sits in the chain, seen from the focus of a supply-chain answer.</summary>
internal static class SupplyChainStages
{
    /// <summary>
    /// The stage of an entity. A cloud provider supplies compute, unless it is reached as the platform that
    /// serves a model (AVAILABLE_ON): then it is deployment. Regulators and regulations are not in the chain.
    /// </summary>
    public static SupplyChainStage? StageOf(Entity entity, bool servesModels) => entity switch
    {
        Chip => SupplyChainStage.Chips,
        Vocabulary.Model => SupplyChainStage.Models,
        Actor actor => actor.Category switch
        {
            ActorCategory.RawMaterials => SupplyChainStage.RawMaterials,
            ActorCategory.Equipment => SupplyChainStage.Equipment,
            ActorCategory.Foundry or ActorCategory.Memory => SupplyChainStage.Manufacturing,
            ActorCategory.ChipDesigner => SupplyChainStage.ChipDesign,
            ActorCategory.CloudProvider => servesModels ? SupplyChainStage.Deployment : SupplyChainStage.Compute,
            ActorCategory.Investor => SupplyChainStage.Capital,
            ActorCategory.AiLab => SupplyChainStage.Labs,
            ActorCategory.DeploymentPlatform => SupplyChainStage.Deployment,
            _ => null,
        },
        _ => null,
    };
}
