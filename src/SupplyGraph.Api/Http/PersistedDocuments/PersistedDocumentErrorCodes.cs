namespace SupplyGraph.Api.Http.PersistedDocuments;

/// <summary>The <c>errors[].extensions.code</c> values of persisted document requests.</summary>
internal static class PersistedDocumentErrorCodes
{
    /// <summary>A <c>documentId</c> no trusted document has: send the text instead (the dashboard does, once).</summary>
    public const string NotFound = "PERSISTED_DOCUMENT_NOT_FOUND";

    /// <summary>
    /// An <c>extensions.persistedQuery.sha256Hash</c> no trusted document has: Apollo's automatic persisted queries
    /// code, on which its clients send the text.
    /// </summary>
    public const string QueryNotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>A <c>documentId</c> (or <c>sha256Hash</c>) that is not of the form this service reads.</summary>
    public const string InvalidId = "PERSISTED_DOCUMENT_ID_INVALID";

    /// <summary>A request whose query text and document identifier name two different documents.</summary>
    public const string Mismatch = "PERSISTED_DOCUMENT_MISMATCH";

    /// <summary>A query text that is not a trusted document while only those are answered.</summary>
    public const string Required = "PERSISTED_DOCUMENT_REQUIRED";
}
