using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Exporting;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Csv;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Embedded;
using SupplyGraph.Testing;

namespace SupplyGraph.Formats.Tests.Csv;

/// <summary>A store exported as neo4j-admin CSV and imported back holds the same graph.</summary>
public sealed class CsvRoundTripTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_seed_exported_as_csv_and_imported_into_an_empty_store_exports_the_same_json()
    {
        // arrange
        using var folder = new TempFolder();
        using var original = await Store();

        // CSV has no place for document titles (datasets/README.md, "Documents"): the rows are what round-trips.
        await original.ImportAsync(SeedDataset.Load() with { Documents = [] }, Token);
        var files = await ExportCsv(original, folder.Path);
        using var copy = await Store();

        // act
        var summary = await copy.ImportAsync(new CsvDatasetSource(files), ImportOptions.Default, Token);

        // assert
        summary.Entities.Added.Should().BeGreaterThan(0);
        summary.Skipped.Should().BeEmpty();
        (await ExportJson(copy)).Should().Equal(await ExportJson(original));
    }

    [Fact]
    public async Task Reimporting_the_same_csv_changes_nothing()
    {
        // arrange
        using var folder = new TempFolder();
        using var store = await Store();
        await store.ImportAsync(SeedDataset.Load(), Token);
        var files = await ExportCsv(store, folder.Path);
        var before = await store.GetStatisticsAsync(Token);

        // act
        var summary = await store.ImportAsync(new CsvDatasetSource(files), ImportOptions.Default, Token);

        // assert
        summary.ChangedAnything.Should().BeFalse();
        summary.Entities.Unchanged.Should().Be(before.Entities);
        summary.Relationships.Unchanged.Should().Be(before.Relationships);
        (await store.GetStatisticsAsync(Token)).Should().Be(before);
    }

    [Fact]
    public async Task Relationships_whose_ends_are_only_in_the_store_import()
    {
        // arrange: the store has the lab and the chip; the files only relate them
        using var folder = new TempFolder();
        using var store = await Store();
        await store.ImportAsync(
            new DatasetBuilder("stored").Actor("lab", ActorCategory.AiLab).Actor("maker", ActorCategory.ChipDesigner).Chip("chip", designer: "maker").Build(),
            Token);
        var relationships = folder.File(
            "relationships.csv",
            ":START_ID,:END_ID,:TYPE,status,sources\n"
            + "lab,chip,OPERATES,REPORTED,\"[{\"\"document\"\":\"\"d\"\",\"\"locator\"\":\"\"l\"\"}]\"\n");

        // act
        var summary = await store.ImportAsync(new CsvDatasetSource([relationships]), ImportOptions.Default, Token);

        // assert
        summary.Relationships.Added.Should().Be(1);
        var export = new RecordingSink();
        await store.ExportAsync(ExportScope.Whole, export, Token);
        export.Relationships.Should().ContainSingle(relationship => relationship.Key == "lab/OPERATES/chip")
            .Which.Status.Should().Be(RelationshipStatus.Reported);
    }

    [Fact]
    public async Task Relationships_to_a_stored_entity_of_the_wrong_kind_are_rejected()
    {
        // arrange
        using var folder = new TempFolder();
        using var store = await Store();
        await store.ImportAsync(new DatasetBuilder("stored").Actor("lab", ActorCategory.AiLab).Actor("cloud", ActorCategory.CloudProvider).Build(), Token);
        var relationships = folder.File(
            "relationships.csv",
            ":START_ID,:END_ID,:TYPE,status,sources\n"
            + "lab,cloud,OPERATES,REPORTED,\"[{\"\"document\"\":\"\"d\"\",\"\"locator\"\":\"\"l\"\"}]\"\n");

        // act
        var act = () => store.ImportAsync(new CsvDatasetSource([relationships]), ImportOptions.Default, Token);

        // assert
        (await act.Should().ThrowAsync<DatasetValidationException>()).Which.Errors.Select(error => error.ToString())
            .Should().Equal($"{relationships}:2:5: :END_ID: OPERATES goes to Chip; \"cloud\" is a Actor");
    }

    private static async Task<EmbeddedGraphStore> Store()
    {
        var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true });
        await store.InitializeAsync(Token);
        return store;
    }

    private static async Task<IReadOnlyList<string>> ExportCsv(EmbeddedGraphStore store, string folder)
    {
        using var writer = new CsvDatasetWriter(folder);
        await store.ExportAsync(ExportScope.Whole, writer, Token);
        return writer.Finish();
    }

    private static async Task<byte[]> ExportJson(EmbeddedGraphStore store)
    {
        using var stream = new MemoryStream();
        using (var writer = new DatasetJsonWriter(stream, "export"))
        {
            await store.ExportAsync(ExportScope.Whole, writer, Token);
            writer.Finish();
        }

        return stream.ToArray();
    }
}
