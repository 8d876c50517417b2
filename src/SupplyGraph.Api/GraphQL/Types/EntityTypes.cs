using GraphQL.Types;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Api.GraphQL.Types;

internal sealed class ActorType : ObjectGraphType<Actor>
{
    public ActorType(IGraphQueries store)
    {
        Name = "Actor";
        Description = "A company, lab, investor, platform or regulator.";
        Interface<EntityInterface>();
        IsTypeOf = source => source is Actor;
        this.AddEntityFields();
        this.AddRelationshipsField(store);
        Field<NonNullGraphType<ActorCategoryType>>("category").Resolve(context => context.Source.Category);
        Field<StringGraphType>("website").Resolve(context => context.Source.Website);
    }
}

internal sealed class ChipType : ObjectGraphType<Chip>
{
    public ChipType(IGraphQueries store)
    {
        Name = "Chip";
        Description = "An accelerator or other chip.";
        Interface<EntityInterface>();
        IsTypeOf = source => source is Chip;
        this.AddEntityFields();
        this.AddRelationshipsField(store);
        Field<StringGraphType>("designerId").Description("Id of the actor that designs it.").Resolve(context => context.Source.Designer);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("foundryIds")
            .Description("Ids of the actors that fabricate it.")
            .Resolve(context => context.Source.Foundries);
        Field<StringGraphType>("process").Description("Process node as published.").Resolve(context => context.Source.Process);
    }
}

internal sealed class ModelType : ObjectGraphType<Model>
{
    public ModelType(IGraphQueries store)
    {
        Name = "Model";
        Description = "An AI model.";
        Interface<EntityInterface>();
        IsTypeOf = source => source is Model;
        this.AddEntityFields();
        this.AddRelationshipsField(store);
        Field<StringGraphType>("developerId").Description("Id of the actor that develops it.").Resolve(context => context.Source.Developer);
        Field<CalendarDateType>("releaseDate").Resolve(context => context.Source.ReleaseDate);
        Field<LongGraphType>("parameters").Description("Total parameters.").Resolve(context => context.Source.Parameters);
        Field<LongGraphType>("activeParameters").Description("Parameters active per token (mixture-of-experts models).").Resolve(context => context.Source.ActiveParameters);
    }
}

internal sealed class RegulationType : ObjectGraphType<Regulation>
{
    public RegulationType(IGraphQueries store)
    {
        Name = "Regulation";
        Description = "An export control or other rule.";
        Interface<EntityInterface>();
        IsTypeOf = source => source is Regulation;
        this.AddEntityFields();
        this.AddRelationshipsField(store);
        Field<NonNullGraphType<StringGraphType>>("issuerId").Description("Id of the regulator actor.").Resolve(context => context.Source.Issuer);
        Field<NonNullGraphType<StringGraphType>>("jurisdiction").Resolve(context => context.Source.Jurisdiction);
        Field<CalendarDateType>("announced").Resolve(context => context.Source.Announced);
        Field<NonNullGraphType<CalendarDateType>>("effective").Resolve(context => context.Source.Effective);
        Field<CalendarDateType>("rescinded").Resolve(context => context.Source.Rescinded);
        Field<NonNullGraphType<StringGraphType>>("citation").Resolve(context => context.Source.Citation);
        Field<NonNullGraphType<StringGraphType>>("summary").Resolve(context => context.Source.Summary);
    }
}
