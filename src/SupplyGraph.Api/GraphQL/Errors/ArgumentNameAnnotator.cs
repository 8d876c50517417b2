using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace SupplyGraph.Api.GraphQL.Errors;

/// <summary>
/// Adds <c>argument</c> (and <c>variable</c>) to graphql-dotnet's errors about malformed argument values,
/// using the parsed document: a bad literal is matched to the argument that holds it, a bad variable to the
/// argument it is passed to (or, when it is passed to several, the variable itself, prefixed <c>$</c>).
/// </summary>
internal static class ArgumentNameAnnotator
{
    public static void Annotate(ExecutionResult result, GraphQLDocument? document)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Errors is not { Count: > 0 } errors)
        {
            return;
        }

        var arguments = document is null ? [] : DocumentArguments.Collect(document);
        foreach (var error in errors)
        {
            if (error is not ValidationError validation || !ArgumentValueErrors.IsArgumentValueError(validation))
            {
                continue;
            }

            var (argument, variable) = Locate(validation, arguments);
            argument ??= ArgumentValueErrors.ArgumentFromMessage(validation);
            error.Extensions ??= new Dictionary<string, object?>();
            if (argument is not null)
            {
                error.Extensions[ErrorExtensionKeys.Argument] = argument;
            }

            if (variable is not null)
            {
                error.Extensions[ErrorExtensionKeys.Variable] = "$" + variable;
            }
        }
    }

    private static (string? Argument, string? Variable) Locate(ValidationError error, IReadOnlyList<GraphQLArgument> arguments)
    {
        foreach (var node in error.Nodes ?? [])
        {
            switch (node)
            {
                case GraphQLArgument argument:
                    return (argument.Name.StringValue, null);
                case GraphQLVariableDefinition definition:
                    var variable = definition.Variable.Name.StringValue;
                    var names = arguments
                        .Where(argument => DocumentArguments.References(argument.Value, variable))
                        .Select(argument => argument.Name.StringValue)
                        .Distinct(StringComparer.Ordinal)
                        .ToList();
                    return (names.Count == 1 ? names[0] : "$" + variable, variable);
                case GraphQLValue value:
                    var holder = arguments.FirstOrDefault(argument => DocumentArguments.Contains(argument.Value, value));
                    if (holder is not null)
                    {
                        return (holder.Name.StringValue, null);
                    }

                    break;
            }
        }

        return (null, null);
    }
}
