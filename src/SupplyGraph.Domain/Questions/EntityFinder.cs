using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Questions;

/// <summary>
/// Finds entities over a <see cref="GraphIndex"/>: by reference (resolve: exact id, then name, then alias or citation,
/// with suggestions when nothing matches) and by text (search, ranked). A citation counts as an alias: a regulation's
/// whole citation, and each Federal Register citation in it however loosely written (<see cref="ReferenceKeys"/>).
/// </summary>
internal sealed class EntityFinder(GraphIndex graph)
{
    private const int MaxSuggestions = 5;

    public Entity Resolve(string reference)
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

        throw new EntityNotFoundException(reference, Suggest(reference));
    }

    public IReadOnlyList<Entity> Search(SearchQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var needles = ReferenceKeys.Of(question.Text);
        var ranked = new List<(int Rank, Entity Entity)>();
        for (var node = 0; node < graph.NodeCount; node++)
        {
            var entity = graph.Node(node);
            if (question.Kinds is { Count: > 0 } kinds && !kinds.Contains(entity.Kind))
            {
                continue;
            }

            var rank = MatchRank(entity, graph.CitationKeys(node), needles);
            if (rank is not null)
            {
                ranked.Add((rank.Value, entity));
            }
        }

        return [.. ranked
            .OrderBy(pair => pair.Rank)
            .ThenBy(pair => pair.Entity.Name.Length)
            .ThenBy(pair => pair.Entity.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(pair => pair.Entity.Id, StringComparer.Ordinal)
            .Take(question.First)
            .Select(pair => pair.Entity)];
    }

    // The reference is the entity's name, in any case; a name that is a Federal Register citation however written.
    private static bool IsNamed(Entity entity, IReadOnlyList<string> keys) =>
        keys.Contains(GraphIndex.NameKey(entity.Name)) || (ReferenceKeys.FederalRegister(entity.Name) is { } citation && keys.Contains(citation));

    /// <summary>
    /// The best rank of any of the entity's keys (id, name, aliases, citation keys) against any of the text's keys
    /// (its name key, and its Federal Register normal form): an exact match 0, a prefix 1, a word start 2, inside 3.
    /// cypher/queries/search.cypher orders its candidates by the same ranks.
    /// </summary>
    private static int? MatchRank(Entity entity, IReadOnlyList<string> citationKeys, IReadOnlyList<string> needles)
    {
        int? best = null;
        Consider(GraphIndex.NameKey(entity.Name));
        Consider(GraphIndex.NameKey(entity.Id));
        foreach (var alias in entity.Aliases)
        {
            Consider(GraphIndex.NameKey(alias));
        }

        foreach (var citation in citationKeys)
        {
            Consider(citation);
        }

        return best;

        void Consider(string key)
        {
            foreach (var needle in needles)
            {
                int? rank = key == needle ? 0
                    : key.StartsWith(needle, StringComparison.Ordinal) ? 1
                    : key.Contains(" " + needle, StringComparison.Ordinal) || key.Contains("-" + needle, StringComparison.Ordinal) ? 2
                    : key.Contains(needle, StringComparison.Ordinal) ? 3
                    : null;
                if (rank is not null && (best is null || rank < best))
                {
                    best = rank;
                }
            }
        }
    }

    // Over ids, names and aliases, not citations: the Neo4j store finds its candidates in a full-text index of names.
    private List<string> Suggest(string reference)
    {
        const int LongestNameWorthSuggestingFor = 200;
        var needle = GraphIndex.NameKey(reference);
        if (needle.Length is 0 or > LongestNameWorthSuggestingFor)
        {
            return [];
        }

        var scored = new List<(int Score, string Name)>();
        foreach (var entity in graph.Entities)
        {
            var best = int.MaxValue;
            foreach (var name in entity.Aliases.Prepend(entity.Name).Prepend(entity.Id))
            {
                var key = GraphIndex.NameKey(name);
                var score = key.Contains(needle, StringComparison.Ordinal) || needle.Contains(key, StringComparison.Ordinal)
                    ? Math.Abs(key.Length - needle.Length) / 4
                    : TextDistance.Levenshtein(key, needle);
                best = Math.Min(best, score);
            }

            if (best <= Math.Max(2, needle.Length / 3))
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
}
