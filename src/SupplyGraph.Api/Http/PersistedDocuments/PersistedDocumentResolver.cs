using GraphQL.Transport;
using SupplyGraph.Api.GraphQL.Errors;
using SupplyGraph.Api.Hosting;

namespace SupplyGraph.Api.Http.PersistedDocuments;

/// <summary>
/// Turns a persisted document request (GraphQL over HTTP, appendix A: <c>documentId</c>; or Apollo's
/// <c>extensions.persistedQuery.sha256Hash</c>) into the document's text, before anything is parsed, so a persisted
/// document goes through the same parse, limits, cost, gate and deadline as the same text sent in full. With
/// <see cref="GraphQLSettings.TrustedDocumentsOnly"/>, a text is answered only when it is a trusted document.
/// </summary>
internal sealed class PersistedDocumentResolver(TrustedDocumentStore store, bool trustedDocumentsOnly)
{
    private const string OnlySetting = $"{SupplyGraphOptions.SectionName}:{GraphQLSettings.SectionName}:{nameof(GraphQLSettings.TrustedDocumentsOnly)}";

    private const string PersistedQueryKey = "persistedQuery";

    private const string Sha256HashKey = "sha256Hash";

    /// <summary>The text to run for <paramref name="request"/>, or why the request is refused.</summary>
    public DocumentResolution Resolve(GraphQLRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = string.IsNullOrWhiteSpace(request.Query) ? null : request.Query;
        var documentId = string.IsNullOrEmpty(request.DocumentId) ? null : request.DocumentId;
        var apollo = ApolloHash(request.Extensions, out var apolloProblem);
        if (apolloProblem is not null)
        {
            return DocumentResolution.Malformed(PersistedDocumentErrorCodes.InvalidId, apolloProblem);
        }

        if (documentId is not null && !DocumentIdentifier.IsWellFormed(documentId))
        {
            return DocumentResolution.Malformed(
                PersistedDocumentErrorCodes.InvalidId,
                $"The documentId {DocumentIdentifier.Shown(documentId)} is not an identifier this service reads: it names documents by {DocumentIdentifier.Form}.");
        }

        var apolloId = apollo is null ? null : DocumentIdentifier.Sha256Prefix + apollo;
        if (documentId is not null && apolloId is not null && documentId != apolloId)
        {
            return DocumentResolution.Malformed(
                PersistedDocumentErrorCodes.Mismatch,
                $"The request names two documents: documentId {documentId} and extensions.persistedQuery.sha256Hash {apollo}. Send one.");
        }

        var id = documentId ?? apolloId;
        if (query is not null)
        {
            if (id is not null && DocumentIdentifier.Of(query) is var actual && actual != id)
            {
                return DocumentResolution.Malformed(
                    PersistedDocumentErrorCodes.Mismatch,
                    $"The request carries a query whose identifier is {actual} and names the document {id}: send the query or the identifier of the document to run, not both (or both of the same text).");
            }

            if (trustedDocumentsOnly && !store.IsTrusted(query))
            {
                return DocumentResolution.Refused(
                    PersistedDocumentErrorCodes.Required,
                    $"Only trusted documents are answered here ({OnlySetting} is on): send the documentId of one of the {store.Count} trusted documents (the dashboard's, and those of {GraphQLSettings.SectionName}:{nameof(GraphQLSettings.TrustedDocumentsFile)}), or its exact text. Turn it off with {OnlySetting}=false (SUPPLYGRAPH_TRUSTED_DOCUMENTS_ONLY=false) to accept any query.");
            }

            return DocumentResolution.Text(query, byIdentifier: false);
        }

        if (id is null)
        {
            return DocumentResolution.Malformed(ErrorCodes.BadRequest, "The request has no \"query\" and no \"documentId\".");
        }

        if (store.TryGetText(id, out var text))
        {
            return DocumentResolution.Text(text, byIdentifier: true);
        }

        var sendText = trustedDocumentsOnly
            ? $"and only trusted documents are answered ({OnlySetting} is on)."
            : "send the query text instead.";
        return documentId is not null
            ? DocumentResolution.Refused(
                PersistedDocumentErrorCodes.NotFound,
                $"No trusted document has the documentId {documentId}: this service keeps {store.Count} (the dashboard's, from its build, and those of {GraphQLSettings.SectionName}:{nameof(GraphQLSettings.TrustedDocumentsFile)}); {sendText}")
            : DocumentResolution.Refused(
                PersistedDocumentErrorCodes.QueryNotFound,
                $"PersistedQueryNotFound: no trusted document has the sha256Hash {apollo}; this service stores no document a client sends, {sendText}");
    }

    /// <summary>Apollo's <c>extensions.persistedQuery.sha256Hash</c> when present (64 lower-case hex digits), else null; a malformed one sets <paramref name="problem"/>.</summary>
    private static string? ApolloHash(global::GraphQL.Inputs? extensions, out string? problem)
    {
        problem = null;
        if (extensions is null || !extensions.TryGetValue(PersistedQueryKey, out var persistedQuery) || persistedQuery is null)
        {
            return null;
        }

        if (persistedQuery is not IReadOnlyDictionary<string, object?> fields || !fields.TryGetValue(Sha256HashKey, out var hash) || hash is not string text || !DocumentIdentifier.IsSha256Hex(text))
        {
            problem = $"extensions.persistedQuery must be an object whose \"{Sha256HashKey}\" is the 64 lower-case hexadecimal digits of the SHA-256 of the document's UTF-8 text.";
            return null;
        }

        return text;
    }
}

/// <summary>
/// The text a request runs, or why it is refused: a malformed request (400 whatever the media type) or a request error
/// (400 under <c>application/graphql-response+json</c>, 200 under <c>application/json</c>, like a validation error).
/// </summary>
internal sealed record DocumentResolution(string? Query, bool ByIdentifier, string? Code, string? Message, bool IsMalformed)
{
    public static DocumentResolution Text(string query, bool byIdentifier) => new(query, byIdentifier, null, null, false);

    public static DocumentResolution Malformed(string code, string message) => new(null, false, code, message, true);

    public static DocumentResolution Refused(string code, string message) => new(null, false, code, message, false);
}
