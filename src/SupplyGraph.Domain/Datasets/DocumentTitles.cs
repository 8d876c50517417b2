namespace SupplyGraph.Domain.Datasets;

/// <summary>
/// Finds the title a dataset gave a document (its <c>documents</c> list). A store that keeps titles implements it;
/// answers' sources stay as the datasets wrote them, and whoever shows a source (GraphQL's <c>Source.title</c>,
/// an export) looks its document up here.
/// </summary>
public interface IDocumentTitles
{
    /// <summary>The entry for <paramref name="document"/> (exactly as sources cite it), or null when none titles it.</summary>
    DocumentTitle? FindTitle(string document);
}

/// <summary>Titles held in memory, by document: what a store has loaded.</summary>
public sealed class DocumentTitles : IDocumentTitles
{
    private readonly Dictionary<string, DocumentTitle> byDocument = new(StringComparer.Ordinal);

    public DocumentTitles(IEnumerable<DocumentTitle> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            byDocument[document.Document] = document;
        }
    }

    public static DocumentTitles None { get; } = new([]);

    public int Count => byDocument.Count;

    public DocumentTitle? FindTitle(string document) => byDocument.GetValueOrDefault(document);
}
