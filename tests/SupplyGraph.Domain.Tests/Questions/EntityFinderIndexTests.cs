using FluentAssertions;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Testing;

namespace SupplyGraph.Domain.Tests.Questions;

/// <summary>
/// Search and suggestions through the lookup index on a graph too big to compare with every entity: the same answers as
/// a scan of every entity (the rules written out plainly below), bounded for any text, and stopped by cancellation.
/// </summary>
public sealed class EntityFinderIndexTests
{
    private static readonly string[] Words =
        ["Synthetic", "Moon", "Lab", "Cloud", "Foundry", "Deep", "Rule", "Supplier", "Raw", "Chip", "Model", "Notice", "Quant", "Zeta"];

    private static readonly GraphIndex Crowd = CrowdedGraph(3_000);

    public static TheoryData<string> SearchTexts() =>
    [
        "s", "Q", "7", "ee", "e r", "-0", "lab", "LAB 1", "moon", "Moonshot", "deep", "seek", "deepseek", "supplier 12",
        "synthetic raw", "lab-00", "rule 3", "88 FR 73458", "88fr73458", "FR 734", "zeta quant", "nothing like this", "ab",
    ];

    [Theory]
    [MemberData(nameof(SearchTexts))]
    public void Search_through_the_index_answers_as_a_scan_of_every_entity_does(string text)
    {
        // arrange
        var finder = new EntityFinder(Crowd);
        var question = SearchQuestion.Create(text, first: 50);

        // act
        var found = finder.Search(question, TestContext.Current.CancellationToken);

        // assert
        found.Select(entity => entity.Id).Should().Equal(ScanSearch(Crowd, question).Select(entity => entity.Id), text);
    }

    [Theory]
    [InlineData("lab", EntityKind.Model)]
    [InlineData("88 FR", EntityKind.Regulation)]
    [InlineData("e", EntityKind.Model)]
    public void Search_through_the_index_filters_by_kind_as_a_scan_does(string text, EntityKind kind)
    {
        // arrange
        var finder = new EntityFinder(Crowd);
        var question = SearchQuestion.Create(text, [kind], first: 200);

        // act
        var found = finder.Search(question, TestContext.Current.CancellationToken);

        // assert
        found.Should().NotBeEmpty().And.OnlyContain(entity => entity.Kind == kind);
        found.Select(entity => entity.Id).Should().Equal(ScanSearch(Crowd, question).Select(entity => entity.Id));
    }

    [Theory]
    [InlineData("Moonshoot", "Moonshot")]
    [InlineData("DeepSek", "DeepSeek")]
    [InlineData("Deepseek AI Lab", "DeepSeek")]
    [InlineData("Octobr 7 rule", "October 7 rule")]
    public void A_misspelt_name_on_a_big_graph_suggests_what_comparing_with_every_entity_suggests(string reference, string name)
    {
        // arrange
        var indexed = new EntityFinder(Crowd);
        var exhaustive = new EntityFinder(Crowd, exhaustiveSuggestionLimit: int.MaxValue);

        // act
        var suggested = Suggestions(() => indexed.Resolve(reference, TestContext.Current.CancellationToken));
        var closest = Suggestions(() => exhaustive.Resolve(reference, TestContext.Current.CancellationToken));

        // assert
        suggested.Should().Contain(name).And.Equal(closest);
    }

    [Theory]
    [InlineData(199)]
    [InlineData(100_000)]
    public void A_long_reference_nobody_has_gets_no_suggestion(int length)
    {
        // arrange
        var random = new Random(length);
        var reference = new string([.. Enumerable.Range(0, length).Select(_ => (char)('a' + random.Next(26)))]);

        // act
        var suggested = Suggestions(() => new EntityFinder(Crowd).Resolve(reference, TestContext.Current.CancellationToken));

        // assert
        suggested.Should().BeEmpty();
    }

    [Fact]
    public void A_one_letter_reference_is_compared_with_short_keys_only()
    {
        // arrange: one letter has no trigram; "Q" is an alias of one model, a key within the threshold
        var finder = new EntityFinder(Crowd);

        // act
        var suggested = Suggestions(() => finder.Resolve("J", TestContext.Current.CancellationToken));

        // assert
        suggested.Should().Contain("model-0001");
    }

    [Fact]
    public void A_cancelled_search_stops_with_operation_cancelled()
    {
        // arrange
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var finder = new EntityFinder(Crowd);

        // act
        var act = () => finder.Search(SearchQuestion.Create("e", first: 200), cancelled.Token);

        // assert
        act.Should().Throw<OperationCanceledException>();
    }

    [Theory]
    [InlineData("Syntetic Lab 17")]
    [InlineData("Zx")]
    public void Suggestions_for_an_unknown_reference_stop_when_cancelled(string reference)
    {
        // arrange
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // act
        var indexed = () => new EntityFinder(Crowd).Resolve(reference, cancelled.Token);
        var exhaustive = () => new EntityFinder(Crowd, exhaustiveSuggestionLimit: int.MaxValue).Resolve(reference, cancelled.Token);

        // assert
        indexed.Should().Throw<OperationCanceledException>();
        exhaustive.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void A_known_reference_resolves_whatever_the_token_says()
    {
        // arrange: finding by id or name is one lookup, nothing worth stopping
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // act
        var found = new EntityFinder(Crowd).Resolve("Moonshot", cancelled.Token);

        // assert
        found.Id.Should().Be("moonshot");
    }

    [Fact]
    public void A_cancelled_profile_of_a_hub_stops_with_operation_cancelled()
    {
        // arrange
        var builder = new DatasetBuilder("hub").Actor("hub", ActorCategory.CloudProvider);
        for (var i = 0; i < 3_000; i++)
        {
            builder.Model($"hosted-{i:D4}").Link("hub", RelationshipType.Hosts, $"hosted-{i:D4}");
        }

        var dataset = builder.Build();
        var questions = new GraphQuestions(GraphIndex.Build(dataset.Entities, dataset.Relationships), TimeProvider.System);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // act
        var act = () => questions.Profile(new ProfileQuestion("hub", null), cancelled.Token);

        // assert
        act.Should().Throw<OperationCanceledException>();
    }

    [Theory]
    [InlineData("kitten", "sitting", 3, 3)]
    [InlineData("kitten", "sitting", 2, 3)]
    [InlineData("DEEPSEK", "DEEPSEEK", 2, 1)]
    [InlineData("ABC", "XYZABC", 2, 3)]
    [InlineData("", "AB", 2, 2)]
    public void The_bounded_edit_distance_is_exact_within_its_bound_and_above_it_beyond(string a, string b, int bound, int expected)
    {
        // act
        var distance = EntityFinder.BoundedLevenshtein(a, b, bound);

        // assert
        distance.Should().Be(expected);
        distance.Should().Be(Math.Min(TextDistance.Levenshtein(a, b), bound + 1));
    }

    private static IReadOnlyList<string> Suggestions(Func<Entity> resolve)
    {
        var act = () => resolve();
        return act.Should().Throw<EntityNotFoundException>().Which.Suggestions;
    }

    /// <summary>
    /// Search's rules applied to every entity: the best rank of any of its keys against any of the text's keys (exact 0,
    /// prefix 1, word start 2, inside 3), then name length, name ignoring case, id.
    /// </summary>
    internal static List<Entity> ScanSearch(GraphIndex graph, SearchQuestion question)
    {
        var needles = ReferenceKeys.Of(question.Text);
        var ranked = new List<(int Rank, Entity Entity)>();
        for (var node = 0; node < graph.NodeCount; node++)
        {
            var entity = graph.Node(node);
            if (question.Kinds is { Count: > 0 } kinds && !kinds.Contains(entity.Kind))
            {
                continue;
            }

            var keys = new[] { entity.Name, entity.Id }.Concat(entity.Aliases).Select(GraphIndex.NameKey).Concat(graph.CitationKeys(node));
            var ranks = keys.SelectMany(key => needles.Select(needle => Rank(key, needle))).Where(rank => rank is not null).ToList();
            if (ranks.Count > 0)
            {
                ranked.Add((ranks.Min()!.Value, entity));
            }
        }

        return [.. ranked
            .OrderBy(pair => pair.Rank)
            .ThenBy(pair => pair.Entity.Name.Length)
            .ThenBy(pair => pair.Entity.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(pair => pair.Entity.Id, StringComparer.Ordinal)
            .Take(question.First)
            .Select(pair => pair.Entity)];

        static int? Rank(string key, string needle) =>
            key == needle ? 0
            : key.StartsWith(needle, StringComparison.Ordinal) ? 1
            : key.Contains(" " + needle, StringComparison.Ordinal) || key.Contains("-" + needle, StringComparison.Ordinal) ? 2
            : key.Contains(needle, StringComparison.Ordinal) ? 3
            : null;
    }

    /// <summary>
    /// Over <see cref="EntityFinder.ExhaustiveSuggestionLimit"/> entities, so suggestions go through the index: names made
    /// of a few shared words (many share every gram of a short text), ids with hyphens, aliases, cited rules, models.
    /// </summary>
    private static GraphIndex CrowdedGraph(int count)
    {
        var random = new Random(7);
        var builder = new DatasetBuilder("crowd")
            .Actor("moonshot", ActorCategory.AiLab, "Moonshot", "Moonshot AI")
            .Actor("deepseek", ActorCategory.AiLab, "DeepSeek", "DeepSeek AI", "Hangzhou DeepSeek")
            .Actor("moonshine", ActorCategory.AiLab, "Moonshine")
            .Model("model-0001", "deepseek", "Q", "J1")
            .CitedRegulation("october-2023", "88 FR 73458", "October 17 rule", "Advanced computing update")
            .CitedRegulation("october-2022", "87 FR 62186", "October 7 rule");
        for (var i = 0; i < count; i++)
        {
            var name = string.Join(' ', Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Words[random.Next(Words.Length)])) + $" {i}";
            switch (i % 5)
            {
                case 0:
                    builder.Model($"model-{i:D5}", null, $"{Words[random.Next(Words.Length)]}-{i % 97}");
                    break;
                case 1:
                    builder.CitedRegulation($"rule-{i:D5}", $"{80 + (i % 10)} FR {73000 + i}", name);
                    break;
                default:
                    builder.Actor($"{Words[random.Next(Words.Length)].ToLowerInvariant()}-{i:D5}", ActorCategory.Equipment, name, i % 3 == 0 ? [$"{name} Holdings"] : []);
                    break;
            }
        }

        var dataset = builder.Build();
        return GraphIndex.Build(dataset.Entities, dataset.Relationships);
    }
}
