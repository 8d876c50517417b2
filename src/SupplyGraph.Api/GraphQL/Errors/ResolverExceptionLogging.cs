using GraphQL.Execution;
using SupplyGraph.Domain.Questions;

namespace SupplyGraph.Api.GraphQL.Errors;

/// <summary>
/// The unhandled-exception delegate: a domain error (unknown entity, bad argument) is the caller's mistake
/// and is reported as is; anything else is logged here with its stack trace, which never reaches the client.
/// </summary>
internal static class ResolverExceptionLogging
{
    public static void Handle(UnhandledExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.OriginalException is EntityNotFoundException or AmbiguousReferenceException or InvalidArgumentException)
        {
            context.ErrorMessage = context.OriginalException.Message;
            return;
        }

        var logger = context.Context?.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ResolverExceptionLogging));
        if (StoreErrors.IsUnavailability(context.OriginalException))
        {
            // Expected while the store is down: one line, no stack trace.
            logger?.LogWarning(
                "The store could not be reached while resolving {Field}: {Reason}",
                context.FieldContext?.FieldDefinition.Name ?? "the request",
                Hosting.CredentialRedaction.Redact(context.OriginalException.Message));
            return;
        }

        logger?.LogError(
            context.OriginalException,
            "Unhandled exception while resolving {Field}",
            context.FieldContext?.FieldDefinition.Name ?? "the request");
    }
}
