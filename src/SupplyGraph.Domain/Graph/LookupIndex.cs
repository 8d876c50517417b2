using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Graph;

/// <summary>
/// What finding entities by text needs, made once per <see cref="GraphIndex"/> (on first use: see
/// <see cref="GraphIndex.Lookups"/>) so a search or a suggestion costs about the same on a million entities as on a
/// hundred. Nodes are numbered in <b>display order</b> (name length, name ignoring case, id: the order search lists
/// its matches in), and every posting list below is in that order, so a walk that stops after the first N matches
/// has found the first N a full scan would have.
/// </summary>
/// <remarks>
/// The keys of a node are its id, name, aliases and citation keys, compared as <see cref="GraphIndex.NameKey"/> does
/// (trimmed, upper-cased invariantly). Grams are hashed into a fixed number of buckets: a collision only adds a
/// candidate, and every candidate is checked against its keys, so answers are exact.
/// <list type="bullet">
/// <item>every three characters of a key (what "contains" needs);</item>
/// <item>a key's first two characters, marked as a key start (what "starts with" needs);</item>
/// <item>two characters after a space or a hyphen, marked as a word start (what "a word starts with" needs);</item>
/// <item>per node, bit masks of its characters, of its keys' and words' first characters, and of its character pairs,
/// to skip nodes a short text (one or two characters, no three-character gram) cannot match without reading their keys.</item>
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
    private readonly ulong[] characters;
    private readonly ulong[] pairs;
    private readonly ulong[] starts;
    private readonly int[] shortKeyed;

    // Counters per node for MostSimilar, kept all zero between uses (only the touched ones are reset): clearing or
    // allocating one per reference would cost more than the lookup on a million nodes. One per concurrent lookup.
    private readonly ConcurrentBag<int[]> counters = [];

    private LookupIndex(GraphIndex graph, int[] nodeAt, int[] postingStart, int[] postings, ulong[] characters, ulong[] pairs, ulong[] starts, int[] shortKeyed)
    {
        this.graph = graph;
        this.nodeAt = nodeAt;
        this.postingStart = postingStart;
        this.postings = postings;
        this.characters = characters;
        this.pairs = pairs;
        this.starts = starts;
        this.shortKeyed = shortKeyed;
    }

    /// <summary>How long the index took to make.</summary>
    public TimeSpan BuildTime { get; private init; }

    /// <summary>The bytes its arrays hold (what the index adds to the graph's memory).</summary>
    public long Bytes => (4L * (nodeAt.Length + postingStart.Length + postings.Length + shortKeyed.Length)) + (8L * (characters.Length + pairs.Length + starts.Length));

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

        var characters = new ulong[count];
        var pairs = new ulong[count * 2];
        var starts = new ulong[count * 2];
        var shortKeyed = new List<int>();
        var perPlaceStart = new int[count + 1];
        var grams = new List<int>(count * 32);
        var keys = new List<string>();
        var nodeGrams = new List<int>();
        for (var place = 0; place < count; place++)
        {
            var node = nodeAt[place];
            KeysOf(graph, node, keys);
            nodeGrams.Clear();
            var hasShortKey = false;
            foreach (var raw in keys)
            {
                var key = raw.AsSpan().Trim();
                AddGrams(key, nodeGrams, ref characters[place], pairs.AsSpan(place * 2, 2), starts.AsSpan(place * 2, 2));
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

        return new LookupIndex(graph, nodeAt, postingStart, postings, characters, pairs, starts, [.. shortKeyed]) { BuildTime = clock.Elapsed };
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
    /// The places, in display order, of nodes that may have a key matching <paramref name="needle"/> (a name key,
    /// at least three characters) as <paramref name="match"/> says; each must still be checked against its keys.
    /// </summary>
    internal Candidates CandidatesFor(string needle, KeyMatch match)
    {
        Debug.Assert(needle.Length >= 3, "three characters make the smallest gram");
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
        var lists = buckets.Distinct().Select(List).OrderBy(list => list.Length).Take(ListsProbed).ToArray();
        return new Candidates(lists);
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

    /// <summary>
    /// False when the node cannot have a key matching <paramref name="needle"/> (one or two characters) so: one of its
    /// characters or the pair is in none of its keys, or no key (or word) starts with its first character. True: it may.
    /// </summary>
    internal bool MayMatch(int place, ReadOnlySpan<char> needle, KeyMatch match)
    {
        ulong wanted = 0;
        foreach (var character in needle)
        {
            wanted |= CharacterBit(character);
        }

        if ((characters[place] & wanted) != wanted)
        {
            return false;
        }

        // Starts: the first word of the pair records a key's first character, the second a word's (after a space or hyphen).
        var start = CharacterBit(needle[0]);
        if (match == KeyMatch.Prefix && (starts[place * 2] & start) == 0)
        {
            return false;
        }

        if (match == KeyMatch.WordStart && (starts[(place * 2) + 1] & start) == 0)
        {
            return false;
        }

        for (var at = 0; at + 1 < needle.Length; at++)
        {
            var (word, bit) = PairBit(needle[at], needle[at + 1]);
            if ((pairs[(place * 2) + word] & bit) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private ReadOnlyMemory<int> List(int bucket) => postings.AsMemory(postingStart[bucket], postingStart[bucket + 1] - postingStart[bucket]);

    private static void AddGrams(ReadOnlySpan<char> key, List<int> grams, ref ulong characters, Span<ulong> pairs, Span<ulong> starts)
    {
        Span<char> upper = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        key.ToUpperInvariant(upper);
        for (var at = 0; at < upper.Length; at++)
        {
            characters |= CharacterBit(upper[at]);
            var wordStart = at > 0 && upper[at - 1] is ' ' or '-';
            if (at == 0)
            {
                starts[0] |= CharacterBit(upper[0]);
            }
            else if (wordStart)
            {
                starts[1] |= CharacterBit(upper[at]);
            }

            if (at + 1 < upper.Length)
            {
                var (word, bit) = PairBit(upper[at], upper[at + 1]);
                pairs[word] |= bit;
                if (at == 0)
                {
                    grams.Add(Bucket(KeyStart, upper[0], upper[1]));
                }
                else if (wordStart)
                {
                    grams.Add(Bucket(WordStart, upper[at], upper[at + 1]));
                }
            }

            if (at + 2 < upper.Length)
            {
                grams.Add(Bucket(upper[at], upper[at + 1], upper[at + 2]));
            }
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

    // Letters and digits (what names are made of) each have a bit of their own, so a letter no key has rules every
    // node out; anything else shares the remaining 28 bits.
    private static ulong CharacterBit(char character) => character switch
    {
        >= 'A' and <= 'Z' => 1UL << (character - 'A'),
        >= '0' and <= '9' => 1UL << (26 + character - '0'),
        _ => 1UL << (int)(36 + (((uint)character * 0x9E3779B1u) % 28)),
    };

    // A pair's bit among 128 (two words): fewer pairs share a bit than in 64, so fewer nodes are read for nothing.
    private static (int Word, ulong Bit) PairBit(char first, char second)
    {
        var hash = ((((uint)first * 31) + second) * 0x9E3779B1u) >> 25;
        return ((int)(hash >> 6), 1UL << (int)(hash & 63));
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
/// The intersection of a few posting lists, walked in display order by leapfrogging: each list in turn jumps (galloping)
/// to the first place at or after the highest place seen, so runs that some list lacks are skipped, not visited.
/// </summary>
internal sealed class Candidates(ReadOnlyMemory<int>[] lists)
{
    private readonly int[] cursors = new int[lists.Length];
    private bool exhausted = lists.Length == 0 || lists.Any(list => list.IsEmpty);

    public bool TryNext(out int place)
    {
        place = -1;
        if (exhausted)
        {
            return false;
        }

        var candidate = lists[0].Span[cursors[0]];
        var agreed = 0;
        for (var list = 0; ; list = (list + 1) % lists.Length)
        {
            var found = Seek(list, candidate);
            if (found < 0)
            {
                exhausted = true;
                return false;
            }

            if (found == candidate)
            {
                agreed++;
            }
            else
            {
                (candidate, agreed) = (found, 1);
            }

            if (agreed == lists.Length)
            {
                place = candidate;

                // The next call starts after this place.
                cursors[0]++;
                exhausted = cursors[0] >= lists[0].Length;
                return true;
            }
        }
    }

    /// <summary>Moves the list's cursor to its first place at or after <paramref name="target"/> and returns it, or -1 at the end.</summary>
    private int Seek(int list, int target)
    {
        var span = lists[list].Span;
        var from = cursors[list];
        if (from >= span.Length)
        {
            return -1;
        }

        if (span[from] >= target)
        {
            return span[from];
        }

        var step = 1;
        var to = from + 1;
        while (to < span.Length && span[to] < target)
        {
            from = to;
            step <<= 1;
            to = from + step;
        }

        var window = span[(from + 1)..Math.Min(to + 1, span.Length)];
        var found = window.BinarySearch(target);
        var at = from + 1 + (found >= 0 ? found : ~found);
        cursors[list] = at;
        return at < span.Length ? span[at] : -1;
    }
}
