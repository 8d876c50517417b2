using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Exporting;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.Import;
using SupplyGraph.Store.Neo4j.Projection;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j;

/// <summary>
/// The production store. Neo4j is the store of record: imports write to it, analysts query it, it survives restarts.
/// The questions are answered in process, by the same <see cref="GraphQuestions"/> as the embedded store, from a
/// projection of the whole graph read from Neo4j at start and read again whenever its last commit moves
/// (<see cref="GraphProjection"/>), so both stores answer alike by construction and no question waits on the network.
/// Imports run the generated upserts in one explicit write transaction per dataset. Document titles are kept as
/// <c>(:Document)</c> nodes and read with the projection, so <see cref="FindTitle"/> answers as the embedded store does.
/// </summary>
public sealed partial class Neo4jGraphStore : ISupplyGraphStore, IDocumentTitles, IDisposable
{
    private const int StatementsPerBatch = 16;
    private static readonly TimeSpan RollbacksOnDispose = TimeSpan.FromSeconds(10);
    private readonly ICypherRunner runner;
    private readonly Neo4jStoreOptions options;
    private readonly GraphProjection projection;

    /// <summary>A store over any runner: the Query API client (<see cref="Connect"/>), a Bolt driver later, a test's stand-in.</summary>
    internal Neo4jGraphStore(ICypherRunner runner, Neo4jStoreOptions options, TimeProvider? clock = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(options);
        this.runner = runner;
        this.options = options;
        projection = new GraphProjection(
            new TopologyReader(runner, Math.Max(1, options.ProjectionPageSize)),
            options.ProjectionRefreshInterval,
            clock ?? TimeProvider.System,
            logger ?? NullLogger.Instance);
    }

    /// <summary>Rows per upsert statement (and per batch the reader hands over).</summary>
    private int ImportBatchSize => Math.Max(1, options.ImportBatchSize);

    public string Description => $"neo4j ({options.Connection.RedactedUri}, database {options.Connection.Database})";

    /// <summary>The bookmark of the Neo4j commit the answers are read from now (null before the first read).</summary>
    public string? AnsweringAt => projection.Current.Bookmark;

    /// <summary>The graph the questions run on now; replaced whole when Neo4j moves.</summary>
    public GraphIndex Index => projection.Current.Questions.Graph;

    public IndexStatistics? IndexStatistics => projection.Current is { LoadedAt: { } loadedAt } current
        ? new IndexStatistics("projection", current.Questions.Graph.NodeCount, current.Questions.Graph.EdgeCount, loadedAt)
        : null;

    /// <summary>A store with its own long-lived Query API client (pooled connections), disposed with the store.</summary>
    public static Neo4jGraphStore Connect(Neo4jStoreOptions options, TimeProvider? clock = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Connection.Validate();
        return new Neo4jGraphStore(QueryApiClient.Create(options.Connection, logger), options, clock, logger);
    }

    /// <summary>Stops the projection's poll and disposes the Query API client; safe to call more than once (a container may dispose each registration).</summary>
    public void Dispose()
    {
        projection.Dispose();
        (runner as IDisposable)?.Dispose();
    }

    /// <summary>
    /// Stops the poll, lets rollbacks still under way in the background finish (a bounded wait: each gives up by its
    /// transaction's expiry anyway), then disposes the client, so no transaction of ours stays open for want of its DELETE.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        projection.Dispose();
        if (runner is QueryApiClient client)
        {
            using var bounded = new CancellationTokenSource(RollbacksOnDispose);
            try
            {
                await client.Rollbacks.WhenSettledAsync(bounded.Token);
            }
            catch (OperationCanceledException)
            {
                // Past the bound the server rolls them back itself when they expire.
            }
        }

        Dispose();
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        Neo4jStoreFailures.TranslateAsync(() => InitializeCoreAsync(cancellationToken));

    private async Task InitializeCoreAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in CypherScripts.Schema.Statements)
        {
            await runner.RunAsync(statement, null, CypherRunOptions.IdempotentWrite, cancellationToken);
        }

        await projection.RefreshAsync(cancellationToken);
        projection.StartPolling();
    }

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) =>
        Neo4jStoreFailures.TranslateAsync(() => GetStatisticsCoreAsync(cancellationToken));

    private async Task<StoreStatistics> GetStatisticsCoreAsync(CancellationToken cancellationToken)
    {
        var result = await runner.ReadAsync(CypherScripts.Statistics.Statement, null, cancellationToken);
        var row = result.Rows[0];
        return new StoreStatistics(row.Get<long>("entities"), row.Get<long>("relationships"));
    }

    /// <summary>
    /// Imports as the input is read: a reader task validates and hands over batches of rows (references outside the
    /// input are looked up in the graph as it was before), and this one upserts them in one explicit write transaction
    /// (<see cref="Neo4jImportWriter"/>). Invalid anywhere, cancelled, or a dry run: the transaction is rolled back.
    /// </summary>
    /// <remarks>
    /// The import is one unit of work: a transient failure (a lost connection, a restarting server) rolls it back and
    /// runs it again from the start of the input, which upserts make safe; an input that can be read only once (a
    /// stream) then fails cleanly instead. Either way nothing is half-written.
    /// </remarks>
    public Task<ImportSummary> ImportAsync(IDatasetSource source, ImportOptions options, CancellationToken cancellationToken) =>
        ImportTelemetry.MeasureAsync("neo4j", () => Neo4jStoreFailures.TranslateAsync(() => ImportCoreAsync(source, options, cancellationToken)));

    private async Task<ImportSummary> ImportCoreAsync(IDatasetSource source, ImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);

        // References outside the input are looked up in the projection, brought up to date first.
        var before = await projection.RefreshAsync(cancellationToken);
        var summary = await runner.ExecuteAsync(AccessMode.Write, (transaction, token) => ImportOnceAsync(source, options, before.Questions, transaction, token), cancellationToken);
        if (!options.DryRun)
        {
            await RefreshAfterCommitAsync(cancellationToken);
        }

        return summary;
    }

    /// <summary>
    /// Reads the projection again once an import committed, so the next question sees it. The import stands whatever
    /// happens here: a failed or cancelled read leaves the catching up to the next poll.
    /// </summary>
    private async Task RefreshAfterCommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await projection.RefreshAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is Neo4jException or OperationCanceledException or HttpRequestException)
        {
            // Logged by nobody else: the projection's own poll reports what keeps failing.
        }
    }

    private async Task<ImportSummary> ImportOnceAsync(IDatasetSource source, ImportOptions options, GraphQuestions existing, ICypherTransaction transaction, CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(source.Name);
        var writer = new Neo4jImportWriter(transaction, ImportBatchSize, name, source.Rows, options.Progress);
        var read = await ImportPipeline.RunAsync(
            source,
            EntityLookup.Using((reference, token) => Task.FromResult(existing.Resolve(reference, token))),
            // The writer sends one statement per kind or type in a batch: batches many statements long keep them full.
            ImportBatchSize * StatementsPerBatch,
            (batch, token) => new ValueTask(writer.WriteAsync(batch.Entities, batch.Relationships, batch.Documents, token)),
            cancellationToken);

        // Disposing the transaction without this commit (an invalid input, a cancel, a dry run) rolls back.
        return await FinishAsync(transaction, writer, read.Name, options, cancellationToken) with { Skipped = read.Skipped };
    }

    private static async Task<ImportSummary> FinishAsync(ICypherTransaction transaction, Neo4jImportWriter writer, string dataset, ImportOptions importOptions, CancellationToken cancellationToken)
    {
        var (entities, relationships) = await writer.FinishAsync(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        // A dry run leaves the transaction uncommitted: disposing it rolls every write back.
        if (!importOptions.DryRun)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new ImportSummary(dataset, entities, relationships) { DryRun = importOptions.DryRun };
    }

    /// <summary>The title the imported datasets gave <paramref name="document"/>, as of the projection now; null when none did.</summary>
    public DocumentTitle? FindTitle(string document) => projection.Current.Titles.FindTitle(document);

    public Task<Entity> ResolveAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(projection.Current.Questions.Resolve(reference, cancellationToken));

    public Task<IReadOnlyList<Entity>> SearchAsync(SearchQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(projection.Current.Questions.Search(question, cancellationToken));

    public Task<EntityProfile> ProfileAsync(ProfileQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(projection.Current.Questions.Profile(question, cancellationToken));

    public Task<SupplyChainAnswer> SupplyChainAsync(SupplyChainQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(projection.Current.Questions.SupplyChain(question, cancellationToken));

    public Task<ExportControlsAnswer> ExportControlsAsync(ExportControlsQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(projection.Current.Questions.ExportControls(question, cancellationToken));

    public Task<ExposureAnswer> ExposureAsync(ExposureQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(projection.Current.Questions.Exposure(question, cancellationToken));

    public Task<PathAnswer> PathsAsync(PathsQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(projection.Current.Questions.Paths(question, cancellationToken));

    public Task<ChangesAnswer> ChangesAsync(ChangesQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(projection.Current.Questions.Changes(question, cancellationToken));

    public Task<Page<Entity>> ListEntitiesAsync(EntityListQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(projection.Current.Questions.ListEntities(question, cancellationToken));

    public Task<Page<Relationship>> ListRelationshipsAsync(RelationshipListQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(projection.Current.Questions.ListRelationships(question, cancellationToken));

    public Task<CountsAnswer> CountAsync(CountQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(projection.Current.Questions.Count(question, cancellationToken));
}
