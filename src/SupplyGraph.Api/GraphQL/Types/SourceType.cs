using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using SupplyGraph.Domain.Datasets;
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
        // Titles are kept by document, not on each source: the store that keeps them answers for every source citing one.
        Field<StringGraphType>("title")
            .Description("The document's title from the dataset; null when the dataset names none.")
            .Resolve(context => context.RequestServices?.GetService<IDocumentTitles>()?.FindTitle(context.Source.Document)?.Title);
    }
}
