using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace SupplyGraph.Api.Http;

/// <summary>
/// Parsed documents by query text, so a dashboard or client sending the same query again (with other variables) is
/// neither parsed nor validated again. Bounded by entries and by the total length of the cached texts; when full,
/// new texts are parsed every time rather than evicting (the common case is a handful of queries sent over and over).
/// Only documents that parsed are cached; a document is marked validated once it has run with the validation rules
/// and passed them (graphql-dotnet's rules look at the document and schema only, never at variables).
/// </summary>
internal sealed class DocumentCache(int maxEntries, long maxTotalLength)
{
    public const int DefaultMaxEntries = 1_000;

    public const long DefaultMaxTotalLength = 4 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, CachedDocument> documents = new(StringComparer.Ordinal);
    private long totalLength;

    public int Count => documents.Count;

    public bool TryGet(string query, out CachedDocument cached) => documents.TryGetValue(query, out cached!);

    /// <summary>Keeps <paramref name="document"/> for <paramref name="query"/> if there is room; returns the entry to use either way.</summary>
    public CachedDocument Add(string query, GraphQLDocument document)
    {
        var entry = new CachedDocument(document);
        if (documents.Count >= maxEntries || Interlocked.Read(ref totalLength) + query.Length > maxTotalLength)
        {
            return entry;
        }

        if (documents.TryAdd(query, entry))
        {
            Interlocked.Add(ref totalLength, query.Length);
            return entry;
        }

        return documents.TryGetValue(query, out var existing) ? existing : entry;
    }
}

/// <summary>A parsed document, shared by every request with the same text (graphql-dotnet only reads it).</summary>
internal sealed class CachedDocument(GraphQLDocument document)
{
    private volatile bool validated;

    public GraphQLDocument Document { get; } = document;

    /// <summary>True once the document passed the validation rules: later runs skip them.</summary>
    public bool Validated => validated;

    public void MarkValidated() => validated = true;
}
