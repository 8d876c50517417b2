using System.Globalization;
using Microsoft.Data.Sqlite;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Store.Embedded;

/// <summary>
/// Upgrades a version 1 file (relationships keyed by text, ends by id, sources as JSON per row) to version 2 in
/// one transaction: the old tables are renamed, their rows rewritten through the same writer an import uses,
/// then dropped. A failure leaves the version 1 file as it was.
/// </summary>
internal static class Version1Migration
{
    public static void Run(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        SqliteSchema.Execute(connection, transaction, """
            ALTER TABLE entities RENAME TO entities_v1;
            ALTER TABLE relationships RENAME TO relationships_v1;
            """);
        SqliteSchema.CreateTables(connection, transaction);
        const string Origin = "the version 1 store";
        using (var writer = new SqliteRowWriter(connection, transaction, onProgress: null, CancellationToken.None))
        {
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "SELECT json FROM entities_v1 ORDER BY id;";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    writer.WriteEntity(DatasetReader.ReadEntityJson(reader.GetString(0), Origin));
                }
            }

            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "SELECT key, type, from_id, to_id, valid_from, valid_to, status, note, sources FROM relationships_v1 ORDER BY key;";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var key = reader.GetString(0);
                    if (!RelationshipTypes.TryParse(reader.GetString(1), out var type) || !WireNames.TryParse<RelationshipStatus>(reader.GetString(6), out var status))
                    {
                        throw new InvalidOperationException($"Relationship {key} in {Origin} has an unknown type or status.");
                    }

                    writer.WriteRelationship(new RelationshipRecord
                    {
                        Key = key,
                        Type = type,
                        From = reader.GetString(2),
                        To = reader.GetString(3),
                        ValidFrom = reader.IsDBNull(4) ? null : DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ValidTo = reader.IsDBNull(5) ? null : DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                        Status = status,
                        Note = reader.IsDBNull(7) ? null : reader.GetString(7),
                        Sources = DatasetReader.ReadSourcesJson(reader.GetString(8), Origin),
                    });
                }
            }

            writer.Finish();
        }

        SqliteSchema.Execute(connection, transaction, "DROP TABLE relationships_v1; DROP TABLE entities_v1;");
        transaction.Commit();
    }
}
