using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Validation;
using GraphQL.Validation.Errors;

namespace SupplyGraph.Api.GraphQL.Errors;

/// <summary>
/// Recognizes graphql-dotnet's errors about a malformed argument value (a literal that does not parse,
/// a variable whose value does not coerce) and the argument or variable they are about.
/// </summary>
internal static partial class ArgumentValueErrors
{
    public static bool IsArgumentValueError(ExecutionError error) =>
        error is InvalidLiteralError or InvalidValueError or InvalidVariableError or ArgumentsOfCorrectTypeError;

    /// <summary>The argument named by the error's message, when the message names one.</summary>
    public static string? ArgumentFromMessage(ExecutionError error)
    {
        var match = ArgumentInMessage().Match(error.Message);
        if (match.Success)
        {
            return match.Groups["name"].Value;
        }

        match = VariableInMessage().Match(error.Message);
        return match.Success ? "$" + match.Groups["name"].Value : null;
    }

    public static TException? FindInner<TException>(Exception error)
        where TException : Exception
    {
        for (var current = error.InnerException; current is not null; current = current.InnerException)
        {
            if (current is TException found)
            {
                return found;
            }
        }

        return null;
    }

    [GeneratedRegex(@"[Aa]rgument '(?<name>[_A-Za-z][_0-9A-Za-z]*)'")]
    private static partial Regex ArgumentInMessage();

    [GeneratedRegex(@"[Vv]ariable '\$(?<name>[_A-Za-z][_0-9A-Za-z]*)'")]
    private static partial Regex VariableInMessage();
}
