using FluentAssertions;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Testing;

namespace SupplyGraph.Domain.Tests.Questions;

/// <summary>
/// An unknown reference one edit away from a name or an alias (a letter doubled, dropped or changed) is answered with
/// that name among the suggestions: on the seed (every name and alias, each misspelt three ways), and on a graph big
/// enough that suggestions come from the lookup index, for a name of several words misspelt in its first word only.
/// </summary>
public sealed class SuggestionTests
{
    [Fact]
    public void Every_seed_name_and_alias_misspelt_by_one_letter_is_suggested()
    {
        // arrange
        var seed = SeedDataset.Load();
        var graph = GraphIndex.Build(seed.Entities, seed.Relationships);
        var finder = new EntityFinder(graph);
        var misses = new List<string>();

        // act
        foreach (var entity in seed.Entities)
        {
            foreach (var key in new[] { entity.Name }.Concat(entity.Aliases).Where(key => key.Trim().Length >= 4))
            {
                foreach (var misspelt in OneEditAway(key).Where(text => !IsKnown(graph, text)))
                {
                    var suggested = Suggestions(finder, misspelt);
                    if (!suggested.Contains(entity.Name))
                    {
                        misses.Add($"\"{misspelt}\" (for \"{key}\" of {entity.Id}): [{string.Join(", ", suggested)}]");
                    }
                }
            }
        }

        // assert
        misses.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Moonshoot")]
    [InlineData("moonshoot ai")]
    [InlineData("Monshot")]
    public void A_misspelt_first_word_of_a_longer_name_is_suggested_on_a_big_graph(string reference)
    {
        // arrange: "Moonshot AI" has no alias "Moonshot"; other names share the misspelling's letters
        var builder = new DatasetBuilder("crowd").Actor("moonshot-ai", ActorCategory.AiLab, "Moonshot AI");
        for (var i = 0; i < EntityFinder.ExhaustiveSuggestionLimit + 500; i++)
        {
            builder.Actor($"shop-{i:D5}", ActorCategory.Equipment, $"{(i % 2 == 0 ? "Moon" : "Shoot")} Shop {i}");
        }

        var dataset = builder.Build();
        var graph = GraphIndex.Build(dataset.Entities, dataset.Relationships);

        // act
        var suggested = Suggestions(new EntityFinder(graph), reference);
        var exhaustive = Suggestions(new EntityFinder(graph, exhaustiveSuggestionLimit: int.MaxValue), reference);

        // assert
        suggested.Should().Contain("Moonshot AI");
        exhaustive.Should().Contain("Moonshot AI");
    }

    /// <summary>The key with its second letter doubled, its third dropped and its last changed.</summary>
    private static IEnumerable<string> OneEditAway(string key)
    {
        yield return key.Insert(1, key[1].ToString());
        yield return key.Remove(2, 1);
        yield return key[..^1] + (char.ToLowerInvariant(key[^1]) == 'q' ? 'x' : 'q');
    }

    private static bool IsKnown(GraphIndex graph, string text) => graph.TryGetNode(text.Trim(), out _) || graph.NodesNamed(text).Length > 0;

    private static IReadOnlyList<string> Suggestions(EntityFinder finder, string reference)
    {
        var act = () => finder.Resolve(reference, TestContext.Current.CancellationToken);
        return act.Should().Throw<EntityNotFoundException>().Which.Suggestions;
    }
}
