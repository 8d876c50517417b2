using System.Globalization;
using Microsoft.Data.Sqlite;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Store.Embedded;

/// <summary>
/// The store's tables. The SQLite file is the truth; the in-memory index is rebuilt from it.
/// Version 2 keeps relationships small so millions load fast: ends are entity row numbers (rows are appended;
/// two unique indexes find them by ends and by explicit key), type and status are
/// codes from lookup tables that hold their names (so the file still reads on its own in the sqlite3 shell),
/// each distinct source list is stored once, and the key column is empty unless the relationship has an
/// explicit id (the default key <c>{from}/{TYPE}/{to}</c> is implied by the row). <c>documents</c> holds the titles
/// datasets give the documents their sources cite; a file made before it existed gets it on open, its rows untouched.
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 2;

    private const string Tables = """
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS entities (
            node INTEGER PRIMARY KEY,
            id   TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS relationship_types (
            code INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        CREATE TABLE IF NOT EXISTS relationship_statuses (
            code INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        CREATE TABLE IF NOT EXISTS source_lists (
            list INTEGER PRIMARY KEY,
            json TEXT NOT NULL UNIQUE
        );
        CREATE TABLE IF NOT EXISTS relationships (
            from_node  INTEGER NOT NULL REFERENCES entities(node),
            type       INTEGER NOT NULL REFERENCES relationship_types(code),
            to_node    INTEGER NOT NULL REFERENCES entities(node),
            key        TEXT NOT NULL,
            valid_from TEXT,
            valid_to   TEXT,
            status     INTEGER NOT NULL REFERENCES relationship_statuses(code),
            note       TEXT,
            sources    INTEGER NOT NULL REFERENCES source_lists(list)
        );
        CREATE TABLE IF NOT EXISTS documents (
            document TEXT PRIMARY KEY,
            title    TEXT NOT NULL,
            url      TEXT
        );
        CREATE TABLE IF NOT EXISTS imports (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            dataset       TEXT NOT NULL,
            imported_at   TEXT NOT NULL,
            entities      INTEGER NOT NULL,
            relationships INTEGER NOT NULL
        );
        """;

    /// <summary>
    /// The relationships' unique indexes. A first import into an empty store drops them, appends its rows and makes
    /// them again at the end (sorting once beats millions of random inserts), inside its one transaction.
    /// </summary>
    public const string RelationshipIndexes = """
        CREATE UNIQUE INDEX IF NOT EXISTS relationships_by_ends ON relationships(from_node, type, to_node, key);
        CREATE UNIQUE INDEX IF NOT EXISTS relationships_by_explicit_key ON relationships(key) WHERE key <> '';
        """;

    public const string DropRelationshipIndexes = """
        DROP INDEX IF EXISTS relationships_by_ends;
        DROP INDEX IF EXISTS relationships_by_explicit_key;
        """;

    /// <summary>Creates the tables (or upgrades a version 1 file in one transaction) and checks the version.</summary>
    public static void Apply(SqliteConnection connection)
    {
        var stored = StoredVersion(connection);
        if (stored == 1)
        {
            Version1Migration.Run(connection);
            return;
        }

        if (stored is not null && stored != Version)
        {
            throw new InvalidOperationException($"The store file has schema version {stored}; this build reads version {Version}.");
        }

        // A current file is only read: opening it must not wait for (or fail on) an import another process is running.
        if (stored == Version && LookupsAreCurrent(connection) && HasTable(connection, "documents"))
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        CreateTables(connection, transaction);
        transaction.Commit();
    }

    /// <summary>Creates the version 2 tables and fills the lookup tables, inside the caller's transaction.</summary>
    public static void CreateTables(SqliteConnection connection, SqliteTransaction transaction)
    {
        Execute(connection, transaction, Tables);
        Execute(connection, transaction, RelationshipIndexes);
        FillLookup(connection, transaction, "relationship_types", Enum.GetValues<RelationshipType>().Select(type => ((int)type, type.Name())));
        FillLookup(connection, transaction, "relationship_statuses", Enum.GetValues<RelationshipStatus>().Select(status => ((int)status, WireNames.ToWire(status))));
        using var version = connection.CreateCommand();
        version.Transaction = transaction;
        version.CommandText = "INSERT INTO meta(key, value) VALUES ('schema_version', $version) ON CONFLICT(key) DO UPDATE SET value = excluded.value;";
        version.Parameters.AddWithValue("$version", Version.ToString(CultureInfo.InvariantCulture));
        version.ExecuteNonQuery();
    }

    public static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>True when the file has the table (a version 2 file made before a table was added lacks it).</summary>
    public static bool HasTable(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", table);
        return (long)command.ExecuteScalar()! > 0;
    }

    private static int? StoredVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta';";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return null;
        }

        command.CommandText = "SELECT value FROM meta WHERE key = 'schema_version';";
        return command.ExecuteScalar() is string text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>True when both lookup tables hold every code this build writes, under its name; throws when a name differs.</summary>
    private static bool LookupsAreCurrent(SqliteConnection connection)
    {
        var expected = Enum.GetValues<RelationshipType>().Select(type => ("relationship_types", (int)type, type.Name()))
            .Concat(Enum.GetValues<RelationshipStatus>().Select(status => ("relationship_statuses", (int)status, WireNames.ToWire(status))));
        using var command = connection.CreateCommand();
        var code = command.Parameters.Add("$code", SqliteType.Integer);
        foreach (var (table, value, name) in expected)
        {
            // The table name is one of our own two constants, never user text.
            command.CommandText = table == "relationship_types"
                ? "SELECT name FROM relationship_types WHERE code = $code;"
                : "SELECT name FROM relationship_statuses WHERE code = $code;";
            code.Value = value;
            switch (command.ExecuteScalar())
            {
                case null:
                    return false;
                case string stored when stored != name:
                    throw new InvalidOperationException($"The store file's {table} code {value} is not {name}: the file was written by an incompatible build.");
            }
        }

        return true;
    }

    /// <summary>
    /// Codes are the enum's numbers; the names stored beside them are checked against this build's on every open,
    /// so a reordered enum fails loudly instead of reading every relationship as another type.
    /// </summary>
    private static void FillLookup(SqliteConnection connection, SqliteTransaction transaction, string table, IEnumerable<(int Code, string Name)> rows)
    {
        // The table name is one of our own two constants, never user text.
        var (insert, select) = table switch
        {
            "relationship_types" => (
                "INSERT INTO relationship_types(code, name) VALUES ($code, $name) ON CONFLICT(code) DO NOTHING;",
                "SELECT name FROM relationship_types WHERE code = $code;"),
            "relationship_statuses" => (
                "INSERT INTO relationship_statuses(code, name) VALUES ($code, $name) ON CONFLICT(code) DO NOTHING;",
                "SELECT name FROM relationship_statuses WHERE code = $code;"),
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        };
        foreach (var (code, name) in rows)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = insert;
            command.Parameters.AddWithValue("$code", code);
            command.Parameters.AddWithValue("$name", name);
            command.ExecuteNonQuery();
            command.CommandText = select;
            if (command.ExecuteScalar() as string != name)
            {
                throw new InvalidOperationException($"The store file's {table} code {code} is not {name}: the file was written by an incompatible build.");
            }
        }
    }
}
