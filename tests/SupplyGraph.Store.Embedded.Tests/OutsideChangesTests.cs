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
    public async Task An_import_that_changes_nothing_is_not_taken_for_an_outside_change()
    {
        // arrange: a loaded store; importing the same dataset again commits (its import record) but changes no row.
        using var folder = new TemporaryDirectory();
        using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = folder.File("supplygraph.db"), ChangeCheckInterval = TimeSpan.FromMilliseconds(20) });
        await store.InitializeAsync(Token);
        var dataset = SampleChain.Build();
        await store.ImportAsync(dataset, Token);
        var loaded = store.Index;

        // act: the same import, then questions for long enough that several change checks run.
        var again = await store.ImportAsync(dataset, Token);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            await store.GetStatisticsAsync(Token);
            await Task.Delay(20, Token);
        }

        // assert
        again.ChangedAnything.Should().BeFalse();
        store.Index.Should().BeSameAs(loaded, "nothing changed, so the index is not reloaded whole");
    }

    [Fact]
    public async Task Failed_background_reloads_are_reported_and_tried_less_and_less_often()
    {
        // arrange: a serving store, then another process writes a lookup row this build cannot read.
        using var folder = new TemporaryDirectory();
        var path = folder.File("supplygraph.db");
        var failures = new System.Collections.Concurrent.ConcurrentQueue<(Exception Exception, int InARow)>();
        using var serving = new EmbeddedGraphStore(new EmbeddedStoreOptions
        {
            DatabasePath = path,
            ChangeCheckInterval = TimeSpan.FromMilliseconds(20),
            ReloadFailed = (exception, inARow) => failures.Enqueue((exception, inARow)),
        });
        await serving.InitializeAsync(Token);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO relationship_types (code, name) VALUES (999, 'no-such-type');";
            insert.ExecuteNonQuery();
        }

        // act: questions every 10 ms for 2 s: a check every 20 ms would be 100 tries without a back-off.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            await serving.GetStatisticsAsync(Token);
            await Task.Delay(10, Token);
        }

        // assert: 20, 40, 80, ... ms apart: about 7 tries in 2 s.
        failures.Should().NotBeEmpty();
        failures.First().Exception.Message.Should().Contain("no-such-type");
        failures.Select(failure => failure.InARow).Should().BeInAscendingOrder();
        failures.Count.Should().BeLessThan(20, "the checks back off after failures in a row");
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
