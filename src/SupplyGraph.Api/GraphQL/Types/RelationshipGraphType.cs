using GraphQL.Types;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Api.GraphQL.Types;

internal sealed class RelationshipGraphType : ObjectGraphType<Relationship>
{
    public RelationshipGraphType()
    {
        Name = "Relationship";
        Description = "A directed, dated, sourced relationship between two entities.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Record.Key);
        Field<NonNullGraphType<RelationshipTypeType>>("type").Resolve(context => context.Source.Type);
        Field<NonNullGraphType<EntityInterface>>("from").Resolve(context => context.Source.From);
        Field<NonNullGraphType<EntityInterface>>("to").Resolve(context => context.Source.To);
        Field<CalendarDateType>("validFrom").Resolve(context => context.Source.Record.ValidFrom);
        Field<CalendarDateType>("validTo").Description("The last day the relationship held; open when null.").Resolve(context => context.Source.Record.ValidTo);
        Field<NonNullGraphType<RelationshipStatusType>>("status").Resolve(context => context.Source.Record.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceType>>>>("sources").Resolve(context => context.Source.Record.Sources);
        Field<StringGraphType>("note").Resolve(context => context.Source.Record.Note);
    }
}
