using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Questions;

/// <summary>
/// Finds entities over a <see cref="GraphIndex"/>: by reference (resolve: exact id, then name, then alias, with
/// suggestions when nothing matches) and by text (search, ranked).
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
            // A name outranks an alias: "DeepSeek R1" is the model's name and only an alias of the lab.
            var key = GraphIndex.NameKey(reference);
            var byName = named.ToArray().Where(node => GraphIndex.NameKey(graph.Node(node).Name) == key).ToArray();
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
        var needle = GraphIndex.NameKey(question.Text);
        var ranked = new List<(int Rank, Entity Entity)>();
        foreach (var entity in graph.Entities)
        {
            if (question.Kinds is { Count: > 0 } kinds && !kinds.Contains(entity.Kind))
            {
                continue;
            }

            var rank = MatchRank(entity, needle);
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

    private static int? MatchRank(Entity entity, string needle)
    {
        int? best = null;
        Consider(entity.Name);
        Consider(entity.Id);
        foreach (var alias in entity.Aliases)
        {
            Consider(alias);
        }

        return best;

        void Consider(string candidate)
        {
            var key = GraphIndex.NameKey(candidate);
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
