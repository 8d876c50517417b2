using Microsoft.Extensions.Options;
using SupplyGraph.Api.Hosting;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats;

namespace SupplyGraph.Cli;

/// <summary>Runs a verb and turns what can go wrong into a message on standard error and an exit code.</summary>
internal static class CommandFailures
{
    public static async Task<int> GuardAsync(CliConsole console, Func<Task<int>> verb, CancellationToken cancellationToken)
    {
        try
        {
            return await verb();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("Interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (DatasetValidationException exception)
        {
            await WriteErrorsAsync(console.Error, exception);
            return ExitCodes.InvalidInput;
        }
        catch (InputFormatException exception)
        {
            await console.Error.WriteLineAsync($"error: {CredentialRedaction.Redact(exception.Message)}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception exception) when (exception is EntityNotFoundException or AmbiguousReferenceException)
        {
            await console.Error.WriteLineAsync($"error: {CredentialRedaction.Redact(exception.Message)}");
            return ExitCodes.NotFound;
        }
        catch (ArgumentException exception) when (exception is not ArgumentNullException)
        {
            // What an input or the stored graph cannot be written as (a ';' inside a list item for CSV, say).
            await console.Error.WriteLineAsync($"error: {CredentialRedaction.Redact(exception.Message)}");
            return ExitCodes.InvalidInput;
        }
        catch (InvalidArgumentException exception)
        {
            await console.Error.WriteLineAsync($"error: {CredentialRedaction.Redact(exception.Message)}");
            return ExitCodes.Usage;
        }
        catch (Exception exception) when (exception is OptionsValidationException or StoreUnavailableException or StoreErrorException or HttpRequestException
            or InvalidOperationException or UnauthorizedAccessException or IOException)
        {
            await console.Error.WriteLineAsync($"error: {CredentialRedaction.Redact(exception.Message)}");
            return exception is IOException or UnauthorizedAccessException ? ExitCodes.InvalidInput : ExitCodes.StoreUnavailable;
        }
    }

    /// <summary>Every error of an invalid input, one per line as <c>file:line:column: where: message</c>.</summary>
    public static async Task WriteErrorsAsync(TextWriter writer, DatasetValidationException exception)
    {
        if (exception.Errors.Count == 0)
        {
            await writer.WriteLineAsync(CredentialRedaction.Redact(exception.Message));
            return;
        }

        foreach (var error in exception.Errors)
        {
            await writer.WriteLineAsync(CredentialRedaction.Redact(error.ToString()));
        }
    }
}
