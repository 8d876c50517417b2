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
