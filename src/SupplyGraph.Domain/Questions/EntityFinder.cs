using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Questions;

/// <summary>
/// Finds entities over a <see cref="GraphIndex"/>: by reference (resolve: exact id, then name, then alias or citation,
/// with suggestions when nothing matches) and by text (search, ranked). A citation counts as an alias: a regulation's
/// whole citation, and each Federal Register citation in it however loosely written (<see cref="ReferenceKeys"/>).
/// Search and suggestions read the graph's <see cref="LookupIndex"/>, so their work is bounded whatever the graph's
/// size and the text's length, and they stop when the request is cancelled.
/// </summary>
/// <param name="exhaustiveSuggestionLimit">
/// Up to this many entities, suggestions compare the reference with every entity (exactly the closest names); above,
/// with the few sharing the most trigrams with it.
/// </param>
internal sealed class EntityFinder(GraphIndex graph, int exhaustiveSuggestionLimit = EntityFinder.ExhaustiveSuggestionLimit)
{
    /// <summary>Below this many entities comparing with all of them costs less than a millisecond.</summary>
    public const int ExhaustiveSuggestionLimit = 2_000;

    /// <summary>Entities compared by edit distance per unknown reference on a big graph: a few dozen exact comparisons.</summary>
    internal const int SuggestionCandidates = 64;

    /// <summary>Postings read to pick suggestion candidates: a few hundred microseconds at most.</summary>
    internal const int SuggestionPostingBudget = 25_000;

    /// <summary>Short keys compared with a reference of one or two characters (they have no trigram).</summary>
    internal const int ShortReferenceCandidates = 4_096;

    /// <summary>How often the loops look at the cancellation token.</summary>
    private const int CancellationStride = 1024;

    private const int MaxSuggestions = 5;

    // A longer reference is no misspelling of a name: no entity's name is that long.
    private const int LongestNameWorthSuggestingFor = 200;

    public Entity Resolve(string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (graph.TryGetNode(reference.Trim(), out var byId))
        {
            return graph.Node(byId);
        }

        var named = graph.NodesNamed(reference);
        if (named.Length == 1)
        {
            return graph.Node(named[0]);
        }

        if (named.Length > 1)
        {
            // A name outranks an alias or a citation: "DeepSeek R1" is the model's name and only an alias of the lab.
            // Rules published together may share a citation: that stays ambiguous, both listed.
            var keys = ReferenceKeys.Of(reference);
            var byName = named.ToArray().Where(node => IsNamed(graph.Node(node), keys)).ToArray();
            if (byName.Length == 1)
            {
                return graph.Node(byName[0]);
            }

            throw new AmbiguousReferenceException(reference, [.. named.ToArray().Select(node => graph.Node(node).Id).Order(StringComparer.Ordinal)]);
        }

        throw new EntityNotFoundException(reference, Suggest(reference, cancellationToken));
    }

    /// <summary>
    /// The entities matching the text, best first: the best rank of any of an entity's keys (id, name, aliases,
    /// citation keys) against any of the text's keys (its name key, and its Federal Register normal form): an exact
    /// match 0, a prefix 1, a word start 2, inside 3; then by name length, name ignoring case, id.
    /// cypher/queries/search.cypher orders its candidates by the same ranks.
    /// </summary>
    /// <remarks>
    /// Rank by rank: exact matches from the name index, then each later rank walked in display order (the order
    /// within a rank) over the index's candidates, stopping once the answer is full. A rank is walked only when the
    /// better ones left room, so it is then complete, and an entity met again in a later rank is already taken.
    /// </remarks>
    public IReadOnlyList<Entity> Search(SearchQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        cancellationToken.ThrowIfCancellationRequested();
        var lookups = graph.Lookups;
        var needles = ReferenceKeys.Of(question.Text);
        var taken = new HashSet<int>();
        var found = new List<Entity>();

        var exact = new SortedSet<(int Place, int Node)>();
        foreach (var needle in needles)
        {
            foreach (var node in graph.NodesNamed(needle))
            {
                if (IsWanted(node, question))
                {
                    exact.Add((PlaceOf(node), node));
                }
            }
        }

        Take(exact.Select(item => item.Node));
        foreach (var match in new[] { KeyMatch.Prefix, KeyMatch.WordStart, KeyMatch.Contains })
        {
            if (found.Count >= question.First)
            {
                break;
            }

            var remaining = question.First - found.Count;
            var places = new SortedSet<int>();
            foreach (var needle in needles)
            {
                places.UnionWith(Walk(lookups, needle, match, question, taken, remaining, cancellationToken));
            }

            Take(places.Take(remaining).Select(lookups.NodeAt));
        }

        return found;

        void Take(IEnumerable<int> nodes)
        {
            foreach (var node in nodes)
            {
                if (found.Count < question.First && taken.Add(node))
                {
                    found.Add(graph.Node(node));
                }
            }
        }
    }

    /// <summary>
    /// The places (display order) of the first <paramref name="limit"/> wanted nodes not yet taken with a key matching the
    /// needle so. With kinds asked for, each kind's are walked apart (the index lists each kind's places), so other kinds'
    /// nodes are skipped, not read; the first <paramref name="limit"/> of all are among the first of each.
    /// </summary>
    private List<int> Walk(LookupIndex lookups, string needle, KeyMatch match, SearchQuestion question, HashSet<int> taken, int limit, CancellationToken cancellationToken)
    {
        if (question.Kinds is not { Count: > 0 } kinds)
        {
            return WalkKind(lookups, needle, match, null, taken, limit, cancellationToken);
        }

        var places = new List<int>();
        foreach (var kind in kinds.Distinct())
        {
            places.AddRange(WalkKind(lookups, needle, match, kind, taken, limit, cancellationToken));
        }

        places.Sort();
        return places.Count > limit ? places.GetRange(0, limit) : places;
    }

    private List<int> WalkKind(LookupIndex lookups, string needle, KeyMatch match, EntityKind? kind, HashSet<int> taken, int limit, CancellationToken cancellationToken)
    {
        var places = new List<int>();
        var keys = new List<string>();
        var candidates = lookups.CandidatesFor(needle, match, kind);
        var considered = 0;
        while (places.Count < limit && candidates.TryNext(out var place))
        {
            if (++considered % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var node = lookups.NodeAt(place);
            if (taken.Contains(node))
            {
                continue;
            }

            LookupIndex.KeysOf(graph, node, keys);
            if (keys.Exists(key => Matches(key.AsSpan().Trim(), needle, match)))
            {
                places.Add(place);
            }
        }

        lookups.CountRead(considered, candidates.Examined);
        return places;
    }

    private static bool Matches(ReadOnlySpan<char> key, ReadOnlySpan<char> needle, KeyMatch match)
    {
        switch (match)
        {
            case KeyMatch.Prefix:
                return key.StartsWith(needle, StringComparison.OrdinalIgnoreCase);
            case KeyMatch.WordStart:
                for (var from = 1; from < key.Length;)
                {
                    var at = key[from..].IndexOf(needle, StringComparison.OrdinalIgnoreCase);
                    if (at < 0)
                    {
                        return false;
                    }

                    if (key[from + at - 1] is ' ' or '-')
                    {
                        return true;
                    }

                    from += at + 1;
                }

                return false;
            default:
                return key.Contains(needle, StringComparison.OrdinalIgnoreCase);
        }
    }

    private bool IsWanted(int node, SearchQuestion question) =>
        question.Kinds is not { Count: > 0 } kinds || kinds.Contains(graph.Kind(node));

    private int PlaceOf(int node)
    {
        // Exact matches are few (a name shared by a handful at most): their places are found by the display order itself.
        var lookups = graph.Lookups;
        var entity = graph.Node(node);
        int low = 0, high = lookups.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var compared = LookupIndex.CompareForDisplay(graph.Node(lookups.NodeAt(middle)), entity);
            if (compared == 0)
            {
                return middle;
            }

            (low, high) = compared < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return low;
    }

    // The reference is the entity's name, in any case; a name that is a Federal Register citation however written.
    private static bool IsNamed(Entity entity, IReadOnlyList<string> keys) =>
        keys.Contains(GraphIndex.NameKey(entity.Name)) || (ReferenceKeys.FederalRegister(entity.Name) is { } citation && keys.Contains(citation));

    /// <summary>
    /// The closest names to an unknown reference, over ids, names and aliases (not citations: the Neo4j store found its
    /// candidates in a full-text index of names): a key containing the reference, or contained in it, scores a quarter
    /// of their length difference; any other its edit distance, or, when its leading words are one edit from the
    /// reference, one plus a quarter of the rest. Those within a third of the reference's length (at least 2) are kept,
    /// closest first, then by name.
    /// </summary>
    private List<string> Suggest(string reference, CancellationToken cancellationToken)
    {
        var needle = GraphIndex.NameKey(reference);
        if (needle.Length is 0 or > LongestNameWorthSuggestingFor)
        {
            return [];
        }

        cancellationToken.ThrowIfCancellationRequested();
        var threshold = Math.Max(2, needle.Length / 3);
        var scored = new List<(int Score, string Name)>();
        foreach (var node in SuggestionCandidatesFor(needle, cancellationToken))
        {
            var entity = graph.Node(node);
            var best = Score(entity.Id, needle, threshold);
            best = Math.Min(best, Score(entity.Name, needle, threshold));
            foreach (var alias in entity.Aliases)
            {
                best = Math.Min(best, Score(alias, needle, threshold));
            }

            if (best <= threshold)
            {
                scored.Add((best, entity.Name));
            }
        }

        return [.. scored
            .OrderBy(item => item.Score)
            .ThenBy(item => item.Name, StringComparer.OrdinalIgnoreCase)
            .Select(item => item.Name)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxSuggestions)];
    }

    private IEnumerable<int> SuggestionCandidatesFor(string needle, CancellationToken cancellationToken)
    {
        if (graph.NodeCount <= exhaustiveSuggestionLimit)
        {
            for (var node = 0; node < graph.NodeCount; node++)
            {
                if (node % CancellationStride == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                yield return node;
            }

            yield break;
        }

        var lookups = graph.Lookups;
        if (needle.Length >= 3)
        {
            foreach (var place in lookups.MostSimilar(needle, SuggestionCandidates, SuggestionPostingBudget, cancellationToken))
            {
                yield return lookups.NodeAt(place);
            }

            yield break;
        }

        // One or two characters have no trigram. Within the threshold (2) a key is at most 4 characters, or contains the
        // reference and is at most 13 (a quarter of the difference): compare with the short keys, in display order.
        var shortKeyed = lookups.ShortKeyed.ToArray();
        var compared = 0;
        for (var at = 0; at < shortKeyed.Length && compared < ShortReferenceCandidates; at++)
        {
            if (at % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            compared++;
            yield return lookups.NodeAt(shortKeyed[at]);
        }
    }

    /// <summary>The score of one key (see <see cref="Suggest"/>), exact up to <paramref name="threshold"/>; above it, some number above it.</summary>
    private static int Score(string name, string needle, int threshold)
    {
        var key = GraphIndex.NameKey(name);
        if (key.Contains(needle, StringComparison.Ordinal) || needle.Contains(key, StringComparison.Ordinal))
        {
            return Math.Abs(key.Length - needle.Length) / 4;
        }

        var best = BoundedLevenshtein(key, needle, threshold);

        // The key's leading words misspelt by one letter ("Moonshoot" for "Moonshot AI"): one, plus a quarter of the
        // words left over, as a key containing the reference scores. One edit only: more would suggest any name that
        // merely starts alike, which the index (sharing trigrams) would not find either.
        for (var end = key.IndexOfAny(WordBreaks); end > 0 && best > 1; end = key.IndexOfAny(WordBreaks, end + 1))
        {
            var rest = 1 + ((key.Length - end) / 4);
            if (rest < best && Math.Abs(end - needle.Length) <= 1 && BoundedLevenshtein(key[..end], needle, 1) <= 1)
            {
                best = rest;
            }
        }

        return best;
    }

    private static readonly char[] WordBreaks = [' ', '-'];

    /// <summary>
    /// The edit distance when it is at most <paramref name="bound"/>, else <paramref name="bound"/> + 1: only cells within
    /// <paramref name="bound"/> of the diagonal can stay within it, and a row whose cells all exceed it ends the work.
    /// O(bound × length) rather than O(length²), so a 200-character reference costs microseconds per key.
    /// </summary>
    internal static int BoundedLevenshtein(string a, string b, int bound)
    {
        if (Math.Abs(a.Length - b.Length) > bound)
        {
            return bound + 1;
        }

        var beyond = bound + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = Math.Min(j, beyond);
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var from = Math.Max(1, i - bound);
            var to = Math.Min(b.Length, i + bound);
            current[from - 1] = from == 1 ? Math.Min(i, beyond) : beyond;
            var rowBest = current[from - 1];
            for (var j = from; j <= to; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var cell = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                current[j] = Math.Min(cell, beyond);
                rowBest = Math.Min(rowBest, current[j]);
            }

            if (to < b.Length)
            {
                current[to + 1] = beyond;
            }

            if (rowBest > bound)
            {
                return beyond;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
