using GraphQL.Types;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Api.GraphQL.Types;

/// <summary>A row of the documented relationship table.</summary>
internal sealed class RelationshipTypeInfoType : ObjectGraphType<RelationshipTypeInfo>
{
    public RelationshipTypeInfoType()
    {
        Name = "RelationshipTypeInfo";
        Description = "What a relationship type means: its direction, the kinds at each end and its role in the questions.";
        Field<NonNullGraphType<RelationshipTypeType>>("type").Resolve(context => context.Source.Type);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityKindType>>>>("fromKinds").Resolve(context => context.Source.FromKinds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityKindType>>>>("toKinds").Resolve(context => context.Source.ToKinds);
        Field<NonNullGraphType<RelationshipRoleType>>("role").Resolve(context => context.Source.Role);
        Field<RelationshipEndType>("upstreamEnd")
            .Description("Which end is upstream in the supply chain; null for types that are not dependencies.")
            .Resolve(context => context.Source.UpstreamEnd);
        Field<NonNullGraphType<StringGraphType>>("meaning").Resolve(context => context.Source.Meaning);
    }
}
