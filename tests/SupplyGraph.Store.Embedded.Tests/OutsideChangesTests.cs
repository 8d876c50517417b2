using System.Diagnostics;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Embedded.Tests;

/// <summary>
/// Issue 11, point 4: a serving store sees imports made by another process into its file (the `import` command into
/// the data folder), and opens while such an import holds the write lock. A second store object on the same file plays
/// the other process: it shares nothing with the first but the file.
/// </summary>
public sealed class OutsideChangesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_import_by_another_process_is_seen_without_a_restart()
    {
        // arrange
        using var folder = new TemporaryDirectory();
        var path = folder.File("supplygraph.db");
        using var serving = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = path, ChangeCheckInterval = TimeSpan.FromMilliseconds(100) });
        await serving.InitializeAsync(Token);
        var dataset = SampleChain.Build();

        // act
        using (var importing = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = path, RefreshIndexAfterImport = false }))
        {
            await importing.InitializeAsync(Token);
            await importing.ImportAsync(dataset, Token);
        }

        var clock = Stopwatch.StartNew();
        var statistics = await serving.GetStatisticsAsync(Token);
        while (statistics.Entities == 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, Token);
            statistics = await serving.GetStatisticsAsync(Token);
        }

        // assert
        statistics.Should().Be(new StoreStatistics(dataset.Entities.Count, dataset.Relationships.Count));
        (await serving.ResolveAsync("lab", Token)).Id.Should().Be("lab");
    }

    [Fact]
    public async Task A_store_opens_while_another_process_holds_the_write_lock_and_serves_what_was_committed()
    {
        // arrange: a committed store, then another connection in the middle of a write transaction (as an import is).
        using var folder = new TemporaryDirectory();
        var path = folder.File("supplygraph.db");
        var dataset = SampleChain.Build();
        using (var first = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = path }))
        {
            await first.InitializeAsync(Token);
            await first.ImportAsync(dataset, Token);
        }

        SqliteConnection.ClearAllPools();
        using var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        writer.Open();
        using var transaction = writer.BeginTransaction(deferred: false);
        using (var write = writer.CreateCommand())
        {
            write.Transaction = transaction;
            write.CommandText = "INSERT INTO meta(key, value) VALUES ('import-in-progress', 'yes');";
            write.ExecuteNonQuery();
        }

        using var serving = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = path });

        // act
        var open = async () => await serving.InitializeAsync(Token);

        // assert
        await open.Should().NotThrowAsync("a current file is only read when it is opened");
        (await serving.GetStatisticsAsync(Token)).Should().Be(new StoreStatistics(dataset.Entities.Count, dataset.Relationships.Count));
        transaction.Rollback();
    }

    [Fact]
    public void Health_names_the_file_not_its_path()
    {
        // arrange
        using var folder = new TemporaryDirectory();

        // act
        using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = folder.File("supplygraph.db") });

        // assert
        store.Description.Should().Be("embedded (supplygraph.db)");
    }
}
