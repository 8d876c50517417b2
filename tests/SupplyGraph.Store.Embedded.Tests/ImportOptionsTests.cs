using System.Security.Cryptography;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Embedded.Tests;

/// <summary>Dry runs, progress and cancellation of imports into a file-backed store.</summary>
public sealed class ImportOptionsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dry_run_leaves_the_file_and_the_index_as_they_were()
    {
        // arrange: a file holding the sample chain, and an input that would add one entity, rename one, repeat one
        // and add one relationship
        using var folder = new TemporaryDirectory();
        var database = folder.File("graph.db");
        using var store = await FileStore(database);
        await store.ImportAsync(SampleChain.Build(), Token);
        var input = new DatasetBuilder("change")
            .Actor("lab", ActorCategory.AiLab, "Renamed Lab")
            .Actor("fund", ActorCategory.Investor)
            .Actor("new-fund", ActorCategory.Investor)
            .Link("lab", RelationshipType.BackedBy, "new-fund")
            .Build();
        var index = store.Index;
        var rows = RowCounts(database);
        var bytes = Hash(database);

        using var file = Json(input);

        // act
        var summary = await store.ImportAsync(new DatasetFileSource(file, "change.json"), new ImportOptions { DryRun = true }, Token);

        // assert
        summary.DryRun.Should().BeTrue();
        summary.Entities.Should().Be(new ChangeCounts(1, 1, 1));
        summary.Relationships.Should().Be(new ChangeCounts(1, 0, 0));
        store.Index.Should().BeSameAs(index);
        RowCounts(database).Should().Equal(rows);
        Hash(database).Should().Be(bytes);
        File.Exists(database + "-journal").Should().BeFalse();
    }

    [Fact]
    public async Task Progress_is_reported_as_rows_are_written()
    {
        // arrange
        using var folder = new TemporaryDirectory();
        using var store = await FileStore(folder.File("graph.db"));
        var source = new GeneratedSource(actors: 500, relationships: 20_000);
        var reports = new List<ImportProgress>();

        // act
        var summary = await store.ImportAsync(source, new ImportOptions { Progress = reports.Add }, Token);

        // assert
        summary.Relationships.Added.Should().Be(20_000);
        reports.Should().HaveCountGreaterThan(1).And.OnlyContain(report => report.Dataset == Path.GetFileNameWithoutExtension(source.Name) && report.RowsWritten <= source.Rows);
        reports.Select(report => report.RowsWritten).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task An_import_cancelled_in_the_middle_of_a_large_input_leaves_the_store_as_it_was()
    {
        // arrange: a store holding the sample chain; 300,000 relationships to import, cancelled a third of the way in
        using var folder = new TemporaryDirectory();
        var database = folder.File("graph.db");
        using var store = await FileStore(database);
        await store.ImportAsync(SampleChain.Build(), Token);
        var statistics = await store.GetStatisticsAsync(Token);
        var rows = RowCounts(database);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        long cancelledAt = 0;
        var options = new ImportOptions
        {
            Progress = progress =>
            {
                if (progress.RowsWritten >= 100_000 && cancelledAt == 0)
                {
                    cancelledAt = progress.RowsWritten;
                    cancellation.Cancel();
                }
            },
        };

        // act
        var act = () => store.ImportAsync(new GeneratedSource(actors: 1_000, relationships: 300_000), options, cancellation.Token);

        // assert
        await act.Should().ThrowAsync<OperationCanceledException>();
        cancelledAt.Should().BeInRange(100_000, 300_000, "the import was cancelled in the middle");
        RowCounts(database).Should().Equal(rows);
        (await store.GetStatisticsAsync(Token)).Should().Be(statistics);
        using var reopened = await FileStore(database);
        (await reopened.GetStatisticsAsync(Token)).Should().Be(statistics);
    }

    private static async Task<EmbeddedGraphStore> FileStore(string path)
    {
        var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = path });
        await store.InitializeAsync(Token);
        return store;
    }

    private static MemoryStream Json(Dataset dataset)
    {
        var buffer = new MemoryStream();
        DatasetJson.WriteDataset(buffer, dataset);
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Rows per table, read through a connection of the test's own.</summary>
    private static List<string> RowCounts(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var counts = new List<string>();
        foreach (var table in new[] { "entities", "relationships", "source_lists", "imports" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {table};";
            counts.Add($"{table}: {command.ExecuteScalar()}");
        }

        return counts;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
