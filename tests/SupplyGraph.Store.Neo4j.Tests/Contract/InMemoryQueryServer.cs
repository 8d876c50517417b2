using System.Text.RegularExpressions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Store.Contract;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j.Tests.Contract;

/// <summary>
/// A stand-in for a Neo4j server, so the Neo4j store's own code (property mapping, upsert counting, transactions,
/// turning results into answers) runs through the contract suite where no server exists. It carries out the
/// generated upserts (by id and key, with fingerprints) and the export statements as their Cypher reads (pages,
/// order, hops either way), the document titles (upserted by document, read in pages, exported by document), and the
/// projection's pages and last-commit bookmark (which moves with every commit, as Neo4j's does). It does NOT check the Cypher itself: that runs only against a real server
/// (<see cref="Neo4jStoreContractTests"/>) and, here, through Cypher lint.
/// </summary>
internal sealed partial class InMemoryQueryServer : ICypherRunner
{
    private int transactionStatementsRun;
    private long commits;

    private readonly Dictionary<string, Dictionary<string, object?>> nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Type, string From, string To, Dictionary<string, object?> Properties)> relationships = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Dictionary<string, object?>> documents = new(StringComparer.Ordinal);
    private readonly List<IReadOnlyList<string>> committedTransactions = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> sentInTransactions = new();
    private readonly object gate = new();

    public int StatementsRun { get; private set; }

    /// <summary>Statements run inside explicit transactions (the import's upserts), committed or not yet.</summary>
    public int TransactionStatementsRun => Volatile.Read(ref transactionStatementsRun);

    /// <summary>The most rows one export statement has returned.</summary>
    public int LargestExportResponse { get; private set; }

    /// <summary>The last commit's bookmark, as every answer carries it.</summary>
    public string LastCommit => $"memory:{Interlocked.Read(ref commits)}";

    /// <summary>The Document nodes committed, by document: their properties.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, object?>> Documents
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, Dictionary<string, object?>>(documents, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Each committed write transaction's statements, in the order they ran.</summary>
    public IReadOnlyList<IReadOnlyList<string>> CommittedTransactions
    {
        get
        {
            lock (gate)
            {
                return [.. committedTransactions];
            }
        }
    }

    /// <summary>Every statement sent in a write transaction, committed, rolled back or still open, in the order sent.</summary>
    public IReadOnlyList<string> SentInTransactions => [.. sentInTransactions];

    /// <summary>Statements that read a page of the projection's document titles.</summary>
    public int DocumentPagesRead { get; private set; }

    /// <summary>Statements that read a page of the projection.</summary>
    public int TopologyPagesRead { get; private set; }

    /// <summary>Awaited before each page of the projection is read: a test holds the read there, or commits meanwhile.</summary>
    public Func<Task>? BeforeTopologyPage { get; set; }

    /// <summary>Awaited before each page of the projection's document titles is read, as <see cref="BeforeTopologyPage"/>.</summary>
    public Func<Task>? BeforeDocumentsPage { get; set; }

    public async Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters, CypherRunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (statement == CypherScripts.TopologyPage.Statement && BeforeTopologyPage is { } before)
        {
            await before().WaitAsync(cancellationToken);
        }

        if (statement == CypherScripts.DocumentsPage.Statement && BeforeDocumentsPage is { } beforeTitles)
        {
            await beforeTitles().WaitAsync(cancellationToken);
        }

        lock (gate)
        {
            var result = Run(statement, parameters, options);
            return result with { Bookmarks = [LastCommit] };
        }
    }

    /// <summary>Changes entities as another client (Neo4j Browser) would, in a transaction of its own.</summary>
    public void CommitFromAnotherClient(Action<Dictionary<string, Dictionary<string, object?>>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            change(nodes);
            commits++;
        }
    }

    /// <summary>Adds or replaces a Document node as another client (Neo4j Browser) would, in a transaction of its own.</summary>
    public void CommitDocumentFromAnotherClient(string document, Dictionary<string, object?> properties)
    {
        lock (gate)
        {
            documents[document] = properties;
            commits++;
        }
    }

    /// <summary>Adds a relationship as another client would, of any type and properties, in a transaction of its own.</summary>
    public void CommitRelationshipFromAnotherClient(string type, string from, string to, Dictionary<string, object?> properties)
    {
        lock (gate)
        {
            relationships[$"{from}/{type}/{to}/{Guid.NewGuid():N}"] = (type, from, to, properties);
            commits++;
        }
    }

    private CypherResult Run(string statement, IReadOnlyDictionary<string, object?>? parameters, CypherRunOptions options)
    {
        {
            StatementsRun++;
            if (CypherScripts.Schema.Statements.Contains(statement))
            {
                return CypherResult.Empty;
            }

            if (statement == CypherScripts.ClearDatabase.Statement)
            {
                nodes.Clear();
                relationships.Clear();
                documents.Clear();
                commits++;
                return CypherResult.Empty;
            }

            if (statement == CypherScripts.LastCommit.Statement)
            {
                return Result(["alive"], [1L]);
            }

            if (statement == CypherScripts.TopologyPage.Statement)
            {
                TopologyPagesRead++;
                return TopologyPage((string)parameters!["after"]!, PageSize(parameters));
            }

            if (statement == CypherScripts.DocumentsPage.Statement)
            {
                DocumentPagesRead++;
                var after = (string)parameters!["after"]!;
                return DocumentRows(documents.Where(pair => string.CompareOrdinal(pair.Key, after) > 0).Take(PageSize(parameters)).Select(pair => pair.Value));
            }

            if (statement == CypherScripts.Statistics.Statement)
            {
                return Result(["entities", "relationships"], [(long)nodes.Count, (long)relationships.Count]);
            }

            if (options.AccessMode != AccessMode.Read)
            {
                throw new InvalidOperationException($"The stand-in server does not run this write outside a transaction:\n{statement}");
            }

            if (Export(statement, parameters) is { } export)
            {
                LargestExportResponse = Math.Max(LargestExportResponse, export.Rows.Count);
                return export;
            }

            throw new InvalidOperationException($"The stand-in server does not run this statement:\n{statement}");
        }
    }

    public Task<ICypherTransaction> BeginAsync(AccessMode accessMode, CancellationToken cancellationToken = default) =>
        Task.FromResult<ICypherTransaction>(new Transaction(this, accessMode));

    /// <summary>One try: the stand-in never fails transiently.</summary>
    public async Task<T> ExecuteAsync<T>(AccessMode accessMode, Func<ICypherTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var transaction = await BeginAsync(accessMode, cancellationToken);
        return await work(transaction, cancellationToken);
    }

    /// <summary>
    /// The export statements, carried out as their Cypher says (paging, ordering, either-direction hops), since the
    /// store's paging and expansion are what the contract checks; null for any other statement.
    /// </summary>
    private CypherResult? Export(string statement, IReadOnlyDictionary<string, object?>? parameters)
    {
        if (statement == CypherScripts.ExportEntities.Statement)
        {
            var after = (string)parameters!["after"]!;
            return Rows(
                ["entity"],
                nodes.Keys.Where(id => string.CompareOrdinal(id, after) > 0).Order(StringComparer.Ordinal).Take(PageSize(parameters)).Select(id => new object?[] { Node(id) }));
        }

        if (statement == CypherScripts.ExportEntitiesById.Statement)
        {
            var ids = Ids(parameters!);
            return Rows(["entity"], nodes.Keys.Where(ids.Contains).Order(StringComparer.Ordinal).Select(id => new object?[] { Node(id) }));
        }

        if (statement == CypherScripts.ExportNeighbours.Statement)
        {
            var ids = Ids(parameters!);
            var neighbours = relationships.Values
                .SelectMany(relationship => new[] { (Of: relationship.From, Neighbour: relationship.To), (Of: relationship.To, Neighbour: relationship.From) })
                .Where(pair => ids.Contains(pair.Of))
                .Select(pair => pair.Neighbour)
                .Distinct(StringComparer.Ordinal)
                .Where(id => string.CompareOrdinal(id, (string)parameters!["after"]!) > 0)
                .Order(StringComparer.Ordinal)
                .Take(PageSize(parameters!));
            return Rows(["id"], neighbours.Select(id => new object?[] { id }));
        }

        if (statement == CypherScripts.ExportDocuments.Statement)
        {
            var cited = new HashSet<string>(((System.Collections.IEnumerable)parameters!["documents"]!).Cast<string>(), StringComparer.Ordinal);
            return DocumentRows(documents.Where(pair => cited.Contains(pair.Key)).Select(pair => pair.Value));
        }

        if (statement == CypherScripts.ExportRelationships.Statement)
        {
            return RelationshipPage(parameters!, _ => true);
        }

        if (statement == CypherScripts.ExportRelationshipsAmong.Statement)
        {
            var ids = Ids(parameters!);
            return RelationshipPage(parameters!, relationship => ids.Contains(relationship.From) && ids.Contains(relationship.To));
        }

        return null;
    }

    private CypherResult RelationshipPage(
        IReadOnlyDictionary<string, object?> parameters,
        Func<(string Type, string From, string To, Dictionary<string, object?> Properties), bool> included)
    {
        var afterKey = (string)parameters["afterKey"]!;
        var afterElement = (string)parameters["afterElementId"]!;
        var page = relationships
            .Where(pair => included(pair.Value))
            .Select(pair => (Key: (string?)pair.Value.Properties.GetValueOrDefault("key") ?? $"{pair.Value.From}/{pair.Value.Type}/{pair.Value.To}", Element: RelationshipElementId(pair.Key), Relationship: pair.Value))
            .Where(row => string.CompareOrdinal(row.Key, afterKey) > 0 || (row.Key == afterKey && string.CompareOrdinal(row.Element, afterElement) > 0))
            .OrderBy(row => row.Key, StringComparer.Ordinal)
            .ThenBy(row => row.Element, StringComparer.Ordinal)
            .Take(PageSize(parameters));
        return Rows(
            ["from", "relationship", "to", "key", "element"],
            page.Select(row => new object?[]
            {
                row.Relationship.From,
                new CypherRelationship(row.Element, row.Relationship.Type, NodeElementId(row.Relationship.From), NodeElementId(row.Relationship.To), Returned(row.Relationship.Properties)),
                row.Relationship.To,
                row.Key,
                row.Element,
            }));
    }

    private CypherResult TopologyPage(string after, int pageSize)
    {
        var page = nodes.Keys.Where(id => string.CompareOrdinal(id, after) > 0).Order(StringComparer.Ordinal).Take(pageSize).ToList();
        var outgoing = relationships.Values.ToLookup(relationship => relationship.From, StringComparer.Ordinal);
        return Rows(
            ["entity", "outgoing"],
            page.Select(id => new object?[]
            {
                Node(id),
                outgoing[id].Select(relationship => (object?)new Dictionary<string, object?>
                {
                    ["type"] = relationship.Type,
                    ["to"] = relationship.To,
                    ["key"] = relationship.Properties.GetValueOrDefault("key"),
                    ["validFrom"] = relationship.Properties.GetValueOrDefault("validFrom"),
                    ["validTo"] = relationship.Properties.GetValueOrDefault("validTo"),
                    ["status"] = relationship.Properties.GetValueOrDefault("status"),
                    ["note"] = relationship.Properties.GetValueOrDefault("note"),
                    ["sources"] = relationship.Properties.GetValueOrDefault("sources"),
                }).ToList(),
            }));
    }

    /// <summary>Rows as the document reads return them: document, title, url (null where the node has none).</summary>
    private static CypherResult DocumentRows(IEnumerable<Dictionary<string, object?>> properties) => Rows(
        ["document", "title", "url"],
        properties.Select(node => new object?[] { node.GetValueOrDefault("document"), node.GetValueOrDefault("title"), node.GetValueOrDefault("url") }));

    private CypherNode Node(string id) => new(NodeElementId(id), ["Entity", (string)nodes[id]["kind"]!], Returned(nodes[id]));

    private static HashSet<string> Ids(IReadOnlyDictionary<string, object?> parameters) =>
        new(((System.Collections.IEnumerable)parameters["ids"]!).Cast<string>(), StringComparer.Ordinal);

    private static int PageSize(IReadOnlyDictionary<string, object?> parameters) => checked((int)(long)parameters["pageSize"]!);

    /// <summary>Values as the Query API client hands them back: lists as object lists.</summary>
    private static Dictionary<string, object?> Returned(Dictionary<string, object?> properties) =>
        properties.ToDictionary(pair => pair.Key, pair => pair.Value is System.Collections.IList list ? list.Cast<object?>().ToList() : pair.Value);

    private static string NodeElementId(string id) => $"4:memory:{id}";

    private static string RelationshipElementId(string key) => $"5:memory:{key}";

    private static CypherResult Result(string[] fields, object?[] values) => new()
    {
        Fields = fields,
        Rows = [new CypherRow(fields, fields.Select((field, index) => (field, index)).ToDictionary(pair => pair.field, pair => pair.index), values)],
    };

    private static CypherResult Rows(string[] fields, IEnumerable<object?[]> rows)
    {
        var index = fields.Select((field, position) => (field, position)).ToDictionary(pair => pair.field, pair => pair.position);
        return new CypherResult { Fields = fields, Rows = [.. rows.Select(values => new CypherRow(fields, index, values))] };
    }

    [GeneratedRegex("row\\.kind = '(?<kind>\\w+)'")]
    private static partial Regex EntityUpsertKind();

    [GeneratedRegex("row\\.type = '(?<type>\\w+)'")]
    private static partial Regex RelationshipUpsertType();

    /// <summary>Stages upserts and applies them on commit, so a rolled-back import leaves nothing.</summary>
    private sealed class Transaction(InMemoryQueryServer server, AccessMode accessMode) : ICypherTransaction
    {
        private readonly List<Action> staged = [];
        private readonly List<string> statements = [];
        private readonly HashSet<string> stagedNodes = new(StringComparer.Ordinal);
        private readonly HashSet<string> stagedRelationships = new(StringComparer.Ordinal);
        private bool finished;

        public AccessMode AccessMode => accessMode;

        public string? Id => "memory";

        public DateTimeOffset? Expires => null;

        public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters = null, bool includeCounters = false, CancellationToken cancellationToken = default)
        {
            if (accessMode == AccessMode.Read)
            {
                return server.RunAsync(statement, parameters, CypherRunOptions.Read, cancellationToken);
            }

            Interlocked.Increment(ref server.transactionStatementsRun);
            statements.Add(statement);
            server.sentInTransactions.Enqueue(statement);
            var rows = ((IEnumerable<object?>)parameters!["rows"]!).Cast<Dictionary<string, object?>>().ToList();
            long added = 0;
            long updated = 0;
            long written = 0;
            lock (server.gate)
            {
                if (statement == CypherScripts.UpsertDocuments.Statement)
                {
                    foreach (var row in rows)
                    {
                        var document = (string)row["document"]!;
                        var properties = (Dictionary<string, object?>)row["properties"]!;
                        staged.Add(() => server.documents[document] = properties);
                    }

                    return Task.FromResult(Result(["written"], [(long)rows.Count]));
                }

                if (EntityUpsertKind().Match(statement) is { Success: true } entityMatch)
                {
                    foreach (var row in rows.Where(row => (string)row["kind"]! == entityMatch.Groups["kind"].Value))
                    {
                        var id = (string)row["id"]!;
                        var properties = (Dictionary<string, object?>)row["properties"]!;
                        Count(server.nodes.GetValueOrDefault(id)?["fingerprint"], stagedNodes.Contains(id), properties["fingerprint"]);
                        stagedNodes.Add(id);
                        staged.Add(() => server.nodes[id] = properties);
                    }
                }
                else if (RelationshipUpsertType().Match(statement) is { Success: true } typeMatch)
                {
                    foreach (var row in rows.Where(row => (string)row["type"]! == typeMatch.Groups["type"].Value))
                    {
                        // MATCH finds no row when an end is missing: nothing is written for it.
                        if (!HasNode((string)row["from"]!) || !HasNode((string)row["to"]!))
                        {
                            continue;
                        }

                        written++;
                        var key = (string)row["key"]!;
                        var properties = (Dictionary<string, object?>)row["properties"]!;
                        Count(server.relationships.TryGetValue(key, out var existing) ? existing.Properties["fingerprint"] : null, stagedRelationships.Contains(key), properties["fingerprint"]);
                        stagedRelationships.Add(key);
                        staged.Add(() => server.relationships[key] = ((string)row["type"]!, (string)row["from"]!, (string)row["to"]!, properties));
                    }
                }
                else
                {
                    throw new InvalidOperationException($"The stand-in server does not run this statement in a transaction:\n{statement}");
                }
            }

            return Task.FromResult(Result(["added", "updated", "written"], [added, updated, written]));

            bool HasNode(string id) => server.nodes.ContainsKey(id) || stagedNodes.Contains(id);

            void Count(object? before, bool stagedAlready, object? after)
            {
                if (before is null && !stagedAlready)
                {
                    added++;
                }
                else if (!Equals(before, after))
                {
                    updated++;
                }
            }
        }

        public Task<IReadOnlyList<string>> CommitAsync(CancellationToken cancellationToken = default)
        {
            lock (server.gate)
            {
                staged.ForEach(apply => apply());
                if (staged.Count > 0)
                {
                    server.commits++;
                }

                if (statements.Count > 0)
                {
                    server.committedTransactions.Add([.. statements]);
                }
            }

            finished = true;
            return Task.FromResult<IReadOnlyList<string>>([server.LastCommit]);
        }

        public Task<CypherResult> CommitAsync(string finalStatement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
        {
            finished = true;
            return accessMode == AccessMode.Read
                ? server.RunAsync(finalStatement, parameters, CypherRunOptions.Read, cancellationToken)
                : throw new NotSupportedException("The Neo4j store commits its writes without a final statement.");
        }

        public Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            staged.Clear();
            finished = true;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (!finished)
            {
                staged.Clear();
            }

            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>A Neo4j store per test over its own <see cref="InMemoryQueryServer"/>.</summary>
public sealed class InMemoryQueryServerFixture : IStoreUnderTest
{
    public string? SkipReason => null;

    public async Task<ISupplyGraphStore> EmptyStoreAsync(CancellationToken cancellationToken)
    {
        // A small, odd export page, so every export of the contract's datasets crosses page boundaries.
        var store = new Neo4jGraphStore(
            new InMemoryQueryServer(),
            new Neo4jStoreOptions { Connection = new Neo4jConnectionOptions { Uri = new Uri("http://stand-in:7474") }, ImportBatchSize = 50, ExportPageSize = 7 });
        await store.InitializeAsync(cancellationToken);
        return store;
    }
}

/// <summary>
/// The store contract on the Neo4j store's own code, with an in-memory stand-in for the server: mapping, import
/// counting, transactions and answer assembly. The Cypher of the questions is not run here (see the class above).
/// </summary>
public sealed class Neo4jStoreOverStandInServerTests(InMemoryQueryServerFixture server)
    : StoreContractTests(server), IClassFixture<InMemoryQueryServerFixture>;
