using FluentAssertions;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Testing;

namespace SupplyGraph.Domain.Tests.Questions;

public sealed class ExposureTests
{
    private readonly GraphQuestions questions = QuestionsFixture.SampleChain();

    [Fact]
    public void A_rule_exposes_what_depends_on_its_subject_and_the_owners_of_exposed_products()
    {
        // act
        var answer = questions.Exposure(new ExposureQuestion("rule-2023", TraversalOptions.Default));

        // assert
        answer.InForce.Should().BeTrue();
        answer.Exposed.Select(exposed => exposed.Entity.Id).Should().BeEquivalentTo(
            "chip-x", "model-1", "cloud-a", "design-co", "lab", "platform", "cloud-b");
        answer.Exposed[0].Entity.Id.Should().Be("chip-x", "the directly restricted subject is closest");
    }

    [Fact]
    public void Exposure_paths_run_from_the_entity_to_the_regulation()
    {
        var answer = questions.Exposure(new ExposureQuestion("rule-2023", TraversalOptions.Default));

        var lab = answer.Exposed.Single(exposed => exposed.Entity.Id == "lab");
        lab.Paths.Select(path => string.Join(" > ", path.Entities.Select(entity => entity.Id)))
            .Should().Contain(["lab > model-1 > chip-x > rule-2023", "lab > cloud-a > chip-x > rule-2023"]);
    }

    [Fact]
    public void A_designer_owning_a_restricted_chip_is_exposed_but_not_what_depends_on_the_designer_alone()
    {
        var answer = questions.Exposure(new ExposureQuestion("rule-2022", TraversalOptions.Default));

        answer.Exposed.Select(exposed => exposed.Entity.Id).Should().BeEquivalentTo(
            "chip-y", "design-co", "served-model", "other-lab", "cloud-a");
    }

    [Fact]
    public void The_walk_ends_at_a_platform_serving_an_exposed_model()
    {
        var answer = questions.Exposure(new ExposureQuestion("rule-2022", TraversalOptions.Default));

        answer.Exposed.Select(exposed => exposed.Entity.Id).Should().NotContain("lab", "the lab is hosted by cloud-a, but depends on it for compute, not for what it serves");
    }

    [Fact]
    public void A_rule_not_yet_in_force_exposes_nothing()
    {
        var answer = questions.Exposure(new ExposureQuestion("rule-2023", TraversalOptions.Create(asOf: new DateOnly(2023, 6, 1))));

        answer.InForce.Should().BeFalse();
        answer.Exposed.Should().BeEmpty();
    }

    [Fact]
    public void Exposure_is_the_exact_reverse_of_export_controls()
    {
        // arrange
        var dataset = SampleChain.Build();
        var regulations = dataset.Entities.OfType<Regulation>().Select(regulation => regulation.Id).ToList();

        // act
        var touches = dataset.Entities
            .SelectMany(entity => questions.ExportControls(new ExportControlsQuestion(entity.Id, TraversalOptions.Default)).Hits
                .Select(hit => (Entity: entity.Id, Regulation: hit.Regulation.Id)))
            .ToHashSet();
        var exposures = regulations
            .SelectMany(regulation => questions.Exposure(new ExposureQuestion(regulation, TraversalOptions.Default)).Exposed
                .Select(exposed => (Entity: exposed.Entity.Id, Regulation: regulation)))
            .ToHashSet();

        // assert
        touches.Should().NotBeEmpty();
        exposures.Except(touches).Should().BeEmpty("every exposure is a touch");
        touches.Except(exposures).Should().BeEmpty("every touch is an exposure");
    }

    [Fact]
    public void Asking_for_the_exposure_of_something_that_is_not_a_regulation_names_the_argument()
    {
        var act = () => questions.Exposure(new ExposureQuestion("lab", TraversalOptions.Default));

        act.Should().Throw<InvalidArgumentException>().Which.Argument.Should().Be("regulation");
    }

    [Fact]
    public void The_graph_index_keeps_both_directions_of_every_relationship()
    {
        var dataset = SampleChain.Build();
        var index = GraphIndex.Build(dataset.Entities, dataset.Relationships);

        index.TryGetNode("fab-co", out var fab).Should().BeTrue();
        index.Outgoing(fab).Length.Should().Be(2);
        index.Incoming(fab).Length.Should().Be(2);
    }
}
