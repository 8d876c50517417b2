using FluentAssertions;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Testing;

namespace SupplyGraph.Domain.Tests.Questions;

/// <summary>
/// Search through the lookup index on random graphs: texts of one, two and more characters (pieces of the graph's own
/// keys in any case, and characters no key has), every kind filter and several page sizes answer as a scan of every
/// entity does; and a short search reads its matches, not every entity, however big the graph.
/// </summary>
public sealed class ShortSearchTests
{
    private static readonly string[] Syllables = ["ka", "Lo", "mé", "Ün", "ri", "ß", "ø", "x", "Q7", "e", "s", "-", " ", "9", "zz", "Æ"];

    private static readonly GraphIndex Scattered = RandomGraph(seed: 11, count: 4_000);

    private static readonly int[] PageSizes = [1, 5, 20, 200];

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_texts_kinds_and_page_sizes_answer_as_a_scan_of_every_entity_does(int seed)
    {
        // arrange
        var random = new Random(seed);
        var finder = new EntityFinder(Scattered);
        var questions = Enumerable.Range(0, 60).Select(_ => RandomQuestion(random, Scattered)).ToList();

        // act
        var answers = questions.Select(question => finder.Search(question, TestContext.Current.CancellationToken)).ToList();

        // assert
        questions.Select(question => question.Text.Length).Should().Contain(length => length == 1).And.Contain(length => length == 2).And.Contain(length => length >= 3);
        for (var at = 0; at < questions.Count; at++)
        {
            var expected = EntityFinderIndexTests.ScanSearch(Scattered, questions[at]).Select(entity => entity.Id);
            answers[at].Select(entity => entity.Id).Should().Equal(expected, $"text \"{questions[at].Text}\", kinds {string.Join(',', questions[at].Kinds ?? [])}, first {questions[at].First}");
        }
    }

    [Theory]
    [InlineData("e")]
    [InlineData("ß")]
    [InlineData("æ")]
    [InlineData("mé")]
    [InlineData("MÉ")]
    [InlineData("-k")]
    [InlineData("9")]
    public void A_smaller_page_is_the_start_of_a_larger_one(string text)
    {
        // arrange
        var finder = new EntityFinder(Scattered);

        // act
        var pages = PageSizes.Select(first => finder.Search(SearchQuestion.Create(text, first: first), TestContext.Current.CancellationToken)).ToList();

        // assert
        pages[^1].Should().HaveCountGreaterThan(PageSizes[^2]);
        for (var at = 0; at < pages.Count; at++)
        {
            var expected = EntityFinderIndexTests.ScanSearch(Scattered, SearchQuestion.Create(text, first: PageSizes[at])).Select(entity => entity.Id);
            pages[at].Select(entity => entity.Id).Should().Equal(expected).And.Equal(pages[^1].Take(pages[at].Count).Select(entity => entity.Id));
        }
    }

    [Theory]
    [InlineData("x", null)]
    [InlineData("q", null)]
    [InlineData("s", null)]
    [InlineData("sy", null)]
    [InlineData("zq", null)]
    [InlineData("7", null)]
    [InlineData("q", EntityKind.Regulation)]
    [InlineData("s", EntityKind.Regulation)]
    [InlineData("ab", EntityKind.Chip)]
    public void A_short_search_on_a_big_graph_reads_its_matches_not_every_entity(string text, EntityKind? kind)
    {
        // arrange: 60,000 entities; "q" is in one name in a thousand, "x" in none, "s" in every id
        var graph = Big.Value;
        var lookups = graph.Lookups;
        var finder = new EntityFinder(graph);
        var question = SearchQuestion.Create(text, kind is { } only ? [only] : null, first: 200);
        var (nodesBefore, entriesBefore) = (lookups.NodesRead, lookups.EntriesRead);

        // act
        var found = finder.Search(question, TestContext.Current.CancellationToken);

        // assert: each of the three ranks reads at most the page and the places taken before it; a bitmap sweep at most
        // one word per 64 entities
        found.Select(entity => entity.Id).Should().Equal(EntityFinderIndexTests.ScanSearch(graph, question).Select(entity => entity.Id));
        var (nodesRead, entriesRead) = (lookups.NodesRead - nodesBefore, lookups.EntriesRead - entriesBefore);
        nodesRead.Should().BeLessThanOrEqualTo(3 * 2 * question.First);
        entriesRead.Should().BeLessThanOrEqualTo(3 * ((4 * question.First) + (graph.NodeCount / 64) + 64));
        (nodesRead + entriesRead).Should().BeLessThan(graph.NodeCount / 5);
    }

    private static readonly Lazy<GraphIndex> Big = new(() => BigGraph(60_000));

    private static SearchQuestion RandomQuestion(Random random, GraphIndex graph)
    {
        var entity = graph.Node(random.Next(graph.NodeCount));
        var keys = new[] { entity.Id, entity.Name }.Concat(entity.Aliases).Where(key => key.Trim().Length > 0).ToArray();
        var key = keys[random.Next(keys.Length)];
        var length = random.Next(4) switch { 0 => 1, 1 => 2, 2 => 3, _ => 1 + random.Next(6) };
        var start = random.Next(Math.Max(1, key.Length - length + 1));
        var text = random.Next(8) switch
        {
            0 => Syllables[random.Next(Syllables.Length)] + Syllables[random.Next(Syllables.Length)],
            1 => ((char)('a' + random.Next(26))).ToString(),
            _ => key.Substring(start, Math.Min(length, key.Length - start)),
        };
        text = random.Next(3) switch { 0 => text.ToUpperInvariant(), 1 => text.ToLowerInvariant(), _ => text };
        if (string.IsNullOrWhiteSpace(text))
        {
            text = "e";
        }

        var kinds = random.Next(3) == 0
            ? Enum.GetValues<EntityKind>().Where(_ => random.Next(2) == 0).ToArray()
            : null;
        int[] pages = [1, 3, 20, 200];
        return SearchQuestion.Create(text, kinds, pages[random.Next(pages.Length)]);
    }

    /// <summary>Names, aliases and ids of random syllables (accents, ß, digits, hyphens, spaces), in every kind, some cited.</summary>
    private static GraphIndex RandomGraph(int seed, int count)
    {
        var random = new Random(seed);
        var builder = new DatasetBuilder("random");
        string Word() => string.Concat(Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Syllables[random.Next(Syllables.Length)]));
        for (var i = 0; i < count; i++)
        {
            var name = Word().Trim() is { Length: > 0 } word ? word : "e";
            switch (random.Next(4))
            {
                case 0:
                    builder.Model($"m{i}-{random.Next(100)}", null, [.. Enumerable.Range(0, random.Next(3)).Select(_ => Word())]);
                    break;
                case 1:
                    builder.Chip($"c-{i}");
                    break;
                case 2:
                    builder.CitedRegulation($"r{i}", $"{80 + random.Next(10)} FR {random.Next(100_000)}", name + " " + Word());
                    break;
                default:
                    builder.Actor($"a{i}", ActorCategory.Equipment, name, [.. Enumerable.Range(0, random.Next(3)).Select(_ => Word())]);
                    break;
            }
        }

        var dataset = builder.Build();
        return GraphIndex.Build(dataset.Entities, dataset.Relationships);
    }

    /// <summary>Synthetic names as the benchmarks' generator makes them, a rare letter in one name in a thousand, one kind in fifty.</summary>
    private static GraphIndex BigGraph(int count)
    {
        var builder = new DatasetBuilder("big");
        for (var i = 0; i < count; i++)
        {
            var name = $"Synthetic {(i % 1000 == 0 ? "Quartz" : "Supplier")} {i}";
            switch (i % 50)
            {
                case 0:
                    builder.CitedRegulation($"syn-regulation-{i:D6}", $"SYN-REG 2023-{i:D5}", $"Synthetic Rule {i}");
                    break;
                case 1:
                case 2:
                    builder.Chip($"syn-chip-{i:D6}");
                    break;
                default:
                    builder.Actor($"syn-actor-{i:D6}", ActorCategory.Equipment, name);
                    break;
            }
        }

        var dataset = builder.Build();
        return GraphIndex.Build(dataset.Entities, dataset.Relationships);
    }
}
