namespace SupplyGraph.Api.Hosting;

/// <summary>
/// What a client (health, 503 answers) is told about a store that failed: the message without credentials, and
/// nothing about the host's files, whose messages name absolute paths (the service log has those).
/// </summary>
internal static class StoreFailureText
{
    public static string ForClients(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is IOException or UnauthorizedAccessException
            ? "The store's files could not be opened or read; the service log has the detail."
            : CredentialRedaction.Redact(exception.Message);
    }

    /// <summary>The detail for the service log: file messages whole, others without credentials.</summary>
    public static string ForLog(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is IOException or UnauthorizedAccessException ? exception.Message : CredentialRedaction.Redact(exception.Message);
    }
}
