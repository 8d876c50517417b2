using FluentAssertions;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Tests.Questions;

public sealed class SupplyChainTests
{
    private readonly GraphQuestions questions = QuestionsFixture.SampleChain();

    [Fact]
    public void The_lab_runs_from_raw_materials_to_deployment_in_stage_order()
    {
        // act
        var answer = questions.SupplyChain(new SupplyChainQuestion("lab", TraversalOptions.Default));

        // assert
        answer.Stages.Select(stage => stage.Stage).Should().Equal(
            SupplyChainStage.RawMaterials,
            SupplyChainStage.Equipment,
            SupplyChainStage.Manufacturing,
            SupplyChainStage.ChipDesign,
            SupplyChainStage.Chips,
            SupplyChainStage.Compute,
            SupplyChainStage.Labs,
            SupplyChainStage.Models,
            SupplyChainStage.Deployment);
        Ids(answer, SupplyChainStage.Compute).Should().Equal("cloud-a");
        Ids(answer, SupplyChainStage.Deployment).Should().BeEquivalentTo("platform", "cloud-b");
        Ids(answer, SupplyChainStage.Chips).Should().Equal("chip-x");
        Ids(answer, SupplyChainStage.Manufacturing).Should().BeEquivalentTo("fab-co", "mem-co");
        answer.Stages.SelectMany(stage => stage.Entities).Select(entity => entity.Id).Should().NotContain("fund", "the fund only funds the lab (BACKED_BY): money, not supply");
        answer.Partial.Should().BeFalse();
    }

    [Fact]
    public void What_a_platform_serves_besides_the_focus_is_not_in_the_focus_chain()
    {
        var answer = questions.SupplyChain(new SupplyChainQuestion("lab", TraversalOptions.Default));

        answer.Stages.SelectMany(stage => stage.Entities).Select(entity => entity.Id)
            .Should().NotContain(["other-model", "other-lab", "chip-y", "regulator", "rule-2023"]);
    }

    [Fact]
    public void The_relationships_connect_the_stages_and_keep_their_evidence()
    {
        var answer = questions.SupplyChain(new SupplyChainQuestion("lab", TraversalOptions.Default));

        var trainedOn = answer.Relationships.Should().ContainSingle(relationship => relationship.Type == RelationshipType.TrainedOn).Subject;
        trainedOn.From.Id.Should().Be("model-1");
        trainedOn.To.Id.Should().Be("chip-x");
        trainedOn.Record.Note.Should().Be("~1,000 chips");
        trainedOn.Record.Sources.Should().NotBeEmpty();
        answer.Relationships.Should().NotContain(relationship => relationship.Type == RelationshipType.RestrictedBy || relationship.Type == RelationshipType.CompetesWith);
    }

    [Fact]
    public void Before_the_model_existed_its_training_chips_are_not_upstream_of_the_lab()
    {
        var answer = questions.SupplyChain(new SupplyChainQuestion("lab", TraversalOptions.Create(asOf: new DateOnly(2024, 1, 1))));

        Ids(answer, SupplyChainStage.Models).Should().BeEmpty();
        Ids(answer, SupplyChainStage.Chips).Should().Equal("chip-x"); // still run by its cloud
        Ids(answer, SupplyChainStage.Deployment).Should().BeEmpty();
    }

    [Fact]
    public void A_hop_limit_that_cuts_the_chain_says_so()
    {
        var answer = questions.SupplyChain(new SupplyChainQuestion("lab", TraversalOptions.Create(maxHops: 1)));

        answer.Partial.Should().BeTrue();
        answer.Explored.CutBy.Should().Contain(TraversalLimit.MaxHops);
        answer.Explored.Depth.Should().Be(1);
        Ids(answer, SupplyChainStage.RawMaterials).Should().BeEmpty();
    }

    [Fact]
    public void The_answer_counts_what_it_explored()
    {
        var answer = questions.SupplyChain(new SupplyChainQuestion("lab", TraversalOptions.Default));

        answer.Explored.Relationships.Should().BeGreaterThanOrEqualTo(answer.Relationships.Count);
        answer.Explored.Entities.Should().Be(answer.Stages.SelectMany(stage => stage.Entities).Select(entity => entity.Id).Distinct().Count());
    }

    [Fact]
    public void A_chip_sees_its_makers_upstream_and_its_users_downstream()
    {
        var answer = questions.SupplyChain(new SupplyChainQuestion("chip-x", TraversalOptions.Default));

        Ids(answer, SupplyChainStage.ChipDesign).Should().Equal("design-co");
        Ids(answer, SupplyChainStage.Labs).Should().Equal("lab");
        Ids(answer, SupplyChainStage.Models).Should().Equal("model-1");
        Ids(answer, SupplyChainStage.Chips).Should().Equal(["chip-x"], "the focus stays in its own stage, and the designer's other chip is not in this chain");
    }

    [Fact]
    public void A_cancelled_question_stops()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var act = () => questions.SupplyChain(new SupplyChainQuestion("lab", TraversalOptions.Default), cancellation.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    private static IEnumerable<string> Ids(SupplyChainAnswer answer, SupplyChainStage stage) =>
        answer.Stages.Where(group => group.Stage == stage).SelectMany(group => group.Entities).Select(entity => entity.Id);
}
