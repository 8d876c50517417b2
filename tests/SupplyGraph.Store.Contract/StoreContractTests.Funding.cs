using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Testing;
using static SupplyGraph.Domain.Vocabulary.RelationshipType;

namespace SupplyGraph.Store.Contract;

/// <summary>
/// Funding is not supply: a lab backed by a restricted chip buyer does not pick up the buyer's restrictions, unless
/// the backer also provides it compute (a HOSTS claim of its own). Both ways, on every store, as the reference says.
/// </summary>
public abstract partial class StoreContractTests
{
    private const string ChipRule = "chip-licence-rule";

    [Fact]
    public async Task A_lab_an_investor_only_funds_is_not_touched_by_the_investors_chip_restrictions()
    {
        // arrange
        var store = await StoreWith(FundingChain());

        // act
        var controls = await store.ExportControlsAsync(new ExportControlsQuestion("funded-lab", TraversalOptions.Default), Token);
        var chain = await store.SupplyChainAsync(new SupplyChainQuestion("funded-lab", TraversalOptions.Default), Token);

        // assert
        controls.Hits.Should().BeEmpty("BACKED_BY carries money, not chips");
        chain.Stages.SelectMany(stage => stage.Entities).Select(entity => entity.Id).Should().NotContain(["chip-buyer", "restricted-chip"]);
    }

    [Fact]
    public async Task A_lab_its_backer_also_hosts_is_touched_through_the_compute_claim()
    {
        // arrange
        var store = await StoreWith(FundingChain());

        // act
        var controls = await store.ExportControlsAsync(new ExportControlsQuestion("hosted-lab", TraversalOptions.Default), Token);
        var chain = await store.SupplyChainAsync(new SupplyChainQuestion("hosted-lab", TraversalOptions.Default), Token);

        // assert
        controls.Hits.Should().ContainSingle().Which.Paths.Select(Text)
            .Should().Equal($"hosted-lab > compute-backer > restricted-chip > {ChipRule}");
        StageIds(chain, SupplyChainStage.Capital).Should().Equal("compute-backer");
        StageIds(chain, SupplyChainStage.Chips).Should().Equal("restricted-chip");
    }

    [Fact]
    public async Task The_chip_rule_exposes_its_buyers_and_the_hosted_lab_but_not_the_funded_one()
    {
        // arrange
        var dataset = FundingChain();
        var store = await StoreWith(dataset);
        var question = new ExposureQuestion(ChipRule, TraversalOptions.Default);

        // act
        var answer = await store.ExposureAsync(question, Token);

        // assert
        answer.Exposed.Select(exposed => exposed.Entity.Id).Should().BeEquivalentTo("restricted-chip", "chip-buyer", "compute-backer", "hosted-lab", "hosted-model");
        Describe(answer).Should().BeEquivalentTo(Describe(ReferenceQuestions(dataset).Exposure(question)), options => options.WithStrictOrdering());
    }

    /// <summary>
    /// Shaped like the case that found the bug: chip buyers restricted through the chip they operate, one only funding
    /// a lab, one funding a lab and running its training compute.
    /// </summary>
    private static Dataset FundingChain() => new DatasetBuilder("funding-chain")
        .Actor("chip-buyer", ActorCategory.CloudProvider)
        .Actor("compute-backer", ActorCategory.Investor)
        .Actor("funded-lab", ActorCategory.AiLab)
        .Actor("hosted-lab", ActorCategory.AiLab)
        .Chip("restricted-chip")
        .Model("hosted-model", "hosted-lab")
        .Regulation(ChipRule, new DateOnly(2025, 4, 9))
        .Link("chip-buyer", Operates, "restricted-chip")
        .Link("compute-backer", Operates, "restricted-chip")
        .Link("restricted-chip", RestrictedBy, ChipRule)
        .Link("funded-lab", BackedBy, "chip-buyer")
        .Link("hosted-lab", BackedBy, "compute-backer")
        .Link("compute-backer", Hosts, "hosted-lab")
        .Link("hosted-lab", Develops, "hosted-model")
        .Build();
}
