using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Store.Embedded;

/// <summary>
/// Upserts rows inside one import transaction, with every statement prepared once. Entities are matched by id,
/// relationships by key; a row whose content is unchanged is not rewritten. A relationship whose ends are not
/// written yet (a file may list relationships first) waits until <see cref="Finish"/>.
/// </summary>
internal sealed class SqliteRowWriter : IDisposable
{
    private const int ProgressEvery = 1000;

    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly Dictionary<string, long> nodeOfId;
    private readonly Dictionary<IReadOnlyList<Source>, long> listOfSources = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, long> listOfSourcesJson = new(StringComparer.Ordinal);
    private readonly List<RelationshipRecord> waiting = [];
    private readonly Action<long>? onProgress;
    private readonly CancellationToken cancellationToken;
    private readonly long relationshipsBefore;
    private readonly bool bulk;

    // Each row's JSON is written as UTF-8 into one reused buffer and bound from there: no string per row.
    private readonly ArrayBufferWriter<byte> entityJson = new(4096);
    private readonly Utf8JsonWriter entityJsonWriter;
    private readonly PreparedStatement upsertEntity;
    private readonly PreparedStatement upsertByDefaultKey;
    private readonly PreparedStatement upsertByExplicitKey;
    private readonly PreparedStatement upsertDocument;

    private long entitiesAdded;
    private long entitiesUpdated;
    private long entitiesUnchanged;
    private long relationshipsChanged;
    private long relationshipsSeen;

    public SqliteRowWriter(SqliteConnection connection, SqliteTransaction transaction, Action<long>? onProgress, CancellationToken cancellationToken)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.onProgress = onProgress;
        this.cancellationToken = cancellationToken;
        entityJsonWriter = new Utf8JsonWriter(entityJson, DatasetJson.CompactOptions);
        nodeOfId = ExistingNodes();
        relationshipsBefore = CountRelationships();

        upsertEntity = new PreparedStatement(connection, """
            INSERT INTO entities(id, kind, json) VALUES (?1, ?2, ?3)
            ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, json = excluded.json
            WHERE entities.kind IS NOT excluded.kind OR entities.json IS NOT excluded.json
            RETURNING node;
            """);

        const string Columns = "(from_node, type, to_node, key, valid_from, valid_to, status, note, sources) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
        const string ContentChanged = """
            relationships.valid_from IS NOT excluded.valid_from OR relationships.valid_to IS NOT excluded.valid_to
            OR relationships.status IS NOT excluded.status OR relationships.note IS NOT excluded.note
            OR relationships.sources IS NOT excluded.sources
            """;
        const string SetContent = "valid_from = excluded.valid_from, valid_to = excluded.valid_to, status = excluded.status, note = excluded.note, sources = excluded.sources";
        // Into an empty store, rows are appended without their indexes, which are made once in Finish.
        bulk = relationshipsBefore == 0;
        if (bulk)
        {
            SqliteSchema.Execute(connection, transaction, SqliteSchema.DropRelationshipIndexes);
        }

        upsertByDefaultKey = bulk ? new PreparedStatement(connection, $"INSERT INTO relationships{Columns};") : new PreparedStatement(connection, $"""
            INSERT INTO relationships{Columns}
            ON CONFLICT(from_node, type, to_node, key) DO UPDATE SET {SetContent} WHERE {ContentChanged};
            """);

        // An explicit id may move to other ends or another type: then the row itself moves.
        upsertByExplicitKey = bulk ? new PreparedStatement(connection, $"INSERT INTO relationships{Columns};") : new PreparedStatement(connection, $"""
            INSERT INTO relationships{Columns}
            ON CONFLICT(from_node, type, to_node, key) DO UPDATE SET {SetContent} WHERE {ContentChanged}
            ON CONFLICT(key) WHERE key <> '' DO UPDATE SET
                from_node = excluded.from_node, type = excluded.type, to_node = excluded.to_node, {SetContent}
            WHERE relationships.from_node IS NOT excluded.from_node OR relationships.type IS NOT excluded.type
               OR relationships.to_node IS NOT excluded.to_node OR {ContentChanged};
            """);

        // A later dataset's title for the same document replaces the earlier one.
        upsertDocument = new PreparedStatement(connection, """
            INSERT INTO documents(document, title, url) VALUES (?1, ?2, ?3)
            ON CONFLICT(document) DO UPDATE SET title = excluded.title, url = excluded.url
            WHERE documents.title IS NOT excluded.title OR documents.url IS NOT excluded.url;
            """);
    }

    /// <summary>Document titles added or changed by this import.</summary>
    public long DocumentsChanged { get; private set; }

    /// <summary>Rows handed to the writer so far (entities and relationships).</summary>
    public long RowsSeen { get; private set; }

    public void WriteEntity(Entity entity)
    {
        upsertEntity.Bind(1, entity.Id);
        upsertEntity.Bind(2, KindNames[(int)entity.Kind]);
        entityJson.ResetWrittenCount();
        entityJsonWriter.Reset(entityJson);
        DatasetJson.WriteEntity(entityJsonWriter, entity);
        entityJsonWriter.Flush();
        upsertEntity.Bind(3, entityJson.WrittenSpan);
        var written = upsertEntity.Run();
        if (nodeOfId.ContainsKey(entity.Id))
        {
            if (written is null)
            {
                entitiesUnchanged++;
            }
            else
            {
                entitiesUpdated++;
            }
        }
        else
        {
            nodeOfId[entity.Id] = written ?? throw new InvalidOperationException($"Entity {entity.Id} was not written.");
            entitiesAdded++;
        }

        Seen();
    }

    public void WriteRelationship(RelationshipRecord relationship)
    {
        relationshipsSeen++;
        if (!TryWrite(relationship))
        {
            waiting.Add(relationship);
        }

        Seen();
    }

    public void WriteDocument(DocumentTitle document)
    {
        upsertDocument.Bind(1, document.Document);
        upsertDocument.Bind(2, document.Title);
        upsertDocument.Bind(3, document.Url);
        upsertDocument.Run();
        DocumentsChanged += upsertDocument.Changes;
    }

    /// <summary>Writes the relationships that waited for their ends and returns what changed.</summary>
    public (ChangeCounts Entities, ChangeCounts Relationships) Finish()
    {
        foreach (var relationship in waiting)
        {
            if (!TryWrite(relationship))
            {
                // Sources check their references first; this is the store's own guard, an invalid input all the same.
                throw new DatasetValidationException(
                    $"Relationship {relationship.Key} refers to an entity that is neither in the dataset nor in the store.");
            }
        }

        if (bulk)
        {
            // Fails (and so rolls back the import) if two rows share ends and key: the reader rejects that first.
            SqliteSchema.Execute(connection, transaction, SqliteSchema.RelationshipIndexes);
        }

        var added = CountRelationships() - relationshipsBefore;
        return (
            new ChangeCounts(entitiesAdded, entitiesUpdated, entitiesUnchanged),
            new ChangeCounts(added, relationshipsChanged - added, relationshipsSeen - relationshipsChanged));
    }

    public void Dispose()
    {
        entityJsonWriter.Dispose();
        upsertEntity.Dispose();
        upsertByDefaultKey.Dispose();
        upsertByExplicitKey.Dispose();
        upsertDocument.Dispose();
    }

    private bool TryWrite(RelationshipRecord relationship)
    {
        if (!nodeOfId.TryGetValue(relationship.From, out var from) || !nodeOfId.TryGetValue(relationship.To, out var to))
        {
            return false;
        }

        var isDefaultKey = relationship.HasDefaultKey;
        var statement = isDefaultKey ? upsertByDefaultKey : upsertByExplicitKey;
        statement.Bind(1, from);
        statement.Bind(2, (int)relationship.Type);
        statement.Bind(3, to);
        if (isDefaultKey)
        {
            statement.Bind(4, ReadOnlySpan<byte>.Empty);
        }
        else
        {
            statement.Bind(4, relationship.Key);
        }

        BindDate(statement, 5, relationship.ValidFrom);
        BindDate(statement, 6, relationship.ValidTo);
        statement.Bind(7, (int)relationship.Status);
        statement.Bind(8, relationship.Note);
        statement.Bind(9, SourceList(relationship.Sources));
        statement.Run();
        relationshipsChanged += statement.Changes;
        return true;
    }

    private long SourceList(IReadOnlyList<Source> sources)
    {
        if (listOfSources.TryGetValue(sources, out var list))
        {
            return list;
        }

        var json = DatasetJson.SourcesToJson(sources);
        if (!listOfSourcesJson.TryGetValue(json, out list))
        {
            using var find = Command("SELECT list FROM source_lists WHERE json = $json;");
            find.Parameters.AddWithValue("$json", json);
            if (find.ExecuteScalar() is long existing)
            {
                list = existing;
            }
            else
            {
                using var insert = Command("INSERT INTO source_lists(json) VALUES ($json) RETURNING list;");
                insert.Parameters.AddWithValue("$json", json);
                list = (long)insert.ExecuteScalar()!;
            }

            listOfSourcesJson[json] = list;
        }

        listOfSources[sources] = list;
        return list;
    }

    private void Seen()
    {
        if (++RowsSeen % ProgressEvery == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            onProgress?.Invoke(RowsSeen);
        }
    }

    private Dictionary<string, long> ExistingNodes()
    {
        var nodes = new Dictionary<string, long>(StringComparer.Ordinal);
        using var command = Command("SELECT id, node FROM entities;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            nodes[reader.GetString(0)] = reader.GetInt64(1);
        }

        return nodes;
    }

    private long CountRelationships()
    {
        using var command = Command("SELECT count(*) FROM relationships;");
        return (long)command.ExecuteScalar()!;
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void BindDate(PreparedStatement statement, int parameter, DateOnly? date)
    {
        if (date is not { } value)
        {
            statement.BindNull(parameter);
            return;
        }

        Span<byte> text = stackalloc byte[10];
        value.TryFormat(text, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        statement.Bind(parameter, text);
    }

    private static readonly string[] KindNames = [.. Enum.GetValues<EntityKind>().Select(kind => kind.ToString())];
}
