using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Generator;

/// <summary>What a run wrote: entity counts per tier, relationship counts per type, bytes.</summary>
public sealed class GeneratorSummary
{
    private readonly int[] entitiesByTier;
    private readonly long[] relationshipsByType;

    internal GeneratorSummary(int[] entitiesByTier, long[] relationshipsByType, long bytes)
    {
        this.entitiesByTier = entitiesByTier;
        this.relationshipsByType = relationshipsByType;
        Bytes = bytes;
    }

    public int Entities => entitiesByTier.Sum();

    public long Relationships => relationshipsByType.Sum();

    /// <summary>UTF-8 bytes written to the stream.</summary>
    public long Bytes { get; }

    public int EntitiesOf(SyntheticTier tier) => entitiesByTier[(int)tier];

    public long RelationshipsOf(RelationshipType type) => relationshipsByType[(int)type];

    public override string ToString() =>
        $"{Entities:N0} entities, {Relationships:N0} relationships ("
        + string.Join(", ", Enum.GetValues<RelationshipType>().Where(type => RelationshipsOf(type) > 0).Select(type => $"{type.Name()} {RelationshipsOf(type):N0}"))
        + $"), {Bytes:N0} bytes";
}
