using FluentAssertions;
using Microsoft.Data.Sqlite;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Store.Embedded.Tests;

/// <summary>SQLite's failures leave the embedded store as the store-neutral exceptions a host handles.</summary>
public sealed class StoreFailureTests
{
    [Fact]
    public async Task A_file_that_cannot_be_opened_makes_the_store_unavailable_with_sqlites_message()
    {
        // arrange: the database path is a folder, which SQLite cannot open as a file
        using var folder = new TemporaryDirectory();
        var databasePath = folder.File("supplygraph.db");
        Directory.CreateDirectory(databasePath);
        await using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = databasePath });

        // act
        var act = () => store.InitializeAsync(TestContext.Current.CancellationToken);

        // assert
        var thrown = (await act.Should().ThrowAsync<StoreUnavailableException>()).Which;
        thrown.InnerException.Should().BeOfType<SqliteException>().Which.SqliteErrorCode.Should().Be(14);
        thrown.Message.Should().Be(thrown.InnerException!.Message);
    }
}
