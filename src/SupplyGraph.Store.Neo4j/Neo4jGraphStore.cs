using System.Text.RegularExpressions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Exporting;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.Import;
using SupplyGraph.Store.Neo4j.Mapping;
using SupplyGraph.Store.Neo4j.Questions;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j;

/// <summary>
/// The production store. Each question runs its file from cypher/queries in a read transaction; the file returns
/// the neighbourhood the question walks (bounded by maxHops, one hop more to tell whether the limit cut), and the
/// domain's <see cref="GraphQuestions"/> reads the answer from it, so both stores answer alike by construction.
/// Imports run the generated upserts in one explicit write transaction per dataset.
/// </summary>
public sealed partial class Neo4jGraphStore : ISupplyGraphStore, IDisposable
{
    private const int SuggestionCandidates = 50;
    private const int StatementsPerBatch = 16;
    private const int MaxFuzzyTerms = 8;
    private const int SearchCandidates = 5000;
    private const int MigrationPage = 1000;
    private readonly ICypherRunner runner;
    private readonly Neo4jStoreOptions options;
    private readonly TimeProvider clock;
    private readonly int walkReadBudget;

    /// <summary>A store over any runner: the Query API client (<see cref="Connect"/>), a Bolt driver later, a test's stand-in.</summary>
    internal Neo4jGraphStore(ICypherRunner runner, Neo4jStoreOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(options);
        this.runner = runner;
        this.options = options;
        this.clock = clock ?? TimeProvider.System;
        walkReadBudget = options.WalkReadBudget;
    }

    /// <summary>Rows per upsert statement (and per batch the reader hands over).</summary>
    private int ImportBatchSize => Math.Max(1, options.ImportBatchSize);

    public string Description => $"neo4j ({options.Connection.RedactedUri}, database {options.Connection.Database})";

    /// <summary>A store with its own long-lived Query API client (pooled connections), disposed with the store.</summary>
    public static Neo4jGraphStore Connect(Neo4jStoreOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Connection.Validate();
        return new Neo4jGraphStore(QueryApiClient.Create(options.Connection), options, clock);
    }

    /// <summary>Disposes the Query API client; safe to call more than once (a container may dispose each registration).</summary>
    public void Dispose() => (runner as IDisposable)?.Dispose();

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        Neo4jStoreFailures.TranslateAsync(() => InitializeCoreAsync(cancellationToken));

    private async Task InitializeCoreAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in CypherScripts.Schema.Statements)
        {
            await runner.RunAsync(statement, null, CypherRunOptions.IdempotentWrite, cancellationToken);
        }

        await FillCitationKeysAsync(cancellationToken);
    }

    /// <summary>
    /// Gives regulations stored without <c>citationKeys</c> (by an earlier version, by hand, by a CSV bulk load) their
    /// keys, so they resolve by citation without a re-import. The keys are made here, as imports make them, because
    /// Cypher has no regular expressions to read a Federal Register citation with. Once done, a start reads one empty page.
    /// </summary>
    private async Task FillCitationKeysAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var missing = await runner.ReadAsync(CypherScripts.RegulationsWithoutCitationKeys.Statement, new Dictionary<string, object?> { ["limit"] = (long)MigrationPage }, cancellationToken);
            if (missing.Rows.Count == 0)
            {
                return;
            }

            var rows = missing.Rows.Select(row => new Dictionary<string, object?>
            {
                ["id"] = row.Get<string>("id"),
                ["citationKeys"] = ReferenceKeys.OfCitation(row["citation"] as string ?? string.Empty).ToList(),
            }).ToList();
            var written = await runner.RunAsync(CypherScripts.SetCitationKeys.Statement, new Dictionary<string, object?> { ["rows"] = rows }, CypherRunOptions.IdempotentWrite, cancellationToken);

            // A page that wrote nothing (the regulations went meanwhile) would be read again forever: stop; the next start retries.
            if (written.Rows[0].Get<long>("written") == 0 || missing.Rows.Count < MigrationPage)
            {
                return;
            }
        }
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
        Neo4jStoreFailures.TranslateAsync(() => ImportCoreAsync(source, options, cancellationToken));

    private Task<ImportSummary> ImportCoreAsync(IDatasetSource source, ImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        return runner.ExecuteAsync(AccessMode.Write, (transaction, token) => ImportOnceAsync(source, options, transaction, token), cancellationToken);
    }

    private async Task<ImportSummary> ImportOnceAsync(IDatasetSource source, ImportOptions options, ICypherTransaction transaction, CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(source.Name);
        var writer = new Neo4jImportWriter(transaction, ImportBatchSize, name, source.Rows, options.Progress);
        var read = await ImportPipeline.RunAsync(
            source,
            // Untranslated: a transient failure of a lookup must reach the retry of the whole import as the client's own.
            EntityLookup.Using(ResolveCoreAsync),
            // The writer sends one statement per kind or type in a batch: batches many statements long keep them full.
            ImportBatchSize * StatementsPerBatch,
            (batch, token) => new ValueTask(writer.WriteAsync(batch.Entities, batch.Relationships, token)),
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

    public Task<Entity> ResolveAsync(string reference, CancellationToken cancellationToken) =>
        Neo4jStoreFailures.TranslateAsync(() => ResolveCoreAsync(reference, cancellationToken));

    private async Task<Entity> ResolveCoreAsync(string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var matches = await ReadGraphAsync(CypherScripts.Resolve, new() { ["ref"] = reference, ["keys"] = ReferenceKeys.Of(reference).ToList() }, cancellationToken);
        if (matches.NodeCount > 0)
        {
            return Questions(matches).Resolve(reference);
        }

        // Nothing by id, name, alias or citation: let the domain pick suggestions among fuzzy full-text candidates. Terms are
        // letters and digits only, lower-cased (so "AND" is no Lucene operator) and few (Lucene caps clauses).
        var terms = SearchTerms().Matches(reference).Select(match => match.Value.ToLowerInvariant() + "~").Take(MaxFuzzyTerms).ToList();
        var candidates = GraphIndex.Empty;
        if (terms.Count > 0)
        {
            try
            {
                candidates = await ReadGraphAsync(CypherScripts.Suggest, new() { ["fuzzyQuery"] = string.Join(' ', terms), ["limit"] = (long)SuggestionCandidates }, cancellationToken);
            }
            catch (Neo4jException exception) when (exception.Code.StartsWith("Neo.ClientError", StringComparison.Ordinal))
            {
                // Suggestions are a courtesy: an unparsable fuzzy query still answers "not found", without them.
            }
        }

        return Questions(candidates).Resolve(reference);
    }

    public Task<IReadOnlyList<Entity>> SearchAsync(SearchQuestion question, CancellationToken cancellationToken) =>
        Neo4jStoreFailures.TranslateAsync(() => SearchCoreAsync(question, cancellationToken));

    private async Task<IReadOnlyList<Entity>> SearchCoreAsync(SearchQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var kinds = question.Kinds is { Count: > 0 } selected ? selected.Select(kind => kind.ToString()).ToList() : null;
        var candidates = await ReadGraphAsync(
            CypherScripts.Search,
            new() { ["keys"] = ReferenceKeys.Of(question.Text).ToList(), ["kinds"] = kinds, ["limit"] = (long)SearchCandidates },
            cancellationToken);
        return Questions(candidates).Search(question);
    }

    public Task<EntityProfile> ProfileAsync(ProfileQuestion question, CancellationToken cancellationToken) =>
        Neo4jStoreFailures.TranslateAsync(() => ProfileCoreAsync(question, cancellationToken));

    private async Task<EntityProfile> ProfileCoreAsync(ProfileQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var entity = await ResolveAsync(question.Entity, cancellationToken);
        var day = question.Day(clock);
        var graph = await ReadGraphAsync(CypherScripts.EntityProfile, new() { ["id"] = entity.Id, ["asOf"] = day }, cancellationToken, entity);
        return Questions(graph).Profile(new ProfileQuestion(entity.Id, day));
    }

    public Task<SupplyChainAnswer> SupplyChainAsync(SupplyChainQuestion question, CancellationToken cancellationToken) =>
        Neo4jStoreFailures.TranslateAsync(() => SupplyChainCoreAsync(question, cancellationToken));

    private async Task<SupplyChainAnswer> SupplyChainCoreAsync(SupplyChainQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var (focus, options) = await PrepareAsync(question.Entity, question.Options, cancellationToken);
        var read = await WalkAsync(CypherScripts.SupplyChain, [new(focus.Id, WalkCypher.Upstream), new(focus.Id, WalkCypher.Downstream)], options, focus, cancellationToken);
        var answer = Questions(read.Graph).SupplyChain(question with { Entity = focus.Id, Options = options }, cancellationToken);
        return read.Cut ? answer with { Explored = CutByBudget(answer.Explored) } : answer;
    }

    public Task<ExportControlsAnswer> ExportControlsAsync(ExportControlsQuestion question, CancellationToken cancellationToken) =>
        Neo4jStoreFailures.TranslateAsync(() => ExportControlsCoreAsync(question, cancellationToken));

    private async Task<ExportControlsAnswer> ExportControlsCoreAsync(ExportControlsQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var (focus, options) = await PrepareAsync(question.Entity, question.Options, cancellationToken);
        var read = await WalkAsync(CypherScripts.ExportControls, [new(focus.Id, WalkCypher.Upstream)], options, focus, cancellationToken);
        var answer = Questions(read.Graph).ExportControls(question with { Entity = focus.Id, Options = options }, cancellationToken);
        return read.Cut ? answer with { Explored = CutByBudget(answer.Explored) } : answer;
    }

    public Task<ExposureAnswer> ExposureAsync(ExposureQuestion question, CancellationToken cancellationToken) =>
        Neo4jStoreFailures.TranslateAsync(() => ExposureCoreAsync(question, cancellationToken));

    private async Task<ExposureAnswer> ExposureCoreAsync(ExposureQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var (regulation, options) = await PrepareAsync(question.Regulation, question.Options, cancellationToken);
        var read = await WalkAsync(CypherScripts.Exposure, [new(regulation.Id, WalkCypher.Downstream)], options, regulation, cancellationToken);
        var answer = Questions(read.Graph).Exposure(question with { Regulation = regulation.Id, Options = options }, cancellationToken);
        return read.Cut ? answer with { Explored = CutByBudget(answer.Explored) } : answer;
    }

    public Task<PathAnswer> PathsAsync(PathsQuestion question, CancellationToken cancellationToken) =>
        Neo4jStoreFailures.TranslateAsync(() => PathsCoreAsync(question, cancellationToken));

    private async Task<PathAnswer> PathsCoreAsync(PathsQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var (from, options) = await PrepareAsync(question.From, question.Options, cancellationToken);
        var to = await ResolveAsync(question.To, cancellationToken);
        var types = question.Types is { Count: > 0 } selected ? selected.Select(type => type.Name()).ToList() : null;

        // The domain looks as far as the hard cap (one level past it to tell), whatever maxHops is: see GraphQuestions.Paths.
        var read = from.Id == to.Id
            ? new LevelWalk.WalkRead(GraphIndex.Build([from], []), Cut: false)
            : await LevelWalk.ReadAsync(
                runner,
                CypherScripts.Paths,
                [new(from.Id, WalkCypher.Downstream)],
                QueryLimits.MaxMaxHops + 2,
                new Dictionary<string, object?> { ["asOf"] = options.AsOf, ["types"] = types },
                stopAt: to.Id,
                [from, to],
                walkReadBudget,
                cancellationToken);
        var answer = Questions(read.Graph).Paths(question with { From = from.Id, To = to.Id, Options = options }, cancellationToken);
        return read.Cut ? answer with { Explored = CutByBudget(answer.Explored) } : answer;
    }

    /// <summary>Reads a walk question's neighbourhood: the hop limit's levels and one more, so the domain can tell whether it cut.</summary>
    private Task<LevelWalk.WalkRead> WalkAsync(CypherScript script, IReadOnlyList<LevelWalk.Start> starts, TraversalOptions options, Entity start, CancellationToken cancellationToken) =>
        LevelWalk.ReadAsync(
            runner,
            script,
            starts,
            options.MaxHops + 1,
            new Dictionary<string, object?> { ["asOf"] = options.AsOf },
            stopAt: null,
            [start],
            walkReadBudget,
            cancellationToken);

    /// <summary>An answer read within the Neo4j read budget says so: it may be missing what lay beyond.</summary>
    private static Exploration CutByBudget(Exploration explored) =>
        explored with { CutBy = [.. explored.CutBy.Append(TraversalLimit.ExplorationBudget).Distinct().Order()] };

    private async Task<(Entity Entity, TraversalOptions Options)> PrepareAsync(string reference, TraversalOptions options, CancellationToken cancellationToken)
    {
        var entity = await ResolveAsync(reference, cancellationToken);

        // Fix "today" once, so the Cypher and the domain read the same day.
        return (entity, TraversalOptions.Create(options.Day(clock), options.MaxHops, options.MaxPaths));
    }

    private GraphQuestions Questions(GraphIndex graph) => new(graph, clock);

    private async Task<GraphIndex> ReadGraphAsync(CypherScript script, Dictionary<string, object?> parameters, CancellationToken cancellationToken, params Entity[] alwaysIncluded)
    {
        var result = await runner.ReadAsync(script.Statement, parameters, cancellationToken);
        return Neighbourhood.FromResult(result, alwaysIncluded);
    }

    [GeneratedRegex("[\\p{L}\\p{N}]+")]
    private static partial Regex SearchTerms();
}
