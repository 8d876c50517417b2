using FluentAssertions;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Tests.Questions;

public sealed class PathsAndResolveTests
{
    private readonly GraphQuestions questions = QuestionsFixture.SampleChain();

    [Fact]
    public void Shortest_paths_go_either_way_along_relationships()
    {
        // act
        var answer = questions.Paths(new PathsQuestion("sand-co", "lab", null, TraversalOptions.Default));

        // assert
        answer.Paths.Select(path => string.Join(" > ", path.Entities.Select(entity => entity.Id))).Should().BeEquivalentTo(
            "sand-co > fab-co > chip-x > cloud-a > lab",
            "sand-co > fab-co > chip-x > model-1 > lab");
        answer.Partial.Should().BeFalse();
    }

    [Fact]
    public void Paths_can_be_limited_to_some_relationship_types()
    {
        var answer = questions.Paths(new PathsQuestion("sand-co", "lab", [RelationshipType.Supplies, RelationshipType.Fabricates, RelationshipType.Operates, RelationshipType.Hosts], TraversalOptions.Default));

        answer.Paths.Should().ContainSingle().Which.Entities.Select(entity => entity.Id)
            .Should().Equal("sand-co", "fab-co", "chip-x", "cloud-a", "lab");
    }

    [Fact]
    public void No_path_within_the_hop_limit_is_an_empty_partial_answer()
    {
        var answer = questions.Paths(new PathsQuestion("sand-co", "lab", null, TraversalOptions.Create(maxHops: 2)));

        answer.Paths.Should().BeEmpty();
        answer.Partial.Should().BeTrue();
    }

    [Fact]
    public void Two_entities_with_no_path_between_them_give_an_empty_answer_that_is_not_partial()
    {
        // arrange: two separate chains
        var dataset = new Testing.DatasetBuilder("islands")
            .Actor("a", ActorCategory.Foundry).Chip("a-chip").Link("a", RelationshipType.Fabricates, "a-chip")
            .Actor("b", ActorCategory.Foundry).Chip("b-chip").Link("b", RelationshipType.Fabricates, "b-chip")
            .Build();
        var islands = new GraphQuestions(SupplyGraph.Domain.Graph.GraphIndex.Build(dataset.Entities, dataset.Relationships), TimeProvider.System);

        // act
        var answer = islands.Paths(new PathsQuestion("a", "b-chip", null, TraversalOptions.Create(maxHops: 1)));

        // assert
        answer.Paths.Should().BeEmpty();
        answer.Partial.Should().BeFalse("no path exists at any length, so no limit cut one");
    }

    [Fact]
    public void A_regulation_not_yet_in_force_is_on_no_path_even_at_an_end()
    {
        var before = questions.Paths(new PathsQuestion("chip-x", "rule-2023", null, TraversalOptions.Create(asOf: Testing.SampleChain.Rule2023Effective.AddDays(-1))));
        var on = questions.Paths(new PathsQuestion("chip-x", "rule-2023", null, TraversalOptions.Create(asOf: Testing.SampleChain.Rule2023Effective)));

        before.Paths.Should().BeEmpty();
        on.Paths.Should().ContainSingle().Which.Length.Should().Be(1);
    }

    [Theory]
    [InlineData("lab")]
    [InlineData("LAB")]
    [InlineData("the lab ai")]
    [InlineData("  Lab ")]
    public void An_entity_resolves_by_id_name_or_alias_ignoring_case(string reference)
    {
        questions.Resolve(reference).Id.Should().Be("lab");
    }

    [Fact]
    public void An_unknown_name_suggests_the_closest_names()
    {
        var act = () => questions.Resolve("Cloud C");

        var error = act.Should().Throw<EntityNotFoundException>().Which;
        error.Suggestions.Should().Contain(["Cloud A", "Cloud B"]);
        error.Message.Should().Contain("Did you mean");
    }

    [Fact]
    public void Search_ranks_exact_and_prefix_matches_first_and_filters_by_kind()
    {
        var all = questions.Search(SearchQuestion.Create("cloud"));
        var chips = questions.Search(SearchQuestion.Create("chip", [EntityKind.Chip]));

        all.Select(entity => entity.Id).Should().Equal("cloud-a", "cloud-b");
        chips.Select(entity => entity.Id).Should().Equal("chip-x", "chip-y");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void Hop_limits_outside_the_range_name_the_argument(int maxHops)
    {
        var act = () => TraversalOptions.Create(maxHops: maxHops);

        act.Should().Throw<InvalidArgumentException>().Which.Argument.Should().Be("maxHops");
    }
}
