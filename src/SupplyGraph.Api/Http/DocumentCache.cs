using GraphQLParser.AST;

namespace SupplyGraph.Api.Http;

/// <summary>
/// Parsed documents by query text, so a dashboard or client sending the same query again (with other variables) is
/// neither parsed nor validated again. Bounded by entries and by the bytes of the cached texts (UTF-16, two per
/// character; a document's nodes point into its text, and the parse limits keep their number in proportion to it).
/// When a new text does not fit, the least recently used ones are evicted to make room: a fill-once table stopped
/// caching for good after its first thousand texts (issue 20). Only documents that parsed are cached; a document is
/// marked validated once it has run with the validation rules and passed them (graphql-dotnet's rules look at the
/// document and schema only, never at variables).
/// </summary>
internal sealed class DocumentCache
{
    public const int DefaultMaxEntries = 1_000;

    public const long DefaultMaxBytes = 8 * 1024 * 1024;

    private readonly int maxEntries;
    private readonly long maxBytes;

    // One lock for the map and the recency list: a hit moves one node, so the lock is held for a few instructions.
    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> byText = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> mostRecentFirst = new();
    private long bytes;

    public DocumentCache(int maxEntries, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /// <summary>Hits, misses, evictions and size, for the metrics.</summary>
    public DocumentCacheCounters Counters { get; } = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return byText.Count;
            }
        }
    }

    /// <summary>The bytes the cached texts take (UTF-16).</summary>
    public long Bytes
    {
        get
        {
            lock (gate)
            {
                return bytes;
            }
        }
    }

    /// <summary>The bytes a text is counted for.</summary>
    public static long BytesOf(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return (long)query.Length * sizeof(char);
    }

    /// <summary>The cached document for <paramref name="query"/>, which becomes the most recently used; counts a hit or a miss.</summary>
    public bool TryGet(string query, out CachedDocument cached)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (gate)
        {
            if (byText.TryGetValue(query, out var node))
            {
                mostRecentFirst.Remove(node);
                mostRecentFirst.AddFirst(node);
                cached = node.Value.Document;
                Counters.CountHit();
                return true;
            }
        }

        Counters.CountMiss();
        cached = null!;
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="document"/> for <paramref name="query"/>, evicting the least recently used texts to make
    /// room; returns the entry to use either way (the one already cached when another request added it first). A text
    /// larger than the whole bound is not kept.
    /// </summary>
    public CachedDocument Add(string query, GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(document);
        var entry = new CachedDocument(document);
        var size = BytesOf(query);
        if (size > maxBytes)
        {
            return entry;
        }

        lock (gate)
        {
            if (byText.TryGetValue(query, out var existing))
            {
                return existing.Value.Document;
            }

            while (byText.Count > 0 && (byText.Count >= maxEntries || bytes + size > maxBytes))
            {
                EvictLeastRecentlyUsed();
            }

            byText.Add(query, mostRecentFirst.AddFirst(new Entry(query, size, entry)));
            bytes += size;
            Counters.SetSize(byText.Count, bytes);
        }

        return entry;
    }

    private void EvictLeastRecentlyUsed()
    {
        var oldest = mostRecentFirst.Last!;
        mostRecentFirst.RemoveLast();
        byText.Remove(oldest.Value.Text);
        bytes -= oldest.Value.Bytes;
        Counters.CountEviction();
        Counters.SetSize(byText.Count, bytes);
    }

    private sealed record Entry(string Text, long Bytes, CachedDocument Document);
}

/// <summary>
/// What the document cache has done since the service started: read by the metrics (issue 21) without touching the
/// cache's lock. Each value is read atomically; the set of them is not one snapshot.
/// </summary>
public sealed class DocumentCacheCounters
{
    private long hits;
    private long misses;
    private long evictions;
    private long entries;
    private long bytes;

    /// <summary>Requests whose query text was cached (neither parsed nor validated again).</summary>
    public long Hits => Interlocked.Read(ref hits);

    /// <summary>Requests whose query text was not cached (parsed, and cached when it parsed).</summary>
    public long Misses => Interlocked.Read(ref misses);

    /// <summary>Texts dropped to make room for newer ones.</summary>
    public long Evictions => Interlocked.Read(ref evictions);

    /// <summary>Texts cached now.</summary>
    public long Entries => Interlocked.Read(ref entries);

    /// <summary>Bytes of the texts cached now (UTF-16).</summary>
    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>Hits over lookups, 0 before the first lookup.</summary>
    public double HitRate
    {
        get
        {
            var (hit, miss) = (Hits, Misses);
            return hit + miss == 0 ? 0 : (double)hit / (hit + miss);
        }
    }

    internal void CountHit() => Interlocked.Increment(ref hits);

    internal void CountMiss() => Interlocked.Increment(ref misses);

    internal void CountEviction() => Interlocked.Increment(ref evictions);

    internal void SetSize(long entryCount, long byteCount)
    {
        Interlocked.Exchange(ref entries, entryCount);
        Interlocked.Exchange(ref bytes, byteCount);
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
