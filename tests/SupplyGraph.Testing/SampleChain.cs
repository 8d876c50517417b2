using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using static SupplyGraph.Domain.Vocabulary.RelationshipType;

namespace SupplyGraph.Testing;

/// <summary>
/// A small chain shaped like the real one, with the traps the questions must get right:
/// a designer's other chip (restricted by another rule) that the lab does not use, a platform that also
/// serves an unrelated model, the lab's own cloud serving a model trained on that other chip,
/// dated relationships and a rule that is not yet in force before its date.
/// </summary>
public static class SampleChain
{
    public static readonly DateOnly Rule2022Effective = new(2022, 10, 21);
    public static readonly DateOnly Rule2023Effective = new(2023, 11, 17);
    public static readonly DateOnly ModelTrained = new(2024, 6, 1);

    public static Dataset Build() => new DatasetBuilder("sample-chain")
        .Actor("sand-co", ActorCategory.RawMaterials)
        .Actor("tool-co", ActorCategory.Equipment)
        .Actor("fab-co", ActorCategory.Foundry)
        .Actor("mem-co", ActorCategory.Memory)
        .Actor("design-co", ActorCategory.ChipDesigner)
        .Actor("cloud-a", ActorCategory.CloudProvider, "Cloud A")
        .Actor("cloud-b", ActorCategory.CloudProvider, "Cloud B")
        .Actor("fund", ActorCategory.Investor)
        .Actor("lab", ActorCategory.AiLab, "Lab", "The Lab AI")
        .Actor("other-lab", ActorCategory.AiLab)
        .Actor("platform", ActorCategory.DeploymentPlatform)
        .Actor("regulator", ActorCategory.Regulator)
        .Chip("chip-x", "design-co")
        .Chip("chip-y", "design-co")
        .Model("model-1", "lab")
        .Model("other-model", "other-lab")
        .Model("served-model", "other-lab")
        .Regulation("rule-2022", Rule2022Effective)
        .Regulation("rule-2023", Rule2023Effective)
        .Link("sand-co", Supplies, "fab-co")
        .Link("tool-co", Supplies, "fab-co")
        .Link("mem-co", Supplies, "chip-x")
        .Link("design-co", Designs, "chip-x")
        .Link("design-co", Designs, "chip-y")
        .Link("fab-co", Fabricates, "chip-x")
        .Link("fab-co", Fabricates, "chip-y")
        .Link("cloud-a", Operates, "chip-x")
        .Link("cloud-a", Hosts, "lab")
        .Link("lab", BackedBy, "fund")
        .Link("lab", Develops, "model-1", validFrom: ModelTrained)
        .Link("model-1", TrainedOn, "chip-x", validFrom: ModelTrained, note: "~1,000 chips")
        .Link("model-1", AvailableOn, "platform", validFrom: ModelTrained)
        .Link("model-1", AvailableOn, "cloud-b", validFrom: ModelTrained)
        .Link("other-lab", Develops, "other-model")
        .Link("other-model", AvailableOn, "platform")
        .Link("other-lab", Develops, "served-model")
        .Link("served-model", TrainedOn, "chip-y")
        .Link("served-model", AvailableOn, "cloud-a")
        .Link("chip-x", RestrictedBy, "rule-2023", validFrom: Rule2023Effective)
        .Link("chip-y", RestrictedBy, "rule-2022", validFrom: Rule2022Effective)
        .Link("rule-2022", IssuedBy, "regulator")
        .Link("rule-2023", IssuedBy, "regulator")
        .Link("lab", CompetesWith, "other-lab")
        .Build();
}
