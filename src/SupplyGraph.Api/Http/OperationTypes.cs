using GraphQLParser.AST;

namespace SupplyGraph.Api.Http;

/// <summary>Which kind of operation a request would run, known before it runs.</summary>
internal static class OperationTypes
{
    /// <summary>The type of the operation <paramref name="operationName"/> selects; null when the selection is not unique (execution reports that).</summary>
    public static OperationType? Selected(GraphQLDocument document, string? operationName) =>
        SelectedOperation(document, operationName)?.Operation;

    /// <summary>The operation <paramref name="operationName"/> selects; null when the selection is not unique.</summary>
    public static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        ArgumentNullException.ThrowIfNull(document);
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (string.IsNullOrEmpty(operationName))
        {
            return operations.Count == 1 ? operations[0] : null;
        }

        return operations.FirstOrDefault(operation => operation.Name?.StringValue == operationName);
    }
}
