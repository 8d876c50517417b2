using GraphQL.Types;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Api.GraphQL.Types;

// The enums are spelled in CONSTANT_CASE by EnumerationGraphType: TRAINED_ON, AI_LAB, MAX_HOPS.

internal sealed class EntityKindType : EnumerationGraphType<EntityKind>
{
    public EntityKindType() => Name = "EntityKind";
}

internal sealed class ActorCategoryType : EnumerationGraphType<ActorCategory>
{
    public ActorCategoryType() => Name = "ActorCategory";
}

internal sealed class RelationshipTypeType : EnumerationGraphType<RelationshipType>
{
    public RelationshipTypeType() => Name = "RelationshipType";
}

internal sealed class RelationshipStatusType : EnumerationGraphType<RelationshipStatus>
{
    public RelationshipStatusType() => Name = "RelationshipStatus";
}

internal sealed class RelationshipRoleType : EnumerationGraphType<RelationshipRole>
{
    public RelationshipRoleType() => Name = "RelationshipRole";
}

internal sealed class RelationshipEndType : EnumerationGraphType<RelationshipEnd>
{
    public RelationshipEndType() => Name = "RelationshipEnd";
}

internal sealed class SupplyChainStageType : EnumerationGraphType<SupplyChainStage>
{
    public SupplyChainStageType() => Name = "SupplyChainStage";
}

internal sealed class TraversalLimitType : EnumerationGraphType<TraversalLimit>
{
    public TraversalLimitType() => Name = "TraversalLimit";
}
