using FluentAssertions;
using Microsoft.Data.Sqlite;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Store.Embedded.Tests;

public sealed class SchemaMigrationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_version_1_store_file_opens_with_every_row_kept()
    {
        // arrange: a file as the first release wrote it (text keys, ends by id, sources as JSON per row)
        using var folder = new TemporaryDirectory();
        var database = folder.File("v1.db");
        WriteVersion1File(database);

        // act
        using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = database });
        await store.InitializeAsync(Token);

        // assert
        (await store.GetStatisticsAsync(Token)).Should().Be(new StoreStatistics(2, 2));
        var profile = await store.ProfileAsync(new ProfileQuestion("lab", null), Token);
        profile.Relationships.Select(relationship => relationship.Record).Should().BeEquivalentTo(new[]
        {
            new RelationshipRecord
            {
                Key = "lab/BACKED_BY/fund",
                Type = RelationshipType.BackedBy,
                From = "lab",
                To = "fund",
                ValidFrom = new DateOnly(2023, 7, 17),
                Status = RelationshipStatus.Reported,
                Note = "a note",
                Sources = [new Source("doc-a", "p. 2", null)],
            },
            new RelationshipRecord
            {
                Key = "second-claim",
                Type = RelationshipType.BackedBy,
                From = "lab",
                To = "fund",
                Status = RelationshipStatus.Alleged,
                Sources = [new Source("doc-b", "p. 9", "https://example.org/b")],
            },
        });
        SchemaVersion(database).Should().Be("2");
    }

    [Fact]
    public async Task A_version_2_file_made_before_document_titles_gets_their_table_with_every_row_kept()
    {
        // arrange: the seed stored, then the file put back as it was before the documents table existed
        using var folder = new TemporaryDirectory();
        var database = folder.File("v2.db");
        var seed = Formats.Json.SeedDataset.Load();
        using (var first = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = database }))
        {
            await first.InitializeAsync(Token);
            await first.ImportAsync(seed with { Documents = [] }, Token);
        }

        Execute(database, "DROP TABLE documents;");
        TableCount(database, "documents").Should().Be(0);

        // act
        using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = database });
        await store.InitializeAsync(Token);
        var statistics = await store.GetStatisticsAsync(Token);
        var titleBefore = store.FindTitle(seed.Documents[0].Document);
        var summary = await store.ImportAsync(seed, Token);

        // assert
        TableCount(database, "documents").Should().Be(1);
        statistics.Should().Be(new StoreStatistics(seed.Entities.Count, seed.Relationships.Count));
        titleBefore.Should().BeNull();
        summary.ChangedAnything.Should().BeFalse("the rows were kept; only the titles are new");
        seed.Documents.Select(document => store.FindTitle(document.Document)).Should().Equal(seed.Documents);
        SchemaVersion(database).Should().Be("2");
    }

    private static void Execute(string database, string sql)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long TableCount(string database, string table)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", table);
        return (long)command.ExecuteScalar()!;
    }

    private static void WriteVersion1File(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE entities (id TEXT PRIMARY KEY, kind TEXT NOT NULL, json TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE relationships (
                key TEXT PRIMARY KEY, type TEXT NOT NULL, from_id TEXT NOT NULL REFERENCES entities(id), to_id TEXT NOT NULL REFERENCES entities(id),
                valid_from TEXT, valid_to TEXT, status TEXT NOT NULL, note TEXT, sources TEXT NOT NULL);
            CREATE TABLE imports (id INTEGER PRIMARY KEY AUTOINCREMENT, dataset TEXT NOT NULL, imported_at TEXT NOT NULL, entities INTEGER NOT NULL, relationships INTEGER NOT NULL);
            INSERT INTO meta VALUES ('schema_version', '1');
            INSERT INTO entities VALUES ('lab', 'Actor', '{"id":"lab","kind":"Actor","name":"The Lab","category":"AI_LAB","sources":[{"document":"doc-a","locator":"p. 1"}]}');
            INSERT INTO entities VALUES ('fund', 'Actor', '{"id":"fund","kind":"Actor","name":"The Fund","category":"INVESTOR","sources":[{"document":"doc-a","locator":"p. 1"}]}');
            INSERT INTO relationships VALUES ('lab/BACKED_BY/fund', 'BACKED_BY', 'lab', 'fund', '2023-07-17', NULL, 'REPORTED', 'a note', '[{"document":"doc-a","locator":"p. 2"}]');
            INSERT INTO relationships VALUES ('second-claim', 'BACKED_BY', 'lab', 'fund', NULL, NULL, 'ALLEGED', NULL, '[{"document":"doc-b","locator":"p. 9","url":"https://example.org/b"}]');
            INSERT INTO imports(dataset, imported_at, entities, relationships) VALUES ('old', '2026-01-01T00:00:00Z', 2, 2);
            """;
        command.ExecuteNonQuery();
    }

    private static string SchemaVersion(string database)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'schema_version';";
        return (string)command.ExecuteScalar()!;
    }
}
