using FluentAssertions;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Testing;

namespace SupplyGraph.Domain.Tests.Questions;

public sealed class ExportControlsTests
{
    private readonly GraphQuestions questions = QuestionsFixture.SampleChain();

    [Fact]
    public void A_rule_on_the_chip_a_lab_model_was_trained_on_touches_the_lab_through_the_model()
    {
        // act
        var answer = questions.ExportControls(new ExportControlsQuestion("lab", TraversalOptions.Default));

        // assert
        var hit = answer.Hits.Should().ContainSingle().Subject;
        hit.Regulation.Id.Should().Be("rule-2023");
        hit.Paths.Select(path => string.Join(" > ", path.Entities.Select(entity => entity.Id))).Should().BeEquivalentTo(
            "lab > model-1 > chip-x > rule-2023",
            "lab > cloud-a > chip-x > rule-2023");
        hit.Paths[0].Length.Should().Be(3, "shortest paths come first");
    }

    [Fact]
    public void A_rule_on_another_chip_of_the_same_designer_does_not_touch_the_lab()
    {
        var answer = questions.ExportControls(new ExportControlsQuestion("lab", TraversalOptions.Default));

        answer.Hits.Select(hit => hit.Regulation.Id).Should().NotContain("rule-2022");
    }

    [Fact]
    public void What_a_cloud_serves_touches_the_cloud_but_not_the_labs_it_hosts()
    {
        var cloud = questions.ExportControls(new ExportControlsQuestion("cloud-a", TraversalOptions.Default));
        var lab = questions.ExportControls(new ExportControlsQuestion("lab", TraversalOptions.Default));

        cloud.Hits.Select(hit => hit.Regulation.Id).Should().BeEquivalentTo("rule-2022", "rule-2023");
        lab.Hits.Select(hit => hit.Regulation.Id).Should().Equal("rule-2023");
    }

    [Fact]
    public void A_designer_is_touched_by_the_rules_on_its_own_chips()
    {
        var answer = questions.ExportControls(new ExportControlsQuestion("design-co", TraversalOptions.Default));

        answer.Hits.Select(hit => hit.Regulation.Id).Should().BeEquivalentTo("rule-2022", "rule-2023");
    }

    [Fact]
    public void Before_the_rule_took_effect_it_touches_nothing()
    {
        var dayBefore = SampleChain.Rule2023Effective.AddDays(-1);

        var before = questions.ExportControls(new ExportControlsQuestion("lab", TraversalOptions.Create(asOf: dayBefore)));
        var on = questions.ExportControls(new ExportControlsQuestion("lab", TraversalOptions.Create(asOf: SampleChain.Rule2023Effective)));

        before.Hits.Should().BeEmpty();
        on.Hits.Select(hit => hit.Regulation.Id).Should().Equal("rule-2023");
    }

    [Fact]
    public void A_path_cap_keeps_the_shortest_and_marks_the_answer_partial()
    {
        var answer = questions.ExportControls(new ExportControlsQuestion("lab", TraversalOptions.Create(maxPaths: 1)));

        answer.Hits.Single().Paths.Should().ContainSingle();
        answer.Partial.Should().BeTrue();
        answer.Explored.CutBy.Should().Equal(TraversalLimit.MaxPaths);
    }

    [Fact]
    public void Every_step_of_a_path_is_a_real_relationship_between_its_neighbours()
    {
        var answer = questions.ExportControls(new ExportControlsQuestion("lab", TraversalOptions.Default));

        foreach (var path in answer.Hits.SelectMany(hit => hit.Paths))
        {
            path.Entities.Should().HaveCount(path.Relationships.Count + 1);
            for (var i = 0; i < path.Relationships.Count; i++)
            {
                var ends = new[] { path.Relationships[i].From.Id, path.Relationships[i].To.Id };
                ends.Should().BeEquivalentTo([path.Entities[i].Id, path.Entities[i + 1].Id]);
            }
        }
    }
}
