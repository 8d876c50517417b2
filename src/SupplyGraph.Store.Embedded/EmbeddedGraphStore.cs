using System.Globalization;
using Microsoft.Data.Sqlite;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Store.Embedded;

/// <summary>
/// The embedded store: a SQLite file (WAL) is the truth; an in-memory <see cref="GraphIndex"/> built from it
/// answers the questions. Imports are one SQLite transaction each, so a killed import leaves the file as it was;
/// readers keep using the previous index until the new one is swapped in.
/// </summary>
public sealed class EmbeddedGraphStore : ISupplyGraphStore, IDisposable
{
    private readonly EmbeddedStoreOptions options;
    private readonly TimeProvider clock;
    private readonly string connectionString;
    private readonly SemaphoreSlim writeLock = new(1, 1);

    // An in-memory SQLite database lives as long as one connection to it is open.
    private readonly SqliteConnection? memoryKeepAlive;
    private volatile GraphQuestions questions;

    public EmbeddedGraphStore(EmbeddedStoreOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.clock = clock ?? TimeProvider.System;
        questions = new GraphQuestions(GraphIndex.Empty, this.clock);
        if (options.InMemory)
        {
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = $"file:supplygraph-{Guid.NewGuid():N}?mode=memory&cache=shared",
                Mode = SqliteOpenMode.Memory,
                Cache = SqliteCacheMode.Shared,
            }.ToString();
            memoryKeepAlive = new SqliteConnection(connectionString);
            memoryKeepAlive.Open();
        }
        else
        {
            var fullPath = Path.GetFullPath(options.DatabasePath);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = fullPath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
            }.ToString();
        }
    }

    public string Description => options.InMemory ? "embedded (in memory)" : $"embedded ({options.DatabasePath})";

    /// <summary>The index the questions run on now; replaced whole after each import.</summary>
    public GraphIndex Index => questions.Graph;

    /// <summary>Called inside the import transaction after each batch of rows; tests use it to interrupt an import.</summary>
    public Action<ImportProgress>? OnImportProgress { get; init; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            SqliteSchema.Apply(connection);
            questions = new GraphQuestions(LoadIndex(connection), clock);
        }
        finally
        {
            writeLock.Release();
        }
    }

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        var index = questions.Graph;
        return Task.FromResult(new StoreStatistics(index.NodeCount, index.EdgeCount));
    }

    public async Task<ImportSummary> ImportAsync(Dataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            SqliteSchema.Apply(connection);
            ImportSummary summary;
            using (var transaction = connection.BeginTransaction())
            {
                var entities = UpsertEntities(connection, transaction, dataset, cancellationToken);
                var relationships = UpsertRelationships(connection, transaction, dataset, entities.Total, cancellationToken);
                RecordImport(connection, transaction, dataset);
                cancellationToken.ThrowIfCancellationRequested();
                transaction.Commit();
                summary = new ImportSummary(dataset.Name, entities.Counts, relationships.Counts);
            }

            if (summary.ChangedAnything || questions.Graph.NodeCount == 0)
            {
                questions = new GraphQuestions(LoadIndex(connection), clock);
            }

            return summary;
        }
        finally
        {
            writeLock.Release();
        }
    }

    public Task<Entity> ResolveAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(questions.Resolve(reference));

    public Task<IReadOnlyList<Entity>> SearchAsync(SearchQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(questions.Search(question));

    public Task<EntityProfile> ProfileAsync(ProfileQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(questions.Profile(question));

    public Task<SupplyChainAnswer> SupplyChainAsync(SupplyChainQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(questions.SupplyChain(question, cancellationToken));

    public Task<ExportControlsAnswer> ExportControlsAsync(ExportControlsQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(questions.ExportControls(question, cancellationToken));

    public Task<ExposureAnswer> ExposureAsync(ExposureQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(questions.Exposure(question, cancellationToken));

    public Task<PathAnswer> PathsAsync(PathsQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(questions.Paths(question, cancellationToken));

    public void Dispose()
    {
        memoryKeepAlive?.Dispose();
        writeLock.Dispose();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = options.InMemory
            ? "PRAGMA foreign_keys = ON;"
            : "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private (ChangeCounts Counts, long Total) UpsertEntities(SqliteConnection connection, SqliteTransaction transaction, Dataset dataset, CancellationToken cancellationToken)
    {
        var before = Count(connection, transaction, "entities");
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO entities(id, kind, json) VALUES ($id, $kind, $json)
            ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, json = excluded.json
            WHERE entities.kind IS NOT excluded.kind OR entities.json IS NOT excluded.json;
            """;
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var kind = command.Parameters.Add("$kind", SqliteType.Text);
        var json = command.Parameters.Add("$json", SqliteType.Text);
        command.Prepare();
        long changed = 0;
        long written = 0;
        foreach (var entity in dataset.Entities)
        {
            id.Value = entity.Id;
            kind.Value = entity.Kind.ToString();
            json.Value = DatasetJson.EntityToJson(entity);
            changed += command.ExecuteNonQuery();
            Progress(++written, dataset, cancellationToken);
        }

        var added = Count(connection, transaction, "entities") - before;
        return (new ChangeCounts(added, changed - added, dataset.Entities.Count - changed), dataset.Entities.Count);
    }

    private (ChangeCounts Counts, long Total) UpsertRelationships(SqliteConnection connection, SqliteTransaction transaction, Dataset dataset, long alreadyWritten, CancellationToken cancellationToken)
    {
        var before = Count(connection, transaction, "relationships");
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO relationships(key, type, from_id, to_id, valid_from, valid_to, status, note, sources)
            VALUES ($key, $type, $from, $to, $validFrom, $validTo, $status, $note, $sources)
            ON CONFLICT(key) DO UPDATE SET
                type = excluded.type, from_id = excluded.from_id, to_id = excluded.to_id,
                valid_from = excluded.valid_from, valid_to = excluded.valid_to, status = excluded.status,
                note = excluded.note, sources = excluded.sources
            WHERE relationships.type IS NOT excluded.type OR relationships.from_id IS NOT excluded.from_id
               OR relationships.to_id IS NOT excluded.to_id OR relationships.valid_from IS NOT excluded.valid_from
               OR relationships.valid_to IS NOT excluded.valid_to OR relationships.status IS NOT excluded.status
               OR relationships.note IS NOT excluded.note OR relationships.sources IS NOT excluded.sources;
            """;
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var type = command.Parameters.Add("$type", SqliteType.Text);
        var from = command.Parameters.Add("$from", SqliteType.Text);
        var to = command.Parameters.Add("$to", SqliteType.Text);
        var validFrom = command.Parameters.Add("$validFrom", SqliteType.Text);
        var validTo = command.Parameters.Add("$validTo", SqliteType.Text);
        var status = command.Parameters.Add("$status", SqliteType.Text);
        var note = command.Parameters.Add("$note", SqliteType.Text);
        var sources = command.Parameters.Add("$sources", SqliteType.Text);
        command.Prepare();
        long changed = 0;
        var written = alreadyWritten;
        foreach (var relationship in dataset.Relationships)
        {
            key.Value = relationship.Key;
            type.Value = relationship.Type.Name();
            from.Value = relationship.From;
            to.Value = relationship.To;
            validFrom.Value = DateText(relationship.ValidFrom);
            validTo.Value = DateText(relationship.ValidTo);
            status.Value = WireNames.ToWire(relationship.Status);
            note.Value = (object?)relationship.Note ?? DBNull.Value;
            sources.Value = DatasetJson.SourcesToJson(relationship.Sources);
            changed += command.ExecuteNonQuery();
            Progress(++written, dataset, cancellationToken);
        }

        var added = Count(connection, transaction, "relationships") - before;
        return (new ChangeCounts(added, changed - added, dataset.Relationships.Count - changed), dataset.Relationships.Count);
    }

    private void Progress(long written, Dataset dataset, CancellationToken cancellationToken)
    {
        const int Batch = 1000;
        if (written % Batch == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            OnImportProgress?.Invoke(new ImportProgress(dataset.Name, written, dataset.Entities.Count + dataset.Relationships.Count));
        }
    }

    private void RecordImport(SqliteConnection connection, SqliteTransaction transaction, Dataset dataset)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO imports(dataset, imported_at, entities, relationships) VALUES ($dataset, $at, $entities, $relationships);";
        command.Parameters.AddWithValue("$dataset", dataset.Name);
        command.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$entities", dataset.Entities.Count);
        command.Parameters.AddWithValue("$relationships", dataset.Relationships.Count);
        command.ExecuteNonQuery();
    }

    private static long Count(SqliteConnection connection, SqliteTransaction? transaction, string table)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;

        // The table name is one of our own constants, never user text.
        command.CommandText = table switch
        {
            "entities" => "SELECT count(*) FROM entities;",
            "relationships" => "SELECT count(*) FROM relationships;",
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        };
        return (long)command.ExecuteScalar()!;
    }

    private GraphIndex LoadIndex(SqliteConnection connection)
    {
        var origin = Description;
        var entities = new List<Entity>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT json FROM entities ORDER BY id;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                entities.Add(DatasetReader.ReadEntityJson(reader.GetString(0), origin));
            }
        }

        // Generated and imported data repeat the same source lists; share one instance per distinct list.
        var sourceLists = new Dictionary<string, IReadOnlyList<Source>>(StringComparer.Ordinal);
        var relationships = new List<RelationshipRecord>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT key, type, from_id, to_id, valid_from, valid_to, status, note, sources FROM relationships ORDER BY key;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = reader.GetString(0);
                if (!RelationshipTypes.TryParse(reader.GetString(1), out var type) || !WireNames.TryParse<RelationshipStatus>(reader.GetString(6), out var status))
                {
                    throw new InvalidOperationException($"Relationship {key} in {origin} has an unknown type or status.");
                }

                var sourcesJson = reader.GetString(8);
                if (!sourceLists.TryGetValue(sourcesJson, out var sources))
                {
                    sourceLists[sourcesJson] = sources = DatasetReader.ReadSourcesJson(sourcesJson, origin);
                }

                relationships.Add(new RelationshipRecord
                {
                    Key = key,
                    Type = type,
                    From = reader.GetString(2),
                    To = reader.GetString(3),
                    ValidFrom = reader.IsDBNull(4) ? null : DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ValidTo = reader.IsDBNull(5) ? null : DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Status = status,
                    Note = reader.IsDBNull(7) ? null : reader.GetString(7),
                    Sources = sources,
                });
            }
        }

        return GraphIndex.Build(entities, relationships);
    }

    private static object DateText(DateOnly? date) =>
        date is { } value ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
}

/// <summary>How far an import has got: rows written so far in its transaction, of the total.</summary>
public sealed record ImportProgress(string Dataset, long RowsWritten, long RowsTotal);
