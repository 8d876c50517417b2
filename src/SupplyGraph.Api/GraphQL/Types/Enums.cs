using GraphQL.Types;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Api.GraphQL.Types;

// The enums are spelled in CONSTANT_CASE by EnumerationGraphType: TRAINED_ON, AI_LAB, MAX_HOPS.

public sealed class EntityKindType : EnumerationGraphType<EntityKind>
{
    public EntityKindType() => Name = "EntityKind";
}

public sealed class ActorCategoryType : EnumerationGraphType<ActorCategory>
{
    public ActorCategoryType() => Name = "ActorCategory";
}

public sealed class RelationshipTypeType : EnumerationGraphType<RelationshipType>
{
    public RelationshipTypeType() => Name = "RelationshipType";
}

public sealed class RelationshipStatusType : EnumerationGraphType<RelationshipStatus>
{
    public RelationshipStatusType() => Name = "RelationshipStatus";
}

public sealed class RelationshipRoleType : EnumerationGraphType<RelationshipRole>
{
    public RelationshipRoleType() => Name = "RelationshipRole";
}

public sealed class RelationshipEndType : EnumerationGraphType<RelationshipEnd>
{
    public RelationshipEndType() => Name = "RelationshipEnd";
}

public sealed class SupplyChainStageType : EnumerationGraphType<SupplyChainStage>
{
    public SupplyChainStageType() => Name = "SupplyChainStage";
}

public sealed class TraversalLimitType : EnumerationGraphType<TraversalLimit>
{
    public TraversalLimitType() => Name = "TraversalLimit";
}
