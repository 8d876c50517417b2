using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using SupplyGraph.Api.GraphQL.Types;
using SupplyGraph.Api.Hosting;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Api.GraphQL.Errors;

/// <summary>
/// Writes every error as a message plus <c>extensions.code</c> and the details a client can act on
/// (suggestions, candidates, the argument at fault). Never writes exception types or stack traces.
/// </summary>
internal sealed class SupplyGraphErrorInfoProvider : IErrorInfoProvider
{
    private const string InternalErrorMessage = "An internal error occurred while resolving this field.";

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        var message = Describe(executionError, extensions);
        foreach (var (key, value) in executionError.Extensions ?? new Dictionary<string, object?>())
        {
            extensions.TryAdd(key, value);
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    private static string Describe(ExecutionError error, Dictionary<string, object?> extensions)
    {
        if (StoreErrors.IsUnavailability(error.InnerException))
        {
            extensions[ErrorExtensionKeys.Code] = ErrorCodes.StoreUnavailable;
            extensions[ErrorExtensionKeys.Retryable] = true;
            return $"The store could not be reached: {CredentialRedaction.Redact(error.InnerException!.Message)} Retry shortly.";
        }

        switch (error.InnerException)
        {
            case EntityNotFoundException notFound:
                extensions[ErrorExtensionKeys.Code] = ErrorCodes.NotFound;
                extensions[ErrorExtensionKeys.Reference] = notFound.Reference;
                extensions[ErrorExtensionKeys.Suggestions] = notFound.Suggestions;
                return notFound.Message;
            case AmbiguousReferenceException ambiguous:
                extensions[ErrorExtensionKeys.Code] = ErrorCodes.Ambiguous;
                extensions[ErrorExtensionKeys.Reference] = ambiguous.Reference;
                extensions[ErrorExtensionKeys.Candidates] = ambiguous.CandidateIds;
                return ambiguous.Message;
            case InvalidArgumentException invalid:
                extensions[ErrorExtensionKeys.Code] = ErrorCodes.InvalidArgument;
                extensions[ErrorExtensionKeys.Argument] = invalid.Argument;
                return invalid.Message;
            case StoreErrorException store:
                // The store's own error, with its status code, so an operator can act on it (not a bare 500).
                extensions[ErrorExtensionKeys.Code] = ErrorCodes.StoreError;
                extensions[ErrorExtensionKeys.StoreCode] = store.StoreCode;
                extensions[ErrorExtensionKeys.Retryable] = store.IsRetryable;
                return $"The store answered {store.StoreCode}: {CredentialRedaction.Redact(store.Message)}";
        }

        switch (error)
        {
            case ValidationError validation when ArgumentValueErrors.IsArgumentValueError(validation):
                return DescribeArgumentValueError(validation, extensions);
            case SyntaxError:
                extensions[ErrorExtensionKeys.Code] = ErrorCodes.ParseFailed;
                return error.Message;
            case ValidationError:
                extensions[ErrorExtensionKeys.Code] = ErrorCodes.ValidationFailed;
                return error.Message;
            case UnhandledError:
                extensions[ErrorExtensionKeys.Code] = ErrorCodes.InternalError;
                return InternalErrorMessage;
            case RequestError:
                extensions[ErrorExtensionKeys.Code] = ErrorCodes.BadRequest;
                return error.Message;
            default:
                extensions[ErrorExtensionKeys.Code] = error.Code ?? ErrorCodes.InternalError;
                return error.Message;
        }
    }

    private static string DescribeArgumentValueError(ValidationError error, Dictionary<string, object?> extensions)
    {
        extensions[ErrorExtensionKeys.Code] = ErrorCodes.InvalidArgument;
        var argument = error.Extensions?.TryGetValue(ErrorExtensionKeys.Argument, out var annotated) == true
            ? annotated as string
            : ArgumentValueErrors.ArgumentFromMessage(error);
        if (argument is not null)
        {
            extensions[ErrorExtensionKeys.Argument] = argument;
        }

        if (ArgumentValueErrors.FindInner<DateFormatException>(error) is { } badDate)
        {
            var variable = error.Extensions?.TryGetValue(ErrorExtensionKeys.Variable, out var named) == true ? named as string : null;
            var subject = (argument, variable) switch
            {
                (null, _) => "A Date",
                (_, null) when argument.StartsWith('$') => $"Variable {argument}",
                (_, null) => argument,
                _ when argument == variable => $"Variable {variable}",
                _ => $"Variable {variable} (argument {argument})",
            };
            return $"{subject} must be a calendar day written YYYY-MM-DD (e.g. 2023-10-17); got \"{badDate.Text}\".";
        }

        return error.Message;
    }
}
