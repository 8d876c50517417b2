using GraphQLParser.AST;

namespace SupplyGraph.Api.Http;

/// <summary>
/// How many root fields an operation selects, through fragments too. Every root field of the schema is a question
/// that walks the graph, so this is what bounds the work one request can ask for (aliases can repeat a field).
/// </summary>
public static class RootFieldCount
{
    public const int MaxPerRequest = 20;

    /// <summary>The count for the operation <paramref name="operationName"/> selects; 0 when none is selected.</summary>
    public static int Of(GraphQLDocument document, string? operationName)
    {
        var operation = OperationTypes.SelectedOperation(document, operationName);
        if (operation is null)
        {
            return 0;
        }

        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(fragment => fragment.FragmentName.Name.StringValue)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        return Count(operation.SelectionSet, fragments, []);
    }

    private static int Count(GraphQLSelectionSet selectionSet, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> entered)
    {
        var count = 0;
        foreach (var selection in selectionSet.Selections)
        {
            count += selection switch
            {
                GraphQLField field when field.Name.StringValue.StartsWith("__", StringComparison.Ordinal) => 0,
                GraphQLField => 1,
                GraphQLInlineFragment inline => Count(inline.SelectionSet, fragments, entered),

                // A fragment cycle is a validation error reported by execution; count each fragment once.
                GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                    && entered.Add(spread.FragmentName.Name.StringValue) => Count(fragment.SelectionSet, fragments, entered),
                _ => 0,
            };
        }

        return count;
    }
}
