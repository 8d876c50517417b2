using GraphQL;
using GraphQLParser.AST;

namespace SupplyGraph.Api.GraphQL;

/// <summary>
/// What a field's query reads of its answer, from the document itself: a resolver asks the store to leave out a part
/// no one reads (a hub's exposure without its paths allocates a twentieth as much).
/// </summary>
internal static class Selections
{
    /// <summary>Selections looked at before giving up and answering "asked": the document is already bounded, this bounds the look.</summary>
    private const int VisitBudget = 10_000;

    /// <summary>
    /// True when the current field's selection reaches the field <paramref name="path"/> names (one field name a level,
    /// aliases ignored, through inline fragments and fragment spreads). A field under <c>@skip</c> or <c>@include</c>
    /// counts as asked, and so does anything past the visit budget: leaving a part in costs work, never a wrong answer.
    /// </summary>
    public static bool Asks(IResolveFieldContext context, params string[] path)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(path);
        if (context.FieldAst.SelectionSet is not { } selectionSet || context.Document is not { } document)
        {
            return true;
        }

        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToList();
        var visits = 0;
        return Reaches(selectionSet, 0);

        bool Reaches(GraphQLSelectionSet selections, int level)
        {
            foreach (var selection in selections.Selections)
            {
                if (++visits > VisitBudget)
                {
                    return true;
                }

                var reached = selection switch
                {
                    GraphQLField field when field.Name.StringValue == path[level] =>
                        level == path.Length - 1 || (field.SelectionSet is { } inner && Reaches(inner, level + 1)),
                    GraphQLInlineFragment inline => Reaches(inline.SelectionSet, level),

                    // Fragment cycles are refused by validation before anything is resolved.
                    GraphQLFragmentSpread spread => fragments.FirstOrDefault(fragment => fragment.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue) is { } spreadOut
                        && Reaches(spreadOut.SelectionSet, level),
                    _ => false,
                };
                if (reached)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
