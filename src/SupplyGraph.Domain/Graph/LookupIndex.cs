using System.Collections.Concurrent;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Graph;

/// <summary>
/// What finding entities by text needs, made once per <see cref="GraphIndex"/> (on first use: see
/// <see cref="GraphIndex.Lookups"/>) so a search or a suggestion costs about the same on a million entities as on a
/// hundred. Nodes are numbered in <b>display order</b> (name length, name ignoring case, id: the order search lists
/// its matches in), and every list below is in that order, so a walk that stops after the first N matches has found
/// the first N a full scan would have.
/// </summary>
/// <remarks>
/// The keys of a node are its id, name, aliases and citation keys, compared as <see cref="GraphIndex.NameKey"/> does
/// (trimmed, upper-cased invariantly).
/// <list type="bullet">
/// <item>every three characters of a key (what "contains" needs), a key's first two characters marked as a key start
/// ("starts with"), two characters after a space or a hyphen marked as a word start ("a word starts with"): hashed into
/// a fixed number of buckets; a collision only adds a candidate, and every candidate is checked against its keys;</item>
/// <item>for a text of one or two characters (no three-character gram), exactly, per piece: the nodes with a key that
/// starts with it, with a word that starts with it, and with a key that contains it (a sorted array, or a bitmap once
/// that is smaller), so a short search reads its matches, not every node;</item>
/// <item>the places of each kind, so a search for some kinds skips the others' nodes instead of reading them.</item>
/// </list>
/// </remarks>
public sealed class LookupIndex
{
    /// <summary>Keys longer than this are suggested for by trigrams only: a short reference (under three characters) is compared with short keys.</summary>
    internal const int ShortKeyLength = 13;

    private const int BucketBits = 20;
    private const int BucketMask = (1 << BucketBits) - 1;
    private const char KeyStart = '\u0001';
    private const char WordStart = '\u0002';

    private readonly GraphIndex graph;
    private readonly int[] nodeAt;
    private readonly int[] postingStart;
    private readonly int[] postings;
    private readonly Dictionary<long, PlaceSet> shortPieces;
    private readonly int[][] placesOfKind;
    private readonly int[] shortKeyed;

    // Counters per node for MostSimilar, kept all zero between uses (only the touched ones are reset): clearing or
    // allocating one per reference would cost more than the lookup on a million nodes. One per concurrent lookup.
    private readonly ConcurrentBag<int[]> counters = [];

    private long nodesRead;
    private long entriesRead;

    private LookupIndex(GraphIndex graph, int[] nodeAt, int[] postingStart, int[] postings, Dictionary<long, PlaceSet> shortPieces, int[][] placesOfKind, int[] shortKeyed)
    {
        this.graph = graph;
        this.nodeAt = nodeAt;
        this.postingStart = postingStart;
        this.postings = postings;
        this.shortPieces = shortPieces;
        this.placesOfKind = placesOfKind;
        this.shortKeyed = shortKeyed;
    }

    /// <summary>How long the index took to make.</summary>
    public TimeSpan BuildTime { get; private init; }

    /// <summary>The bytes its arrays hold (what the index adds to the graph's memory).</summary>
    public long Bytes =>
        (4L * (nodeAt.Length + postingStart.Length + postings.Length + shortKeyed.Length + placesOfKind.Sum(places => places.Length)))
        + shortPieces.Values.Sum(pieces => pieces.Bytes + 32);

    /// <summary>
    /// Nodes searches have read so far (their keys compared with the text), all searches together: exact whatever the
    /// machine's load, what the lookups benchmark reports per search.
    /// </summary>
    public long NodesRead => Interlocked.Read(ref nodesRead);

    /// <summary>Index entries searches have read so far (posting entries and bitmap words), all searches together.</summary>
    public long EntriesRead => Interlocked.Read(ref entriesRead);

    internal void CountRead(long nodes, long entries)
    {
        Interlocked.Add(ref nodesRead, nodes);
        Interlocked.Add(ref entriesRead, entries);
    }

    /// <summary>The node shown at a place in display order.</summary>
    internal int NodeAt(int place) => nodeAt[place];

    internal int Count => nodeAt.Length;

    internal static LookupIndex Build(GraphIndex graph)
    {
        var clock = Stopwatch.StartNew();
        var count = graph.NodeCount;
        var nodeAt = new int[count];
        for (var node = 0; node < count; node++)
        {
            nodeAt[node] = node;
        }

        // The order search lists matches in within a rank, so the first matches a walk meets are the ones it keeps.
        Array.Sort(nodeAt, (left, right) => CompareForDisplay(graph.Node(left), graph.Node(right)));

        // Each kind's places, counted first so each array is made once at its size.
        var placesOfKind = new int[Enum.GetValues<EntityKind>().Length][];
        var kindFill = new int[placesOfKind.Length];
        foreach (var node in nodeAt)
        {
            kindFill[(int)graph.Kind(node)]++;
        }

        for (var kind = 0; kind < placesOfKind.Length; kind++)
        {
            placesOfKind[kind] = new int[kindFill[kind]];
            kindFill[kind] = 0;
        }

        var shortPieces = new ShortPieces(count);
        var shortKeyed = new List<int>();
        var perPlaceStart = new int[count + 1];
        var grams = new List<int>(count * 32);
        var keys = new List<string>();
        var nodeGrams = new List<int>();
        for (var place = 0; place < count; place++)
        {
            var node = nodeAt[place];
            var kindOf = (int)graph.Kind(node);
            placesOfKind[kindOf][kindFill[kindOf]++] = place;
            KeysOf(graph, node, keys);
            nodeGrams.Clear();
            var hasShortKey = false;
            foreach (var raw in keys)
            {
                var key = raw.AsSpan().Trim();
                AddGrams(key, nodeGrams, shortPieces, place);
                hasShortKey |= key.Length <= ShortKeyLength;
            }

            if (hasShortKey)
            {
                shortKeyed.Add(place);
            }

            nodeGrams.Sort();
            var previous = -1;
            foreach (var bucket in nodeGrams)
            {
                if (bucket != previous)
                {
                    grams.Add(bucket);
                    previous = bucket;
                }
            }

            perPlaceStart[place + 1] = grams.Count;
        }

        // Counting sort of (bucket, place) by bucket: places are visited in ascending order, so each list is sorted.
        var postingStart = new int[(1 << BucketBits) + 1];
        foreach (var bucket in grams)
        {
            postingStart[bucket + 1]++;
        }

        for (var bucket = 1; bucket < postingStart.Length; bucket++)
        {
            postingStart[bucket] += postingStart[bucket - 1];
        }

        var postings = new int[grams.Count];
        var fill = (int[])postingStart.Clone();
        for (var place = 0; place < count; place++)
        {
            for (var gram = perPlaceStart[place]; gram < perPlaceStart[place + 1]; gram++)
            {
                postings[fill[grams[gram]]++] = place;
            }
        }

        return new LookupIndex(graph, nodeAt, postingStart, postings, shortPieces.Seal(), placesOfKind, [.. shortKeyed])
        {
            BuildTime = clock.Elapsed,
        };
    }

    /// <summary>The display order: name length, then name ignoring case, then id.</summary>
    internal static int CompareForDisplay(Entity left, Entity right)
    {
        var compared = left.Name.Length.CompareTo(right.Name.Length);
        compared = compared != 0 ? compared : string.Compare(left.Name, right.Name, StringComparison.OrdinalIgnoreCase);
        return compared != 0 ? compared : string.CompareOrdinal(left.Id, right.Id);
    }

    /// <summary>Fills <paramref name="keys"/> with the node's keys as written (trim before comparing): id, name, aliases, citation keys.</summary>
    internal static void KeysOf(GraphIndex graph, int node, List<string> keys)
    {
        keys.Clear();
        var entity = graph.Node(node);
        keys.Add(entity.Id);
        keys.Add(entity.Name);
        keys.AddRange(entity.Aliases);
        keys.AddRange(graph.CitationKeys(node));
    }

    /// <summary>
    /// The lists whose intersection holds, in display order, every node of the kind (any kind when null) that may have a
    /// key matching <paramref name="needle"/> (a name key) as <paramref name="match"/> says; each must still be checked
    /// against its keys. A needle of one or two characters has one exact list; a longer one, a few trigram lists.
    /// </summary>
    internal Candidates CandidatesFor(string needle, KeyMatch match, EntityKind? kind)
    {
        var lists = new List<PlaceCursor>();
        if (needle.Length < 3)
        {
            if (!shortPieces.TryGetValue(PieceCode(match, needle.AsSpan()), out var pieces))
            {
                return new Candidates([]);
            }

            lists.Add(pieces.Cursor());
        }
        else
        {
            var buckets = new List<int>();
            switch (match)
            {
                case KeyMatch.Prefix:
                    buckets.Add(Bucket(KeyStart, needle[0], needle[1]));
                    break;
                case KeyMatch.WordStart:
                    buckets.Add(Bucket(WordStart, needle[0], needle[1]));
                    break;
            }

            for (var at = 0; at + 3 <= needle.Length; at++)
            {
                buckets.Add(Bucket(needle[at], needle[at + 1], needle[at + 2]));
            }

            // Shortest lists first: the walk follows the first and only probes the others. A dozen lists filter as well as all.
            const int ListsProbed = 12;
            lists.AddRange(buckets.Distinct().Select(bucket => (PlaceCursor)new ArrayCursor(List(bucket))).OrderBy(list => list.Length).Take(ListsProbed));
        }

        if (kind is { } only)
        {
            lists.Add(new ArrayCursor(placesOfKind[(int)only]));
        }

        return lists.Exists(list => list.Length == 0) ? new Candidates([]) : new Candidates([.. lists.OrderBy(list => list.Length)]);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> places sharing the most trigrams with <paramref name="needle"/> (a name key, at
    /// least three characters), ties in display order. Reads at most <paramref name="postingBudget"/> postings, rarest
    /// trigrams first: they say the most, and a text made of common trigrams still costs no more than the budget.
    /// </summary>
    internal List<int> MostSimilar(string needle, int limit, int postingBudget, CancellationToken cancellationToken)
    {
        var lists = new List<(int Start, int Length)>();
        var seen = new HashSet<int>();
        for (var at = 0; at + 3 <= needle.Length; at++)
        {
            var bucket = Bucket(needle[at], needle[at + 1], needle[at + 2]);
            if (seen.Add(bucket) && postingStart[bucket + 1] > postingStart[bucket])
            {
                lists.Add((postingStart[bucket], postingStart[bucket + 1] - postingStart[bucket]));
            }
        }

        lists.Sort((left, right) => left.Length.CompareTo(right.Length));
        var shared = counters.TryTake(out var spare) ? spare : new int[Count];
        var touched = new List<int>();
        try
        {
            var read = 0;
            foreach (var (start, length) in lists)
            {
                var end = start + Math.Min(length, Math.Max(0, postingBudget - read));
                for (var posting = start; posting < end; posting++)
                {
                    if ((posting & 4095) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    var place = postings[posting];
                    if (shared[place]++ == 0)
                    {
                        touched.Add(place);
                    }
                }

                read += end - start;
                if (read >= postingBudget)
                {
                    break;
                }
            }

            // The count a candidate needs to be among the best: walk a histogram of counts down from the highest.
            var histogram = new int[lists.Count + 2];
            foreach (var place in touched)
            {
                histogram[shared[place]]++;
            }

            var least = histogram.Length - 1;
            for (var kept = 0; least > 1 && kept + histogram[least] < limit; least--)
            {
                kept += histogram[least];
            }

            // All above the cut, then the first met at it (rarest lists first), so the sort below stays small.
            var best = touched.Where(place => shared[place] > least).ToList();
            best.AddRange(touched.Where(place => shared[place] == least).Take(Math.Max(0, limit - best.Count)));
            best.Sort((left, right) => shared[left] != shared[right] ? shared[right].CompareTo(shared[left]) : left.CompareTo(right));
            return best.Count > limit ? best.GetRange(0, limit) : best;
        }
        finally
        {
            foreach (var place in touched)
            {
                shared[place] = 0;
            }

            counters.Add(shared);
        }
    }

    /// <summary>Places of nodes with an id, name, alias or citation of at most <see cref="ShortKeyLength"/> characters, in display order.</summary>
    internal ReadOnlySpan<int> ShortKeyed => shortKeyed;

    private ReadOnlyMemory<int> List(int bucket) => postings.AsMemory(postingStart[bucket], postingStart[bucket + 1] - postingStart[bucket]);

    private static void AddGrams(ReadOnlySpan<char> key, List<int> grams, ShortPieces shortPieces, int place)
    {
        Span<char> upper = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        key.ToUpperInvariant(upper);
        for (var at = 0; at < upper.Length; at++)
        {
            var wordStart = at > 0 && upper[at - 1] is ' ' or '-';
            var pair = at + 1 < upper.Length ? upper.Slice(at, 2) : [];
            shortPieces.Add(KeyMatch.Contains, upper.Slice(at, 1), place);
            if (at == 0 || wordStart)
            {
                var match = at == 0 ? KeyMatch.Prefix : KeyMatch.WordStart;
                shortPieces.Add(match, upper.Slice(at, 1), place);
                if (!pair.IsEmpty)
                {
                    shortPieces.Add(match, pair, place);
                    grams.Add(Bucket(at == 0 ? KeyStart : WordStart, pair[0], pair[1]));
                }
            }

            if (!pair.IsEmpty)
            {
                shortPieces.Add(KeyMatch.Contains, pair, place);
            }

            if (at + 2 < upper.Length)
            {
                grams.Add(Bucket(upper[at], upper[at + 1], upper[at + 2]));
            }
        }
    }

    /// <summary>One or two characters and how they match, as one number: the match, the length, then the characters.</summary>
    private static long PieceCode(KeyMatch match, ReadOnlySpan<char> piece) =>
        ((long)match << 40) | ((long)piece.Length << 32) | ((long)piece[0] << 16) | (piece.Length > 1 ? piece[1] : 0L);

    /// <summary>
    /// The short pieces' lists while the index is made: pieces of ASCII characters (nearly all) in an array, so the two
    /// hundred or so pieces a node adds cost no hashing; the rest in a dictionary. Both end in one dictionary.
    /// </summary>
    private sealed class ShortPieces(int nodeCount)
    {
        private const int MatchKinds = 3;
        private readonly PlaceSet?[] ascii = new PlaceSet?[MatchKinds * 2 * 128 * 128];
        private readonly Dictionary<long, PlaceSet> others = [];

        // The last place (plus one) each ASCII piece was added for: a node's repeated pieces cost one read.
        private readonly int[] lastAdded = new int[MatchKinds * 2 * 128 * 128];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(KeyMatch match, ReadOnlySpan<char> piece, int place)
        {
            var (first, second) = (piece[0], piece.Length > 1 ? piece[1] : '\0');
            if (first < 128 && second < 128)
            {
                var slot = ((((int)match - 1) * 2) + piece.Length - 1) << 14 | first << 7 | second;
                if (lastAdded[slot] != place + 1)
                {
                    lastAdded[slot] = place + 1;
                    (ascii[slot] ??= new PlaceSet()).Add(place, nodeCount);
                }

                return;
            }

            ref var pieces = ref CollectionsMarshal.GetValueRefOrAddDefault(others, PieceCode(match, piece), out _);
            (pieces ??= new PlaceSet()).Add(place, nodeCount);
        }

        public Dictionary<long, PlaceSet> Seal()
        {
            foreach (var pieces in ascii)
            {
                pieces?.Seal();
            }

            foreach (var pieces in others.Values)
            {
                pieces.Seal();
            }

            var all = new Dictionary<long, PlaceSet>(others);
            for (var slot = 0; slot < ascii.Length; slot++)
            {
                if (ascii[slot] is { } pieces)
                {
                    var (kind, length, first, second) = (slot >> 15, ((slot >> 14) & 1) + 1, (slot >> 7) & 127, slot & 127);
                    all.Add(((long)(kind + 1) << 40) | ((long)length << 32) | ((long)first << 16) | (long)second, pieces);
                }
            }

            return all;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(char first, char second, char third)
    {
        var hash = (uint)first * 0x9E3779B1u;
        hash = (hash ^ (hash >> 15) ^ second) * 0x85EBCA77u;
        hash = (hash ^ (hash >> 13) ^ third) * 0xC2B2AE3Du;
        return (int)((hash ^ (hash >> 16)) & BucketMask);
    }
}

/// <summary>How a key matches a text: search's ranks after an exact match.</summary>
internal enum KeyMatch
{
    /// <summary>The key starts with the text.</summary>
    Prefix = 1,

    /// <summary>A word of the key (after a space or a hyphen) starts with the text.</summary>
    WordStart = 2,

    /// <summary>The text is anywhere in the key.</summary>
    Contains = 3,
}

/// <summary>
/// The intersection of a few place lists, walked in display order by leapfrogging: each list in turn jumps (galloping)
/// to the first place at or after the highest place seen, so runs that some list lacks are skipped, not visited.
/// </summary>
internal sealed class Candidates(PlaceCursor[] lists)
{
    private int from;
    private bool exhausted = lists.Length == 0;

    /// <summary>Entries read so far by all the lists' seeks (posting entries and bitmap words).</summary>
    public long Examined => lists.Sum(list => list.Examined);

    public bool TryNext(out int place)
    {
        place = -1;
        if (exhausted)
        {
            return false;
        }

        var candidate = lists[0].Seek(from);
        for (var (list, agreed) = (1 % lists.Length, 1); candidate >= 0 && agreed < lists.Length; list = (list + 1) % lists.Length)
        {
            var found = lists[list].Seek(candidate);
            (candidate, agreed) = found == candidate ? (candidate, agreed + 1) : (found, 1);
        }

        if (candidate < 0)
        {
            exhausted = true;
            return false;
        }

        place = candidate;
        from = candidate + 1;
        exhausted = from == int.MaxValue;
        return true;
    }
}

/// <summary>A sorted list of places read forward: each seek asks for a place at or after the last one asked for.</summary>
internal abstract class PlaceCursor
{
    /// <summary>Entries read so far.</summary>
    public long Examined { get; protected set; }

    /// <summary>How many places the list holds (to walk the shortest first).</summary>
    public abstract int Length { get; }

    /// <summary>The first place at or after <paramref name="target"/> (never less than an earlier target), or -1 past the end.</summary>
    public abstract int Seek(int target);
}

/// <summary>Places in a sorted array, sought by galloping from where the last seek stopped.</summary>
internal sealed class ArrayCursor(ReadOnlyMemory<int> places) : PlaceCursor
{
    private int at;

    public override int Length => places.Length;

    public override int Seek(int target)
    {
        var span = places.Span;
        Examined++;
        if (at >= span.Length)
        {
            return -1;
        }

        if (span[at] >= target)
        {
            return span[at];
        }

        var (low, step, high) = (at, 1, at + 1);
        while (high < span.Length && span[high] < target)
        {
            Examined++;
            low = high;
            step <<= 1;
            high = low + step;
        }

        var window = span[(low + 1)..Math.Min(high + 1, span.Length)];
        var found = window.BinarySearch(target);
        Examined += 1 + BitOperations.Log2((uint)window.Length + 1);
        at = low + 1 + (found >= 0 ? found : ~found);
        return at < span.Length ? span[at] : -1;
    }
}

/// <summary>Places as set bits (a dense list: one bit a place costs less than four bytes a member), sought word by word.</summary>
internal sealed class BitmapCursor(ulong[] bits, int length) : PlaceCursor
{
    public override int Length => length;

    public override int Seek(int target)
    {
        var word = target >> 6;
        if (word >= bits.Length)
        {
            return -1;
        }

        Examined++;
        var set = bits[word] & (ulong.MaxValue << (target & 63));
        while (set == 0)
        {
            if (++word >= bits.Length)
            {
                return -1;
            }

            Examined++;
            set = bits[word];
        }

        return (word << 6) + BitOperations.TrailingZeroCount(set);
    }
}

/// <summary>
/// The places of the nodes with one short piece (one or two characters matched one way), gathered in display order: a
/// sorted array while few, a bitmap once an array would take more memory than one bit per node.
/// </summary>
internal sealed class PlaceSet
{
    // While adding, places go in a list up to a chunk's length, then in chunks, all small enough to stay off the large
    // object heap: a list growing to tens of thousands would copy itself there over and over on a million nodes, and
    // large allocations set off full collections.
    private const int ChunkLength = 4096;

    private List<int>? head = [];
    private List<int[]>? chunks;
    private int[]? array;
    private ulong[]? bits;

    public int Count { get; private set; }

    public int Last { get; private set; } = -1;

    public long Bytes => array is { } sorted ? 4L * sorted.Length : 8L * (bits?.Length ?? 0);

    /// <summary>Adds a place after every place added so far (a place added twice is kept once).</summary>
    public void Add(int place, int nodeCount)
    {
        if (place == Last)
        {
            return;
        }

        Last = place;
        var at = Count++;
        if (bits is not null)
        {
            bits[place >> 6] |= 1UL << (place & 63);
            return;
        }

        if (at < ChunkLength)
        {
            head!.Add(place);
        }
        else
        {
            chunks ??= [];
            if ((at - ChunkLength) % ChunkLength == 0)
            {
                chunks.Add(new int[ChunkLength]);
            }

            chunks[^1][(at - ChunkLength) % ChunkLength] = place;
        }

        if (Count * 32L > nodeCount)
        {
            bits = new ulong[(nodeCount + 63) >> 6];
            for (var member = 0; member < Count; member++)
            {
                var added = Member(member);
                bits[added >> 6] |= 1UL << (added & 63);
            }

            (head, chunks) = (null, null);
        }
    }

    /// <summary>Ends adding: the list's final form.</summary>
    public void Seal()
    {
        if (head is not null)
        {
            array = new int[Count];
            for (var member = 0; member < Count; member++)
            {
                array[member] = Member(member);
            }

            (head, chunks) = (null, null);
        }
    }

    private int Member(int at) => at < ChunkLength ? head![at] : chunks![(at - ChunkLength) / ChunkLength][(at - ChunkLength) % ChunkLength];

    public PlaceCursor Cursor() => bits is not null ? new BitmapCursor(bits, Count) : new ArrayCursor(array ?? []);
}
