using GraphQL.Types;
using SupplyGraph.Domain.Questions;

namespace SupplyGraph.Api.GraphQL.Types;

internal sealed class PathType : ObjectGraphType<GraphPath>
{
    public PathType()
    {
        Name = "Path";
        Description = "A walk through the graph: the entities in order and the relationship between each pair, in its own direction.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityInterface>>>>("entities").Resolve(context => context.Source.Entities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipGraphType>>>>("relationships").Resolve(context => context.Source.Relationships);
        Field<NonNullGraphType<IntGraphType>>("length").Resolve(context => context.Source.Length);
        Field<NonNullGraphType<StringGraphType>>("summary")
            .Description("The path as Cypher draws it, each relationship in its own direction: (deepseek)-[:DEVELOPS]->(deepseek-v3)<-[:HOSTS]-(huawei-cloud).")
            .Resolve(context => context.Source.Summary);
    }
}

internal sealed class ExplorationType : ObjectGraphType<Exploration>
{
    public ExplorationType()
    {
        Name = "Exploration";
        Description = "How much a question explored, and which limits cut it short.";
        Field<NonNullGraphType<LongGraphType>>("relationships").Description("Relationships examined.").Resolve(context => context.Source.Relationships);
        Field<NonNullGraphType<IntGraphType>>("entities").Description("Entities reached.").Resolve(context => context.Source.Entities);
        Field<NonNullGraphType<IntGraphType>>("depth").Description("Deepest hop reached.").Resolve(context => context.Source.Depth);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TraversalLimitType>>>>("cutBy").Resolve(context => context.Source.CutBy);
    }
}

internal sealed class StageType : ObjectGraphType<StageGroup>
{
    public StageType()
    {
        Name = "Stage";
        Field<NonNullGraphType<SupplyChainStageType>>("stage").Resolve(context => context.Source.Stage);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityInterface>>>>("entities").Resolve(context => context.Source.Entities);
    }
}

internal sealed class ProfileType : ObjectGraphType<EntityProfile>
{
    public ProfileType()
    {
        Name = "Profile";
        Description = "One entity with every relationship it takes part in on the day, each with its evidence.";
        Field<NonNullGraphType<EntityInterface>>("entity").Resolve(context => context.Source.Entity);
        Field<NonNullGraphType<CalendarDateType>>("asOf").Resolve(context => context.Source.AsOf);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipGraphType>>>>("relationships").Resolve(context => context.Source.Relationships);
        Field<StringGraphType>("answeredAt").Description("Which state of the store answered: on Neo4j the bookmark of the last commit the answer reflects, on the embedded store its file's change counter; null where the store has none (an in-memory store).").Resolve(context => context.Source.AnsweredAt);
    }
}

internal sealed class SupplyChainType : ObjectGraphType<SupplyChainAnswer>
{
    public SupplyChainType()
    {
        Name = "SupplyChain";
        Description = "Everything upstream and downstream of an entity, grouped in stages from raw materials to deployment.";
        Field<NonNullGraphType<EntityInterface>>("focus").Resolve(context => context.Source.Focus);
        Field<NonNullGraphType<CalendarDateType>>("asOf").Resolve(context => context.Source.AsOf);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StageType>>>>("stages").Resolve(context => context.Source.Stages);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipGraphType>>>>("relationships").Resolve(context => context.Source.Relationships);
        Field<NonNullGraphType<BooleanGraphType>>("partial").Resolve(context => context.Source.Partial);
        Field<NonNullGraphType<ExplorationType>>("explored").Resolve(context => context.Source.Explored);
        Field<StringGraphType>("answeredAt").Description("Which state of the store answered: on Neo4j the bookmark of the last commit the answer reflects, on the embedded store its file's change counter; null where the store has none (an in-memory store).").Resolve(context => context.Source.AnsweredAt);
    }
}

internal sealed class ControlHitType : ObjectGraphType<ControlHit>
{
    public ControlHitType()
    {
        Name = "ControlHit";
        Field<NonNullGraphType<RegulationType>>("regulation").Resolve(context => context.Source.Regulation);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathType>>>>("paths").Resolve(context => context.Source.Paths);
    }
}

internal sealed class ExportControlsType : ObjectGraphType<ExportControlsAnswer>
{
    public ExportControlsType()
    {
        Name = "ExportControls";
        Description = "The regulations in force that restrict an entity or anything it depends on, with the paths as evidence.";
        Field<NonNullGraphType<EntityInterface>>("entity").Resolve(context => context.Source.Entity);
        Field<NonNullGraphType<CalendarDateType>>("asOf").Resolve(context => context.Source.AsOf);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ControlHitType>>>>("hits").Resolve(context => context.Source.Hits);
        Field<NonNullGraphType<BooleanGraphType>>("partial").Resolve(context => context.Source.Partial);
        Field<NonNullGraphType<ExplorationType>>("explored").Resolve(context => context.Source.Explored);
        Field<StringGraphType>("answeredAt").Description("Which state of the store answered: on Neo4j the bookmark of the last commit the answer reflects, on the embedded store its file's change counter; null where the store has none (an in-memory store).").Resolve(context => context.Source.AnsweredAt);
    }
}

internal sealed class ExposedEntityType : ObjectGraphType<ExposedEntity>
{
    public ExposedEntityType()
    {
        Name = "ExposedEntity";
        Field<NonNullGraphType<EntityInterface>>("entity").Resolve(context => context.Source.Entity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathType>>>>("paths").Resolve(context => context.Source.Paths);
    }
}

internal sealed class ExposureType : ObjectGraphType<ExposureAnswer>
{
    public ExposureType()
    {
        Name = "Exposure";
        Description = "Every entity a regulation touches, directly or through what depends on it.";
        Field<NonNullGraphType<RegulationType>>("regulation").Resolve(context => context.Source.Regulation);
        Field<NonNullGraphType<CalendarDateType>>("asOf").Resolve(context => context.Source.AsOf);
        Field<NonNullGraphType<BooleanGraphType>>("inForce").Resolve(context => context.Source.InForce);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExposedEntityType>>>>("exposed").Resolve(context => context.Source.Exposed);
        Field<NonNullGraphType<BooleanGraphType>>("partial").Resolve(context => context.Source.Partial);
        Field<NonNullGraphType<ExplorationType>>("explored").Resolve(context => context.Source.Explored);
        Field<StringGraphType>("answeredAt").Description("Which state of the store answered: on Neo4j the bookmark of the last commit the answer reflects, on the embedded store its file's change counter; null where the store has none (an in-memory store).").Resolve(context => context.Source.AnsweredAt);
    }
}

internal sealed class PathResultType : ObjectGraphType<PathAnswer>
{
    public PathResultType()
    {
        Name = "PathResult";
        Description = "The shortest paths between two entities, in either direction.";
        Field<NonNullGraphType<EntityInterface>>("from").Resolve(context => context.Source.From);
        Field<NonNullGraphType<EntityInterface>>("to").Resolve(context => context.Source.To);
        Field<NonNullGraphType<CalendarDateType>>("asOf").Resolve(context => context.Source.AsOf);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathType>>>>("paths").Resolve(context => context.Source.Paths);
        Field<NonNullGraphType<BooleanGraphType>>("partial").Resolve(context => context.Source.Partial);
        Field<NonNullGraphType<ExplorationType>>("explored").Resolve(context => context.Source.Explored);
        Field<StringGraphType>("answeredAt").Description("Which state of the store answered: on Neo4j the bookmark of the last commit the answer reflects, on the embedded store its file's change counter; null where the store has none (an in-memory store).").Resolve(context => context.Source.AnsweredAt);
    }
}
