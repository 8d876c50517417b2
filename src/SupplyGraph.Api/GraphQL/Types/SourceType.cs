using GraphQL.Types;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Api.GraphQL.Types;

internal sealed class SourceType : ObjectGraphType<Source>
{
    public SourceType()
    {
        Name = "Source";
        Description = "Where a fact comes from: a document and the place in it.";
        Field<NonNullGraphType<StringGraphType>>("document").Resolve(context => context.Source.Document);
        Field<NonNullGraphType<StringGraphType>>("locator").Resolve(context => context.Source.Locator);
        Field<StringGraphType>("url").Resolve(context => context.Source.Url);
    }
}
