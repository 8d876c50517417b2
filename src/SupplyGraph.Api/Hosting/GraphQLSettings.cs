namespace SupplyGraph.Api.Hosting;

/// <summary>The <c>SupplyGraph:GraphQL</c> section: which documents the GraphQL endpoint runs.</summary>
public sealed class GraphQLSettings
{
    public const string SectionName = "GraphQL";

    /// <summary>
    /// When true, a request runs only a trusted document: sent by its <c>documentId</c>, or as the exact text of one.
    /// Any other query text is refused (<c>PERSISTED_DOCUMENT_REQUIRED</c>): GraphiQL and introspection then stop
    /// working. Off by default.
    /// </summary>
    public bool TrustedDocumentsOnly { get; set; }

    /// <summary>
    /// A JSON manifest of more trusted documents (<c>{"sha256:&lt;hex&gt;": "&lt;query text&gt;"}</c>, the dashboard's
    /// format), for other clients; read at start, every identifier checked against its text. A relative path is
    /// resolved against the content root. None by default: the dashboard's own documents are always trusted.
    /// </summary>
    public string? TrustedDocumentsFile { get; set; }
}
