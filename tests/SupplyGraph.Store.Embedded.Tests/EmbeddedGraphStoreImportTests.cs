using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Embedded.Tests;

public sealed class EmbeddedGraphStoreImportTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Importing_a_dataset_stores_every_entity_and_relationship()
    {
        // arrange
        using var store = await InMemoryStore();
        var dataset = SampleChain.Build();

        // act
        var summary = await store.ImportAsync(dataset, Token);

        // assert
        summary.Entities.Should().Be(new ChangeCounts(dataset.Entities.Count, 0, 0));
        summary.Relationships.Should().Be(new ChangeCounts(dataset.Relationships.Count, 0, 0));
        (await store.GetStatisticsAsync(Token)).Should().Be(new StoreStatistics(dataset.Entities.Count, dataset.Relationships.Count));
        (await store.ResolveAsync("The Lab AI", Token)).Id.Should().Be("lab");
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing()
    {
        // arrange
        using var store = await InMemoryStore();
        var dataset = SampleChain.Build();
        await store.ImportAsync(dataset, Token);
        var before = await store.ExportControlsAsync(new ExportControlsQuestion("lab", TraversalOptions.Default), Token);

        // act
        var summary = await store.ImportAsync(dataset, Token);

        // assert
        summary.ChangedAnything.Should().BeFalse();
        summary.Entities.Unchanged.Should().Be(dataset.Entities.Count);
        summary.Relationships.Unchanged.Should().Be(dataset.Relationships.Count);
        (await store.GetStatisticsAsync(Token)).Entities.Should().Be(dataset.Entities.Count);
        var after = await store.ExportControlsAsync(new ExportControlsQuestion("lab", TraversalOptions.Default), Token);
        after.Hits.Select(hit => hit.Regulation.Id).Should().Equal(before.Hits.Select(hit => hit.Regulation.Id));
    }

    [Fact]
    public async Task Re_importing_a_changed_entity_updates_it_by_id()
    {
        // arrange
        using var store = await InMemoryStore();
        await store.ImportAsync(SampleChain.Build(), Token);
        var changed = new DatasetBuilder("rename").Actor("lab", ActorCategory.AiLab, "Renamed Lab").Build();

        // act
        var summary = await store.ImportAsync(changed, Token);

        // assert
        summary.Entities.Should().Be(new ChangeCounts(0, 1, 0));
        (await store.ResolveAsync("lab", Token)).Name.Should().Be("Renamed Lab");
    }

    [Fact]
    public async Task An_import_that_fails_midway_stores_none_of_the_file()
    {
        // arrange: a relationship to an entity that exists nowhere, after thousands of good rows
        using var store = await InMemoryStore();
        await store.ImportAsync(SampleChain.Build(), Token);
        var builder = new DatasetBuilder("broken");
        for (var i = 0; i < 3000; i++)
        {
            builder.Actor($"supplier-{i}", ActorCategory.Equipment);
        }

        var broken = builder.Link("supplier-1", RelationshipType.Supplies, "nowhere").Build();

        // act
        var act = () => store.ImportAsync(broken, Token);

        // assert
        await act.Should().ThrowAsync<Exception>();
        (await store.GetStatisticsAsync(Token)).Should().Be(new StoreStatistics(SampleChain.Build().Entities.Count, SampleChain.Build().Relationships.Count));
        var reopened = await store.SearchAsync(SearchQuestion.Create("supplier-"), Token);
        reopened.Should().BeEmpty();
    }

    [Fact]
    public async Task A_cancelled_import_stores_none_of_the_file()
    {
        // arrange
        using var cancellation = new CancellationTokenSource();
        using var store = await CancellingStore.CreateAsync(cancellation, afterRows: 2000, Token);
        var large = LargeDataset(3000);

        // act
        var act = () => store.ImportAsync(large, cancellation.Token);

        // assert
        await act.Should().ThrowAsync<OperationCanceledException>();
        (await store.GetStatisticsAsync(Token)).Should().Be(new StoreStatistics(0, 0));
    }

    [Fact]
    public async Task A_file_store_keeps_its_graph_across_restarts()
    {
        // arrange
        using var folder = new TemporaryDirectory();
        var options = new EmbeddedStoreOptions { DatabasePath = folder.File("graph.db") };
        using (var first = new EmbeddedGraphStore(options))
        {
            await first.InitializeAsync(Token);
            await first.ImportAsync(SampleChain.Build(), Token);
        }

        // act
        using var second = new EmbeddedGraphStore(options);
        await second.InitializeAsync(Token);

        // assert
        (await second.GetStatisticsAsync(Token)).Entities.Should().Be(SampleChain.Build().Entities.Count);
        var answer = await second.ExportControlsAsync(new ExportControlsQuestion("lab", TraversalOptions.Default), Token);
        answer.Hits.Single().Paths.Should().Contain(path => path.Relationships.Any(relationship => relationship.Record.Note == "~1,000 chips"));
    }

    [Fact]
    public async Task The_seed_dataset_answers_the_same_after_a_round_trip_through_SQLite()
    {
        // arrange
        using var store = await InMemoryStore();
        var seed = SeedDataset.Load();
        var direct = new GraphQuestions(Domain.Graph.GraphIndex.Build(seed.Entities, seed.Relationships), TimeProvider.System);

        // act
        await store.ImportAsync(seed, Token);

        // assert
        store.Index.Entities.Should().BeEquivalentTo(seed.Entities, options => options.RespectingRuntimeTypes());
        foreach (var entity in seed.Entities)
        {
            var expected = direct.ExportControls(new ExportControlsQuestion(entity.Id, TraversalOptions.Default));
            var actual = await store.ExportControlsAsync(new ExportControlsQuestion(entity.Id, TraversalOptions.Default), Token);
            actual.Hits.Select(hit => (hit.Regulation.Id, hit.Paths.Count)).Should().Equal(expected.Hits.Select(hit => (hit.Regulation.Id, hit.Paths.Count)), entity.Id);
        }
    }

    internal static Dataset LargeDataset(int actors)
    {
        var builder = new DatasetBuilder("large");
        for (var i = 0; i < actors; i++)
        {
            builder.Actor($"maker-{i}", ActorCategory.Equipment);
        }

        for (var i = 1; i < actors; i++)
        {
            builder.Link($"maker-{i - 1}", RelationshipType.Supplies, $"maker-{i}");
        }

        return builder.Build();
    }

    private static async Task<EmbeddedGraphStore> InMemoryStore()
    {
        var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true });
        await store.InitializeAsync(Token);
        return store;
    }
}
