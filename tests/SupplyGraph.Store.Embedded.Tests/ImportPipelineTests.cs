using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Embedded.Tests;

/// <summary>Imports streamed from a file: validated as read, written as read, all of the file or none of it.</summary>
public sealed class ImportPipelineTests
{
    private static readonly TraversalOptions AsOf2026 = TraversalOptions.Create(asOf: new DateOnly(2026, 1, 1));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_streamed_seed_file_answers_as_the_same_dataset_imported_whole()
    {
        // arrange
        using var streamed = await Store();
        using var whole = await Store();
        await whole.ImportAsync(SeedDataset.Load(), Token);

        // act
        await using (var file = File.OpenRead(RepositoryPaths.Combine("datasets", "seed.json")))
        {
            await streamed.ImportAsync(new DatasetFileSource(file, "seed.json"), ImportOptions.Default, Token);
        }

        // assert
        (await streamed.GetStatisticsAsync(Token)).Should().Be(await whole.GetStatisticsAsync(Token));
        var question = new ExportControlsQuestion("DeepSeek", AsOf2026);
        Describe(await streamed.ExportControlsAsync(question, Token)).Should().Equal(Describe(await whole.ExportControlsAsync(question, Token)));
    }

    [Fact]
    public async Task A_file_whose_last_row_is_invalid_leaves_the_store_as_it_was()
    {
        // arrange: thousands of good rows stream in before the bad one is read
        using var store = await Store();
        await store.ImportAsync(SampleChain.Build(), Token);
        var before = await store.GetStatisticsAsync(Token);
        var builder = new DatasetBuilder("broken");
        for (var i = 0; i < 5000; i++)
        {
            builder.Actor($"supplier-{i}", ActorCategory.Equipment);
        }

        var json = Json(builder.Link("supplier-1", RelationshipType.Supplies, "supplier-2").Build());
        json["relationships"]!.AsArray().Add(JsonNode.Parse("""{"type": "SUPPLIES", "from": "supplier-3", "to": "nowhere", "status": "CONFIRMED", "sources": [{"document": "d", "locator": "l"}]}"""));

        // act
        var act = () => Import(store, json);

        // assert
        (await act.Should().ThrowAsync<DatasetValidationException>()).Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("nowhere");
        (await store.GetStatisticsAsync(Token)).Should().Be(before);
        (await store.SearchAsync(SearchQuestion.Create("supplier-"), Token)).Should().BeEmpty();
    }

    [Fact]
    public async Task Relationships_listed_before_their_entities_are_imported()
    {
        // arrange
        using var store = await Store();
        var dataset = SampleChain.Build();
        var json = Json(dataset);
        var reordered = new JsonObject
        {
            ["format"] = json["format"]!.DeepClone(),
            ["version"] = json["version"]!.DeepClone(),
            ["relationships"] = json["relationships"]!.DeepClone(),
            ["entities"] = json["entities"]!.DeepClone(),
        };

        // act
        var summary = await Import(store, reordered);

        // assert
        summary.Relationships.Added.Should().Be(dataset.Relationships.Count);
        (await store.GetStatisticsAsync(Token)).Should().Be(new StoreStatistics(dataset.Entities.Count, dataset.Relationships.Count));
    }

    [Fact]
    public async Task A_second_file_updates_by_id_and_key_and_counts_what_it_changed()
    {
        // arrange
        using var folder = new TemporaryDirectory();
        using var store = await Store(folder.File("graph.db"));
        await Import(store, Json(SampleChain.Build()));
        var update = new DatasetBuilder("update")
            .Actor("lab", ActorCategory.AiLab, "Renamed Lab")
            .Actor("investor-x", ActorCategory.Investor)
            .Link("lab", RelationshipType.BackedBy, "investor-x", status: RelationshipStatus.Reported)
            .Build();

        // act
        var summary = await Import(store, Json(update));
        var again = await Import(store, Json(update));

        // assert
        summary.Entities.Should().Be(new ChangeCounts(1, 1, 0));
        summary.Relationships.Should().Be(new ChangeCounts(1, 0, 0));
        again.ChangedAnything.Should().BeFalse();
        (await store.ResolveAsync("lab", Token)).Name.Should().Be("Renamed Lab");
        Indexes(folder.File("graph.db")).Should().Contain(["relationships_by_ends", "relationships_by_explicit_key"]);
    }

    [Fact]
    public async Task An_explicit_id_that_moves_to_other_ends_moves_its_relationship()
    {
        // arrange
        using var store = await Store();
        var first = new DatasetBuilder("first")
            .Actor("lab", ActorCategory.AiLab).Actor("a", ActorCategory.Investor).Actor("b", ActorCategory.Investor)
            .Link("lab", RelationshipType.BackedBy, "a", key: "funding-claim-1")
            .Build();
        await Import(store, Json(first));
        var moved = new DatasetBuilder("moved")
            .Actor("lab", ActorCategory.AiLab).Actor("a", ActorCategory.Investor).Actor("b", ActorCategory.Investor)
            .Link("lab", RelationshipType.BackedBy, "b", key: "funding-claim-1")
            .Build();

        // act
        var summary = await Import(store, Json(moved));

        // assert
        summary.Relationships.Should().Be(new ChangeCounts(0, 1, 0));
        var profile = await store.ProfileAsync(new ProfileQuestion("lab", null), Token);
        profile.Relationships.Should().ContainSingle().Which.To.Id.Should().Be("b");
    }

    [Fact]
    public async Task A_cancelled_streamed_import_stores_nothing()
    {
        // arrange
        using var cancellation = new CancellationTokenSource();
        using var store = await CancellingStore.CreateAsync(cancellation, afterRows: 2000, Token);
        var large = EmbeddedGraphStoreImportTests.LargeDataset(3000);

        // act
        var act = () => store.ImportAsync(new DatasetFileSource(new MemoryStream(Encoding.UTF8.GetBytes(Json(large).ToJsonString())), "large.json"), ImportOptions.Default, cancellation.Token);

        // assert
        await act.Should().ThrowAsync<OperationCanceledException>();
        (await store.GetStatisticsAsync(Token)).Should().Be(new StoreStatistics(0, 0));
    }

    private static async Task<EmbeddedGraphStore> Store(string? path = null)
    {
        var store = new EmbeddedGraphStore(path is null ? new EmbeddedStoreOptions { InMemory = true } : new EmbeddedStoreOptions { DatabasePath = path });
        await store.InitializeAsync(Token);
        return store;
    }

    private static JsonObject Json(Dataset dataset)
    {
        using var buffer = new MemoryStream();
        DatasetJson.WriteDataset(buffer, dataset);
        return JsonNode.Parse(buffer.ToArray())!.AsObject();
    }

    private static Task<ImportSummary> Import(EmbeddedGraphStore store, JsonObject json) =>
        store.ImportAsync(new DatasetFileSource(new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString())), "test.json"), ImportOptions.Default, Token);

    private static List<string> Describe(ExportControlsAnswer answer) =>
        [.. answer.Hits.Select(hit => hit.Regulation.Id + ": " + string.Join(" | ", hit.Paths.Select(path => string.Join(">", path.Entities.Select(entity => entity.Id)))))];

    private static List<string> Indexes(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'relationships';";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
