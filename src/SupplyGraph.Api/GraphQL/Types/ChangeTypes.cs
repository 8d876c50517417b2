using GraphQL.Types;
using SupplyGraph.Domain.Questions;

namespace SupplyGraph.Api.GraphQL.Types;

internal sealed class StagedEntityType : ObjectGraphType<StagedEntity>
{
    public StagedEntityType()
    {
        Name = "StagedEntity";
        Description = "A supply-chain member in the stage it is in on the day.";
        Field<NonNullGraphType<SupplyChainStageType>>("stage").Resolve(context => context.Source.Stage);
        Field<NonNullGraphType<EntityInterface>>("entity").Resolve(context => context.Source.Entity);
    }
}

internal sealed class ChangeSideType : ObjectGraphType<ChangeSide>
{
    public ChangeSideType()
    {
        Name = "ChangeSide";
        Description = "What is in one day's answers and not in the other's.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StagedEntityType>>>>("entities")
            .Description("Supply-chain members (supplyChain's stages), each with its stage on the day it is in.")
            .Resolve(context => context.Source.Entities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipGraphType>>>>("relationships")
            .Description("Relationships of the supply chain (supplyChain's relationships).")
            .Resolve(context => context.Source.Relationships);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegulationType>>>>("regulations")
            .Description("Regulations with an exportControls hit.")
            .Resolve(context => context.Source.Regulations);
    }
}

internal sealed class ChangesType : ObjectGraphType<ChangesAnswer>
{
    public ChangesType()
    {
        Name = "Changes";
        Description = "The set differences of supplyChain and exportControls for one entity on two days: a member is one (stage, entity) pair, a relationship one key, a regulation one id.";
        Field<NonNullGraphType<EntityInterface>>("entity").Resolve(context => context.Source.Entity);
        Field<NonNullGraphType<CalendarDateType>>("from").Resolve(context => context.Source.From);
        Field<NonNullGraphType<CalendarDateType>>("to").Resolve(context => context.Source.To);
        Field<NonNullGraphType<ChangeSideType>>("entered").Description("In the answers on `to` and not on `from`.").Resolve(context => context.Source.Entered);
        Field<NonNullGraphType<ChangeSideType>>("left").Description("In the answers on `from` and not on `to`.").Resolve(context => context.Source.Left);
        Field<NonNullGraphType<BooleanGraphType>>("partial").Description("True when any of the four answers compared (supplyChain and exportControls on each day) is partial.").Resolve(context => context.Source.Partial);
        Field<StringGraphType>("answeredAt").Description("Which state of the store answered: on Neo4j the bookmark of the last commit the answer reflects, on the embedded store its file's change counter; null where the store has none (an in-memory store).").Resolve(context => context.Source.AnsweredAt);
    }
}
