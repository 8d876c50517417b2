using GraphQL;

namespace SupplyGraph.Api.GraphQL.Errors;

/// <summary>
/// At most <see cref="MaxErrors"/> errors in one answer, then one more that says how many were left out: 6,000
/// unknown arguments in a 60 KB request answered 1 MB of errors (issue 20), a request that amplifies itself.
/// </summary>
internal static class ErrorLimit
{
    /// <summary>Errors written in one answer before the rest are summed up in one more.</summary>
    public const int MaxErrors = 100;

    /// <summary>Keeps the first <see cref="MaxErrors"/> errors of <paramref name="result"/> and adds one coded <c>TOO_MANY_ERRORS</c> that counts the others.</summary>
    public static void Apply(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // Idempotent: an answer already capped ends with its summary (the error answers written later apply it again).
        if (result.Errors is not { Count: > MaxErrors } errors || (errors.Count == MaxErrors + 1 && errors[MaxErrors].Code == ErrorCodes.TooManyErrors))
        {
            return;
        }

        var leftOut = errors.Count - MaxErrors;
        var kept = new ExecutionErrors();
        for (var i = 0; i < MaxErrors; i++)
        {
            kept.Add(errors[i]);
        }

        kept.Add(new ExecutionError(
            $"… and {leftOut} more errors, not listed: at most {MaxErrors} are written in one answer. Fix the ones above and send the request again.")
        {
            Code = ErrorCodes.TooManyErrors,
        });
        result.Errors = kept;
    }
}
