using static SupplyGraph.Domain.Vocabulary.RelationshipRole;

namespace SupplyGraph.Domain.Vocabulary;

/// <summary>The relationship table: the single definition the README, the validator, the stores and Cypher lint read.</summary>
public static class RelationshipTypes
{
    private static readonly RelationshipTypeInfo[] Table =
    [
        new(RelationshipType.Supplies, "SUPPLIES", [EntityKind.Actor], [EntityKind.Actor, EntityKind.Chip], Supply, RelationshipEnd.From,
            "from supplies goods or services (wafers, equipment, memory, components) to the actor or chip"),
        new(RelationshipType.Fabricates, "FABRICATES", [EntityKind.Actor], [EntityKind.Chip], Supply, RelationshipEnd.From,
            "the foundry manufactures the chip (or its dies)"),
        new(RelationshipType.Designs, "DESIGNS", [EntityKind.Actor], [EntityKind.Chip], Product, RelationshipEnd.From,
            "the chip designer designs the chip"),
        new(RelationshipType.Operates, "OPERATES", [EntityKind.Actor], [EntityKind.Chip], Supply, RelationshipEnd.To,
            "the actor runs a fleet or cluster of the chip (a cloud's accelerators, a lab's training cluster)"),
        new(RelationshipType.Hosts, "HOSTS", [EntityKind.Actor], [EntityKind.Actor, EntityKind.Model], Supply, RelationshipEnd.From,
            "the cloud provider supplies compute or hosting to the lab or model"),
        new(RelationshipType.Develops, "DEVELOPS", [EntityKind.Actor], [EntityKind.Model], Product, RelationshipEnd.From,
            "the lab develops the model"),
        new(RelationshipType.TrainedOn, "TRAINED_ON", [EntityKind.Model], [EntityKind.Chip], Supply, RelationshipEnd.To,
            "the model was trained on the chip"),
        // Funding is not supply: a lab does not pick up its investor's chips or restrictions. Compute a backer provides
        // is a claim of its own (the backer HOSTS the lab), with its own sources.
        new(RelationshipType.BackedBy, "BACKED_BY", [EntityKind.Actor], [EntityKind.Actor], Context, null,
            "the actor is funded or owned by the investor (money, not supply: not walked; compute the backer provides is stated as HOSTS)"),
        new(RelationshipType.AvailableOn, "AVAILABLE_ON", [EntityKind.Model], [EntityKind.Actor], Serving, RelationshipEnd.From,
            "the model is served or distributed on the platform"),
        new(RelationshipType.RestrictedBy, "RESTRICTED_BY", [EntityKind.Actor, EntityKind.Chip, EntityKind.Model], [EntityKind.Regulation], Control, null,
            "the subject is restricted by the regulation"),
        new(RelationshipType.IssuedBy, "ISSUED_BY", [EntityKind.Regulation], [EntityKind.Actor], Context, null,
            "the regulation was issued by the regulator"),
        new(RelationshipType.SubsidiaryOf, "SUBSIDIARY_OF", [EntityKind.Actor], [EntityKind.Actor], Context, null,
            "the actor is a unit or subsidiary of the parent"),
        new(RelationshipType.CompetesWith, "COMPETES_WITH", [EntityKind.Actor, EntityKind.Model], [EntityKind.Actor, EntityKind.Model], Context, null,
            "the two are peers or competitors (read both ways)"),
    ];

    private static readonly Dictionary<string, RelationshipTypeInfo> ByName =
        Table.ToDictionary(info => info.Name, StringComparer.Ordinal);

    public static IReadOnlyList<RelationshipTypeInfo> All => Table;

    public static RelationshipTypeInfo Info(RelationshipType type) => Table[(int)type];

    public static string Name(this RelationshipType type) => Table[(int)type].Name;

    public static bool TryParse(string? name, out RelationshipType type)
    {
        if (name is not null && ByName.TryGetValue(name, out var info))
        {
            type = info.Type;
            return true;
        }

        type = default;
        return false;
    }
}
