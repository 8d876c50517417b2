using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Generator;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Contract;

/// <summary>
/// What every store must answer, and answer alike: the foundation's acceptance questions on the seed, and the
/// store-level behaviour (import, idempotency, as-of, limits, unknown entities). Each answer is also compared
/// with the domain's reference answer over the same dataset.
/// </summary>
public abstract partial class StoreContractTests(IStoreUnderTest target)
{
    private const string October2023Rule = "us-bis-2023-10-advanced-computing";
    private static readonly Dataset Seed = SeedDataset.Load();
    private static readonly GraphQuestions Reference = ReferenceQuestions(Seed);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_controls_of_DeepSeek_include_the_October_2023_rule_through_DeepSeek_V3_and_H800()
    {
        // arrange
        var store = await StoreWith(Seed);

        // act
        var answer = await store.ExportControlsAsync(new ExportControlsQuestion("DeepSeek", TraversalOptions.Default), Token);

        // assert
        answer.Entity.Id.Should().Be("deepseek");
        var hit = answer.Hits.Should().ContainSingle(hit => hit.Regulation.Id == October2023Rule).Subject;
        hit.Paths.Select(Text).Should().Contain($"deepseek > deepseek-v3 > nvidia-h800 > {October2023Rule}");
    }

    [Fact]
    public async Task As_of_June_2023_the_October_2023_rule_does_not_touch_DeepSeek()
    {
        var store = await StoreWith(Seed);

        var answer = await store.ExportControlsAsync(new ExportControlsQuestion("deepseek", TraversalOptions.Create(asOf: new DateOnly(2023, 6, 1))), Token);

        answer.Hits.Select(hit => hit.Regulation.Id).Should().NotContain(October2023Rule);
    }

    [Fact]
    public async Task The_supply_chain_of_DeepSeek_runs_from_raw_materials_to_deployment()
    {
        var store = await StoreWith(Seed);

        var answer = await store.SupplyChainAsync(new SupplyChainQuestion("deepseek", TraversalOptions.Default), Token);

        answer.Stages[0].Stage.Should().Be(SupplyChainStage.RawMaterials);
        answer.Stages[^1].Stage.Should().Be(SupplyChainStage.Deployment);
        StageIds(answer, SupplyChainStage.Compute).Should().Contain(["huawei-cloud", "alibaba-cloud", "tencent-cloud"]);
        StageIds(answer, SupplyChainStage.Deployment).Should().Contain(["microsoft-azure", "hugging-face"]);
    }

    [Fact]
    public async Task DeepSeek_AI_resolves_to_DeepSeek()
    {
        var store = await StoreWith(Seed);

        (await store.ResolveAsync("DeepSeek AI", Token)).Id.Should().Be("deepseek");
    }

    [Fact]
    public async Task The_October_2023_rule_exposes_DeepSeek()
    {
        var store = await StoreWith(Seed);

        var answer = await store.ExposureAsync(new ExposureQuestion(October2023Rule, TraversalOptions.Default), Token);

        answer.Exposed.Select(exposed => exposed.Entity.Id).Should().Contain("deepseek");
    }

    [Fact]
    public async Task The_profile_of_DeepSeek_shows_its_models_its_clouds_and_its_backer_with_evidence()
    {
        var store = await StoreWith(Seed);

        var profile = await store.ProfileAsync(new ProfileQuestion("DeepSeek AI", new DateOnly(2025, 6, 1)), Token);

        profile.Entity.Id.Should().Be("deepseek");
        var links = profile.Relationships.Select(relationship => $"{relationship.From.Id} {relationship.Type.Name()} {relationship.To.Id}").ToList();
        links.Should().Contain(["deepseek DEVELOPS deepseek-v3", "huawei-cloud HOSTS deepseek", "deepseek BACKED_BY high-flyer"]);
        profile.Relationships.Should().OnlyContain(relationship => relationship.Record.Sources.Count > 0);
    }

    [Fact]
    public async Task Every_profile_on_the_seed_matches_the_reference()
    {
        var store = await StoreWith(Seed);

        foreach (var entity in Seed.Entities)
        {
            var question = new ProfileQuestion(entity.Id, new DateOnly(2023, 6, 1));
            var expected = Reference.Profile(question);
            var actual = await store.ProfileAsync(question, Token);

            actual.Relationships.Select(relationship => relationship.Record.Key)
                .Should().Equal(expected.Relationships.Select(relationship => relationship.Record.Key), entity.Id);
        }
    }

    [Fact]
    public async Task Every_supply_chain_on_the_seed_matches_the_reference()
    {
        var store = await StoreWith(Seed);

        foreach (var entity in Seed.Entities)
        {
            var question = new SupplyChainQuestion(entity.Id, TraversalOptions.Create(asOf: new DateOnly(2025, 6, 1)));
            var expected = Reference.SupplyChain(question);
            var actual = await store.SupplyChainAsync(question, Token);

            Describe(actual).Should().BeEquivalentTo(Describe(expected), options => options.WithStrictOrdering(), entity.Id);
            actual.Explored.Should().BeEquivalentTo(expected.Explored, entity.Id);
        }
    }

    [Fact]
    public async Task Every_export_controls_answer_on_the_seed_matches_the_reference()
    {
        var store = await StoreWith(Seed);

        foreach (var entity in Seed.Entities)
        {
            var question = new ExportControlsQuestion(entity.Id, TraversalOptions.Create(asOf: new DateOnly(2025, 6, 1)));
            var expected = Reference.ExportControls(question);
            var actual = await store.ExportControlsAsync(question, Token);

            actual.Partial.Should().Be(expected.Partial, entity.Id);
            actual.Hits.Select(hit => (hit.Regulation.Id, Paths: string.Join(" | ", hit.Paths.Select(Text))))
                .Should().Equal(expected.Hits.Select(hit => (hit.Regulation.Id, Paths: string.Join(" | ", hit.Paths.Select(Text)))), entity.Id);
            actual.Explored.Should().BeEquivalentTo(expected.Explored, "{0} examines what the reference examines", entity.Id);
        }
    }

    [Fact]
    public async Task Every_exposure_on_the_seed_matches_the_reference()
    {
        var store = await StoreWith(Seed);

        foreach (var regulation in Seed.Entities.OfType<Regulation>())
        {
            var question = new ExposureQuestion(regulation.Id, TraversalOptions.Default);
            var expected = Reference.Exposure(question);
            var actual = await store.ExposureAsync(question, Token);

            actual.InForce.Should().Be(expected.InForce);
            actual.Exposed.Select(exposed => (exposed.Entity.Id, Paths: string.Join(" | ", exposed.Paths.Select(Text))))
                .Should().Equal(expected.Exposed.Select(exposed => (exposed.Entity.Id, Paths: string.Join(" | ", exposed.Paths.Select(Text)))), regulation.Id);
            actual.Explored.Should().BeEquivalentTo(expected.Explored, regulation.Id);
        }
    }

    [Theory]
    [InlineData("hugging-face", "asml", null)]
    [InlineData("deepseek", "nvidia", null)]
    [InlineData("deepseek", "tsmc", "TRAINED_ON,FABRICATES,DEVELOPS")]
    public async Task Paths_on_the_seed_match_the_reference(string from, string to, string? types)
    {
        var store = await StoreWith(Seed);
        var allowed = types?.Split(',').Select(name => RelationshipTypes.TryParse(name, out var type) ? type : throw new ArgumentException(name)).ToList();
        var question = new PathsQuestion(from, to, allowed, TraversalOptions.Create(asOf: new DateOnly(2025, 6, 1)));

        var expected = Reference.Paths(question);
        var actual = await store.PathsAsync(question, Token);

        expected.Paths.Should().NotBeEmpty();
        actual.Paths.Select(Text).Should().Equal(expected.Paths.Select(Text));
        actual.Partial.Should().Be(expected.Partial);
        actual.Explored.Should().BeEquivalentTo(expected.Explored);
    }

    /// <summary>
    /// A generated graph, denser than the seed (hubs, long chains, dated and disputed claims): every question on a
    /// sample of its entities answers as the reference does, down to what it examined, at a small hop limit (cuts)
    /// and the default.
    /// </summary>
    [Theory]
    [InlineData(3)]
    [InlineData(QueryLimits.DefaultMaxHops)]
    public async Task Every_question_on_a_generated_graph_matches_the_reference(int maxHops)
    {
        using var generated = new MemoryStream();
        SyntheticSupplyChain.Write(generated, new GeneratorOptions { Entities = 400, Seed = 7 }, Token);
        var dataset = DatasetReader.Read(generated.ToArray(), "generated.json");
        var reference = ReferenceQuestions(dataset);
        var store = await StoreWith(dataset);
        var options = TraversalOptions.Create(asOf: new DateOnly(2025, 6, 1), maxHops: maxHops);

        foreach (var entity in dataset.Entities.Where((_, index) => index % 10 == 0))
        {
            var supplyChain = new SupplyChainQuestion(entity.Id, options);
            Describe(await store.SupplyChainAsync(supplyChain, Token)).Should().BeEquivalentTo(Describe(reference.SupplyChain(supplyChain)), o => o.WithStrictOrdering(), entity.Id);
            var controls = new ExportControlsQuestion(entity.Id, options);
            Describe(await store.ExportControlsAsync(controls, Token)).Should().BeEquivalentTo(Describe(reference.ExportControls(controls)), o => o.WithStrictOrdering(), entity.Id);
            var paths = new PathsQuestion(entity.Id, dataset.Entities[^1].Id, null, options);
            Describe(await store.PathsAsync(paths, Token)).Should().BeEquivalentTo(Describe(reference.Paths(paths)), o => o.WithStrictOrdering(), entity.Id);
            if (entity is Regulation)
            {
                var exposure = new ExposureQuestion(entity.Id, options);
                Describe(await store.ExposureAsync(exposure, Token)).Should().BeEquivalentTo(Describe(reference.Exposure(exposure)), o => o.WithStrictOrdering(), entity.Id);
            }
        }
    }

    [Fact]
    public async Task A_path_longer_than_the_hop_limit_is_an_empty_partial_answer()
    {
        var store = await StoreWith(Seed);

        var cut = await store.PathsAsync(new PathsQuestion("hugging-face", "asml", null, TraversalOptions.Create(maxHops: 2)), Token);
        var whole = await store.PathsAsync(new PathsQuestion("hugging-face", "asml", null, TraversalOptions.Default), Token);

        cut.Paths.Should().BeEmpty();
        cut.Partial.Should().BeTrue();
        cut.Explored.CutBy.Should().Equal(TraversalLimit.MaxHops);
        whole.Paths.Should().NotBeEmpty();
        whole.Partial.Should().BeFalse();
    }

    [Fact]
    public async Task Importing_the_same_dataset_twice_changes_nothing()
    {
        // arrange
        var store = await EmptyStore();
        var dataset = SampleChain.Build();
        var first = await store.ImportAsync(dataset, Token);

        // act
        var second = await store.ImportAsync(dataset, Token);

        // assert
        first.Entities.Added.Should().Be(dataset.Entities.Count);
        first.Relationships.Added.Should().Be(dataset.Relationships.Count);
        second.ChangedAnything.Should().BeFalse();
        (await store.GetStatisticsAsync(Token)).Should().Be(new StoreStatistics(dataset.Entities.Count, dataset.Relationships.Count));
    }

    [Fact]
    public async Task An_import_that_fails_stores_none_of_its_file()
    {
        // arrange: a dataset built in code (past the validator) whose last relationship points at nothing
        var store = await StoreWith(SampleChain.Build());
        var before = await store.GetStatisticsAsync(Token);
        var broken = new DatasetBuilder("broken")
            .Actor("new-supplier", ActorCategory.Equipment)
            .Link("new-supplier", RelationshipType.Supplies, "fab-co")
            .Link("new-supplier", RelationshipType.Supplies, "nowhere")
            .Build();

        // act
        var act = () => store.ImportAsync(broken, Token);

        // assert
        await act.Should().ThrowAsync<Exception>();
        (await store.GetStatisticsAsync(Token)).Should().Be(before);
        (await store.SearchAsync(SearchQuestion.Create("new-supplier"), Token)).Should().BeEmpty();
    }

    [Fact]
    public async Task Re_importing_a_changed_entity_updates_it_by_id()
    {
        var store = await StoreWith(SampleChain.Build());

        var summary = await store.ImportAsync(new DatasetBuilder("rename").Actor("lab", ActorCategory.AiLab, "Renamed Lab").Build(), Token);

        summary.Entities.Should().Be(new ChangeCounts(0, 1, 0));
        (await store.ResolveAsync("renamed lab", Token)).Id.Should().Be("lab");
    }

    [Fact]
    public async Task An_unknown_entity_is_not_found_with_the_closest_names()
    {
        var store = await StoreWith(Seed);

        var act = () => store.ResolveAsync("DeepSek", Token);

        (await act.Should().ThrowAsync<EntityNotFoundException>()).Which.Suggestions.Should().Contain("DeepSeek");
    }

    [Fact]
    public async Task A_hop_limit_that_cuts_the_answer_says_so()
    {
        var store = await StoreWith(SampleChain.Build());

        var answer = await store.SupplyChainAsync(new SupplyChainQuestion("lab", TraversalOptions.Create(maxHops: 1)), Token);

        answer.Partial.Should().BeTrue();
        answer.Explored.CutBy.Should().Contain(TraversalLimit.MaxHops);
    }

    [Fact]
    public async Task A_rule_not_yet_in_force_touches_nothing()
    {
        var store = await StoreWith(SampleChain.Build());
        var dayBefore = SampleChain.Rule2023Effective.AddDays(-1);

        var before = await store.ExportControlsAsync(new ExportControlsQuestion("lab", TraversalOptions.Create(asOf: dayBefore)), Token);
        var on = await store.ExportControlsAsync(new ExportControlsQuestion("lab", TraversalOptions.Create(asOf: SampleChain.Rule2023Effective)), Token);

        before.Hits.Should().BeEmpty();
        on.Hits.Select(hit => hit.Regulation.Id).Should().Equal("rule-2023");
    }

    [Fact]
    public async Task Search_finds_by_alias_and_filters_by_kind()
    {
        var store = await StoreWith(Seed);

        var models = await store.SearchAsync(SearchQuestion.Create("deepseek", [EntityKind.Model]), Token);
        var byAlias = await store.SearchAsync(SearchQuestion.Create("Huanfang"), Token);

        models.Should().NotBeEmpty().And.OnlyContain(entity => entity.Kind == EntityKind.Model);
        models.Select(entity => entity.Id).Should().Equal(Reference.Search(SearchQuestion.Create("deepseek", [EntityKind.Model])).Select(entity => entity.Id));
        byAlias.Select(entity => entity.Id).Should().Contain("high-flyer");
    }

    /// <summary>The reference answers: the domain's questions over the dataset, ordered as the stores order it.</summary>
    public static GraphQuestions ReferenceQuestions(Dataset dataset) => new(
        GraphIndex.Build(
            [.. dataset.Entities.OrderBy(entity => entity.Id, StringComparer.Ordinal)],
            [.. dataset.Relationships.OrderBy(relationship => relationship.Key, StringComparer.Ordinal)]),
        TimeProvider.System);

    private async Task<ISupplyGraphStore> StoreWith(Dataset dataset)
    {
        var store = await EmptyStore();
        await store.ImportAsync(dataset, Token);
        return store;
    }

    private Task<ISupplyGraphStore> EmptyStore()
    {
        Assert.SkipWhen(target.SkipReason is not null, target.SkipReason ?? string.Empty);
        return target.EmptyStoreAsync(Token);
    }

    private static string Text(GraphPath path) => string.Join(" > ", path.Entities.Select(entity => entity.Id));

    private static IEnumerable<string> StageIds(SupplyChainAnswer answer, SupplyChainStage stage) =>
        answer.Stages.Where(group => group.Stage == stage).SelectMany(group => group.Entities).Select(entity => entity.Id);

    private static object Describe(SupplyChainAnswer answer) => new
    {
        Stages = answer.Stages.Select(group => $"{group.Stage}: {string.Join(", ", group.Entities.Select(entity => entity.Id))}").ToList(),
        Relationships = answer.Relationships.Select(relationship => relationship.Record.Key).ToList(),
        answer.Partial,
        Explored = Comparable(answer.Explored),
    };

    private static object Describe(ExportControlsAnswer answer) => new
    {
        Hits = answer.Hits.Select(hit => $"{hit.Regulation.Id}: {string.Join(" | ", hit.Paths.Select(Text))}").ToList(),
        Explored = Comparable(answer.Explored),
    };

    private static object Describe(ExposureAnswer answer) => new
    {
        Exposed = answer.Exposed.Select(exposed => $"{exposed.Entity.Id}: {string.Join(" | ", exposed.Paths.Select(Text))}").ToList(),
        Explored = Comparable(answer.Explored),
    };

    private static object Describe(PathAnswer answer) => new { Paths = answer.Paths.Select(Text).ToList(), Explored = Comparable(answer.Explored) };

    /// <summary>
    /// What the walk explored, as every store must report it. Where the hop limit cut, the walk stops probing the
    /// horizon at the first entity beyond it, so how many relationships it looked at there depends on the order a
    /// store lists the horizon in; only that count is left out then.
    /// </summary>
    private static Exploration Comparable(Exploration explored) =>
        explored.CutBy.Contains(TraversalLimit.MaxHops) ? explored with { Relationships = -1 } : explored;
}
