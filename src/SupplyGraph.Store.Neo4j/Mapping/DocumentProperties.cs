using SupplyGraph.Domain.Datasets;

namespace SupplyGraph.Store.Neo4j.Mapping;

/// <summary>
/// How a dataset's document titles are kept in Neo4j: one <c>(:Document)</c> node per document, unique on
/// <c>document</c> (the document exactly as sources cite it), with the dataset's field names <c>title</c> and
/// <c>url</c>. Titles are kept by document, never on the sources, as the embedded store keeps them, so both stores
/// show the same title for a source. No relationship joins them to entities: a source names its document.
/// </summary>
internal static class DocumentProperties
{
    public const string DocumentKey = "document";
    public const string TitleKey = "title";
    public const string UrlKey = "url";

    /// <summary>Every property key a Document node has; Cypher lint checks the .cypher files against these.</summary>
    public static IReadOnlyList<string> PropertyKeys { get; } = [DocumentKey, TitleKey, UrlKey];

    /// <summary>One row of <c>cypher/import/upsert-documents.cypher</c>'s <c>$rows</c>: <c>{document, properties}</c>.</summary>
    public static Dictionary<string, object?> DocumentRow(DocumentTitle document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new Dictionary<string, object?> { [DocumentKey] = document.Document, ["properties"] = Properties(document) };
    }

    /// <summary>The node's properties; Neo4j keeps no null property, so a title without a url has none.</summary>
    public static Dictionary<string, object?> Properties(DocumentTitle document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var properties = new Dictionary<string, object?> { [DocumentKey] = document.Document, [TitleKey] = document.Title };
        if (document.Url is not null)
        {
            properties[UrlKey] = document.Url;
        }

        return properties;
    }

    /// <summary>
    /// The title a row of the projection's or the export's document read holds (<c>document</c>, <c>title</c>,
    /// <c>url</c>), or null with the reason when it is none of ours: a Document node made by hand without a title.
    /// </summary>
    public static DocumentTitle? ToDocumentTitle(object? document, object? title, object? url, out string? problem)
    {
        if (document is not string { Length: > 0 } cited)
        {
            problem = "a Document node without a document";
            return null;
        }

        if (title is not string text || string.IsNullOrWhiteSpace(text))
        {
            problem = $"Document \"{cited}\": no title";
            return null;
        }

        problem = null;
        return new DocumentTitle(cited, text, url as string);
    }
}
