using GraphQLParser.AST;

namespace SupplyGraph.Api.GraphQL.Errors;

/// <summary>Every argument written in a document (on fields and directives), and what their values refer to.</summary>
internal static class DocumentArguments
{
    public static List<GraphQLArgument> Collect(GraphQLDocument document)
    {
        var found = new List<GraphQLArgument>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    AddDirectives(operation.Directives, found);
                    AddSelections(operation.SelectionSet, found);
                    break;
                case GraphQLFragmentDefinition fragment:
                    AddDirectives(fragment.Directives, found);
                    AddSelections(fragment.SelectionSet, found);
                    break;
            }
        }

        return found;
    }

    /// <summary>True when <paramref name="value"/> is, or contains, the variable <c>$name</c>.</summary>
    public static bool References(GraphQLValue value, string name) => value switch
    {
        GraphQLVariable variable => variable.Name.StringValue == name,
        GraphQLListValue list => list.Values?.Any(item => References(item, name)) ?? false,
        GraphQLObjectValue obj => obj.Fields?.Any(field => References(field.Value, name)) ?? false,
        _ => false,
    };

    /// <summary>True when <paramref name="target"/> is <paramref name="value"/> or nested in it.</summary>
    public static bool Contains(GraphQLValue value, GraphQLValue target) =>
        ReferenceEquals(value, target) || value switch
        {
            GraphQLListValue list => list.Values?.Any(item => Contains(item, target)) ?? false,
            GraphQLObjectValue obj => obj.Fields?.Any(field => Contains(field.Value, target)) ?? false,
            _ => false,
        };

    private static void AddSelections(GraphQLSelectionSet? selectionSet, List<GraphQLArgument> found)
    {
        foreach (var selection in selectionSet?.Selections ?? [])
        {
            switch (selection)
            {
                case GraphQLField field:
                    found.AddRange(field.Arguments?.Items ?? []);
                    AddDirectives(field.Directives, found);
                    AddSelections(field.SelectionSet, found);
                    break;
                case GraphQLInlineFragment inline:
                    AddDirectives(inline.Directives, found);
                    AddSelections(inline.SelectionSet, found);
                    break;
                case GraphQLFragmentSpread spread:
                    AddDirectives(spread.Directives, found);
                    break;
            }
        }
    }

    private static void AddDirectives(GraphQLDirectives? directives, List<GraphQLArgument> found)
    {
        foreach (var directive in directives?.Items ?? [])
        {
            found.AddRange(directive.Arguments?.Items ?? []);
        }
    }
}
