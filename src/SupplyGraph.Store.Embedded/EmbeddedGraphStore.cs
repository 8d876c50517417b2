using System.Globalization;
using Microsoft.Data.Sqlite;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Exporting;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Store.Embedded;

/// <summary>
/// The embedded store: a SQLite file is the truth; an in-memory <see cref="GraphIndex"/> built from it
/// answers the questions. Imports are one SQLite transaction each, so a killed import leaves the file as it was;
/// readers keep using the previous index until the new one is swapped in. SQLite only ever sees one writer and
/// the loads of the index, so it uses a rollback journal: pages new to the file (all of a first import) are
/// written once, where a write-ahead log would write them twice (log, then checkpoint).
/// </summary>
public sealed class EmbeddedGraphStore : ISupplyGraphStore, IDocumentTitles, IDisposable
{
    /// <summary>The longest wait between reload attempts after failures in a row.</summary>
    private static readonly TimeSpan MaxReloadBackOff = TimeSpan.FromMinutes(1);

    /// <summary>Rows the reader hands over at a time; SQLite writes them on this side (ImportPipeline).</summary>
    private const int ImportBatchSize = 4096;

    private readonly EmbeddedStoreOptions options;
    private readonly TimeProvider clock;
    private readonly string connectionString;
    private readonly SemaphoreSlim writeLock = new(1, 1);

    // An in-memory SQLite database lives as long as one connection to it is open.
    private readonly SqliteConnection? memoryKeepAlive;
    private volatile GraphQuestions questions;

    // The index answering now and when it was loaded, for IndexStatistics: one reference, swapped with the index.
    private volatile IndexStatistics? indexStatistics;
    // The documents table as of the last load of the index, replaced with it.
    private volatile DocumentTitles titles = DocumentTitles.None;

    // The file's change counter when the index was loaded, and when to look at it again (Stopwatch ticks).
    private long loadedVersion = -1;
    private long nextChangeCheck;
    private int reloading;
    private int reloadFailures;

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

    /// <summary>"embedded (supplygraph.db)": the file's name, not its path, which is the host's business (health shows this).</summary>
    public string Description => options.InMemory ? "embedded (in memory)" : $"embedded ({Path.GetFileName(options.DatabasePath)})";

    /// <summary>The index the questions run on now; replaced whole after each import.</summary>
    public GraphIndex Index => questions.Graph;

    /// <summary>Called inside the import transaction after each batch of rows; tests use it to interrupt an import.</summary>
    internal Action<ImportProgress>? OnImportProgress { get; init; }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        EmbeddedStoreFailures.TranslateAsync(() => InitializeCoreAsync(cancellationToken));

    private async Task InitializeCoreAsync(CancellationToken cancellationToken)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            SqliteSchema.Apply(connection);
            LoadIndex();
        }
        finally
        {
            writeLock.Release();
        }
    }

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        var index = Current.Graph;
        return Task.FromResult(new StoreStatistics(index.NodeCount, index.EdgeCount));
    }

    public IndexStatistics? IndexStatistics => indexStatistics;

    /// <summary>
    /// Imports an input as it is read: one thread parses and validates, this one writes, so neither the file nor its
    /// rows are ever held whole. Invalid anywhere means nothing is kept (one transaction). References outside the
    /// input are looked up in the graph as it was before the import.
    /// </summary>
    public async Task<ImportSummary> ImportAsync(IDatasetSource source, ImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var existing = EntityLookup.In(this);
        return await ImportTelemetry.MeasureAsync(this.options.InMemory ? "memory" : "embedded", () => ImportAsync(
            Path.GetFileNameWithoutExtension(source.Name),
            options,
            source.Rows,
            (writer, token) => ImportPipeline.RunAsync(
                source,
                existing,
                ImportBatchSize,
                (batch, _) =>
                {
                    foreach (var entity in batch.Entities)
                    {
                        writer.WriteEntity(entity);
                    }

                    foreach (var relationship in batch.Relationships)
                    {
                        writer.WriteRelationship(relationship);
                    }

                    foreach (var document in batch.Documents)
                    {
                        writer.WriteDocument(document);
                    }

                    return ValueTask.CompletedTask;
                },
                token),
            cancellationToken));
    }

    public Task<DatasetHeader> ExportAsync(ExportScope scope, IDatasetSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(sink);
        // One index for the whole export: an import may swap in a new one meanwhile, where the resolved id is not.
        var current = Current;
        var graph = current.Graph;
        var nodes = scope.Entity is null
            ? Enumerable.Range(0, graph.NodeCount).ToArray()
            : GraphExport.Neighbourhood(graph, current.Resolve(scope.Entity, cancellationToken).Id, scope.Hops);
        return Task.FromResult(GraphExport.Write(graph, nodes, sink, titles, cancellationToken));
    }

    private Task<ImportSummary> ImportAsync(string name, ImportOptions importOptions, long? rowsTotal, Func<SqliteRowWriter, CancellationToken, Task<DatasetHeader>> writeRows, CancellationToken cancellationToken) =>
        EmbeddedStoreFailures.TranslateAsync(() => ImportCoreAsync(name, importOptions, rowsTotal, writeRows, cancellationToken));

    private async Task<ImportSummary> ImportCoreAsync(string name, ImportOptions importOptions, long? rowsTotal, Func<SqliteRowWriter, CancellationToken, Task<DatasetHeader>> writeRows, CancellationToken cancellationToken)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(
                async () =>
                {
                    // Read before anything is written: whether the index was the file's before this import.
                    var versionBefore = ReadChangeCounter();
                    using var connection = Open();
                    SqliteSchema.Apply(connection);
                    ImportSummary summary;
                    long documentsChanged;
                    using (var transaction = connection.BeginTransaction())
                    {
                        using var writer = new SqliteRowWriter(
                            connection,
                            transaction,
                            rows =>
                            {
                                var progress = new ImportProgress(name, rows, rowsTotal);
                                OnImportProgress?.Invoke(progress);
                                importOptions.Progress?.Invoke(progress);
                            },
                            cancellationToken);
                        var header = await writeRows(writer, cancellationToken);
                        var (entities, relationships) = writer.Finish();
                        documentsChanged = writer.DocumentsChanged;
                        summary = new ImportSummary(header.Name, entities, relationships) { DryRun = importOptions.DryRun, Skipped = header.Skipped };
                        cancellationToken.ThrowIfCancellationRequested();
                        if (importOptions.DryRun)
                        {
                            transaction.Rollback();
                            return summary;
                        }

                        RecordImport(connection, transaction, summary);
                        transaction.Commit();
                    }

                    // A new title changes no row, but what sources show: it is loaded with the index.
                    if (options.RefreshIndexAfterImport && (summary.ChangedAnything || documentsChanged > 0 || questions.Graph.NodeCount == 0))
                    {
                        LoadIndex();
                    }
                    else if (options.RefreshIndexAfterImport && versionBefore == Interlocked.Read(ref loadedVersion))
                    {
                        // The import changed no row but its commit moved the change counter: the index is still the
                        // file's, and without this the next check would reload it whole for nothing.
                        Interlocked.Exchange(ref loadedVersion, ReadChangeCounter());
                    }

                    return summary;
                },
                cancellationToken);
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>The title the imported datasets gave <paramref name="document"/>, as of the current index; null when none did.</summary>
    public DocumentTitle? FindTitle(string document)
    {
        CheckForOutsideChanges();
        return titles.FindTitle(document);
    }

    public Task<Entity> ResolveAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(Current.Resolve(reference, cancellationToken));

    public Task<IReadOnlyList<Entity>> SearchAsync(SearchQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(Current.Search(question, cancellationToken));

    public Task<EntityProfile> ProfileAsync(ProfileQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(Current.Profile(question, cancellationToken));

    public Task<SupplyChainAnswer> SupplyChainAsync(SupplyChainQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(Current.SupplyChain(question, cancellationToken));

    public Task<ExportControlsAnswer> ExportControlsAsync(ExportControlsQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(Current.ExportControls(question, cancellationToken));

    public Task<ExposureAnswer> ExposureAsync(ExposureQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(Current.Exposure(question, cancellationToken));

    public Task<PathAnswer> PathsAsync(PathsQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(Current.Paths(question, cancellationToken));

    public Task<ChangesAnswer> ChangesAsync(ChangesQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(Current.Changes(question, cancellationToken));

    public Task<Page<Entity>> ListEntitiesAsync(EntityListQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(Current.ListEntities(question, cancellationToken));

    public Task<Page<Relationship>> ListRelationshipsAsync(RelationshipListQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(Current.ListRelationships(question, cancellationToken));

    public Task<CountsAnswer> CountAsync(CountQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(Current.Count(question, cancellationToken));

    /// <summary>Closes the in-memory database, if any; safe to call more than once (a container may dispose each registration).</summary>
    public void Dispose()
    {
        memoryKeepAlive?.Dispose();
        writeLock.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The questions over the current index, after a cheap look at whether another process changed the file.</summary>
    private GraphQuestions Current
    {
        get
        {
            CheckForOutsideChanges();
            return questions;
        }
    }

    /// <summary>Loads the index from the file; call with the write lock held.</summary>
    private void LoadIndex()
    {
        // The counter is read first: a change committed during the load is seen by the next check.
        var version = ReadChangeCounter();

        // Its errors name the file, not its path: they reach clients through /health and 503 answers.
        var graph = SqliteIndexLoader.Load(Open, Description);
        var loadedTitles = SqliteIndexLoader.LoadTitles(Open);
        graph.WarmLookupsInBackground();
        questions = new GraphQuestions(graph, clock, options.InMemory ? null : $"embedded:{version}");
        indexStatistics = new IndexStatistics("index", graph.NodeCount, graph.EdgeCount, clock.GetUtcNow());
        titles = loadedTitles;
        Interlocked.Exchange(ref loadedVersion, version);
    }

    /// <summary>
    /// At most once per <see cref="EmbeddedStoreOptions.ChangeCheckInterval"/>: when the file's change counter moved
    /// (an import by another process), reloads the index in the background; questions use the old one meanwhile.
    /// </summary>
    private void CheckForOutsideChanges()
    {
        if (options.InMemory || !options.RefreshIndexAfterImport || options.ChangeCheckInterval <= TimeSpan.Zero)
        {
            return;
        }

        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        var next = Interlocked.Read(ref nextChangeCheck);
        if (now < next || Interlocked.CompareExchange(ref nextChangeCheck, now + (long)(options.ChangeCheckInterval.TotalSeconds * System.Diagnostics.Stopwatch.Frequency), next) != next)
        {
            return;
        }

        if (ReadChangeCounter() == Interlocked.Read(ref loadedVersion) || Interlocked.Exchange(ref reloading, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await writeLock.WaitAsync();
                try
                {
                    if (ReadChangeCounter() != Interlocked.Read(ref loadedVersion))
                    {
                        LoadIndex();
                    }
                }
                finally
                {
                    writeLock.Release();
                }

                Volatile.Write(ref reloadFailures, 0);
            }
            catch (Exception exception) when (exception is SqliteException or InvalidOperationException or IOException or ObjectDisposedException)
            {
                // The file is busy (an import is committing) or half-read, or broken: the next check tries again, later
                // each time it fails again, so a broken file is not reread every interval forever.
                var failures = Interlocked.Increment(ref reloadFailures);
                var doublings = Math.Min(failures - 1, 16);
                var backOff = options.ChangeCheckInterval.Ticks > MaxReloadBackOff.Ticks >> doublings
                    ? TimeSpan.FromTicks(Math.Max(options.ChangeCheckInterval.Ticks, MaxReloadBackOff.Ticks)) // no overflow for long intervals
                    : TimeSpan.FromTicks(options.ChangeCheckInterval.Ticks << doublings);
                Interlocked.Exchange(ref nextChangeCheck, System.Diagnostics.Stopwatch.GetTimestamp() + (long)(backOff.TotalSeconds * System.Diagnostics.Stopwatch.Frequency));
                options.ReloadFailed?.Invoke(exception, failures);
            }
            finally
            {
                Volatile.Write(ref reloading, 0);
            }
        });
    }

    /// <summary>
    /// SQLite's file change counter (header bytes 24-27, big-endian), which every committed write transaction
    /// increments in rollback-journal mode; -1 when the file cannot be read.
    /// </summary>
    private long ReadChangeCounter()
    {
        if (options.InMemory)
        {
            return 0;
        }

        try
        {
            using var file = new FileStream(options.DatabasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            Span<byte> header = stackalloc byte[28];
            return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
                ? -1
                : System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[24..]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = options.InMemory
            ? "PRAGMA foreign_keys = ON;"
            : "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; PRAGMA foreign_keys = OFF; PRAGMA busy_timeout = 5000; PRAGMA cache_size = -1048576;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private void RecordImport(SqliteConnection connection, SqliteTransaction transaction, ImportSummary summary)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO imports(dataset, imported_at, entities, relationships) VALUES ($dataset, $at, $entities, $relationships);";
        command.Parameters.AddWithValue("$dataset", summary.Dataset);
        command.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$entities", summary.Entities.Added + summary.Entities.Updated + summary.Entities.Unchanged);
        command.Parameters.AddWithValue("$relationships", summary.Relationships.Added + summary.Relationships.Updated + summary.Relationships.Unchanged);
        command.ExecuteNonQuery();
    }
}
