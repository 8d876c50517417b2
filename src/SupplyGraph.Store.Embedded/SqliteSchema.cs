using Microsoft.Data.Sqlite;

namespace SupplyGraph.Store.Embedded;

/// <summary>The store's tables. The SQLite file is the truth; the in-memory index is rebuilt from it.</summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    public static void Apply(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS meta (
                key   TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS entities (
                id   TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                json TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS relationships (
                key        TEXT PRIMARY KEY,
                type       TEXT NOT NULL,
                from_id    TEXT NOT NULL REFERENCES entities(id),
                to_id      TEXT NOT NULL REFERENCES entities(id),
                valid_from TEXT,
                valid_to   TEXT,
                status     TEXT NOT NULL,
                note       TEXT,
                sources    TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS imports (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                dataset       TEXT NOT NULL,
                imported_at   TEXT NOT NULL,
                entities      INTEGER NOT NULL,
                relationships INTEGER NOT NULL
            );
            """;
        command.ExecuteNonQuery();

        using var version = connection.CreateCommand();
        version.CommandText = "INSERT INTO meta(key, value) VALUES ('schema_version', $version) ON CONFLICT(key) DO NOTHING;";
        version.Parameters.AddWithValue("$version", Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        version.ExecuteNonQuery();

        using var check = connection.CreateCommand();
        check.CommandText = "SELECT value FROM meta WHERE key = 'schema_version';";
        var stored = Convert.ToInt32(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (stored != Version)
        {
            throw new InvalidOperationException($"The store file has schema version {stored}; this build reads version {Version}.");
        }
    }
}
