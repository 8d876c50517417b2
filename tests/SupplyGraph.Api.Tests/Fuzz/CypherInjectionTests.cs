using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Exporting;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Store.Neo4j;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Api.Tests.Fuzz;

/// <summary>
/// Issue 11, point 7: a Cypher-injection corpus sent through every string argument of the API (as literals and as
/// variables) to the Neo4j store over a recording runner. Every statement that reaches the runner must be one of the
/// store's own files, unchanged; and since the store answers from its projection, no text a client sends reaches
/// Neo4j at all, not even as a parameter value.
/// </summary>
public sealed class CypherInjectionTests
{
    private static readonly string[] Corpus =
    [
        "' OR 1=1 //",
        "\" OR 1=1 //",
        "x'}) MATCH (n) DETACH DELETE n //",
        "x\"}) MATCH (n) DETACH DELETE n //",
        "x` DETACH DELETE n //",
        "deepseek') RETURN 1 UNION MATCH (n) RETURN n //",
        "$ref",
        "{ref}",
        "\\' ; CALL dbms.security.createUser('evil', 'evil', false) //",
        "CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {})",
        "LOAD CSV FROM 'http://127.0.0.1:1/evil.csv' AS row RETURN row",
        "*/ MATCH (n) DETACH DELETE n /*",
        "\u0027 RETURN 1 //",
        "x\nMATCH (n) DETACH DELETE n",
        "x\r\n// comment\r\nCREATE (e:Evil)",
        "\u0000",
        "\\u0027) DETACH DELETE n //",
        "name:\"x\" OR true",
        "deepseek~ OR *:*",
        "((((((((((",
        "a\" + \"b",
        "'; DROP CONSTRAINT entity_id; //",
        "${jndi:ldap://127.0.0.1:1/a}",
        "%27%20OR%201%3D1",
        new string('\'', 200),
        "🙂' RETURN 1 //",
        "USE system SHOW USERS",
        ":param x => 1",
    ];

    /// <summary>Every string argument of the schema, with the rest of its field around it.</summary>
    private static readonly (string Field, string Template)[] StringArguments =
    [
        ("entity.ref", "entity(ref: {0}) {{ id }}"),
        ("search.text", "search(text: {0}) {{ id }}"),
        ("profile.entity", "profile(entity: {0}) {{ asOf }}"),
        ("supplyChain.entity", "supplyChain(entity: {0}) {{ partial }}"),
        ("exportControls.entity", "exportControls(entity: {0}) {{ partial }}"),
        ("exposure.regulation", "exposure(regulation: {0}) {{ partial }}"),
        ("paths.from", "paths(from: {0}, to: \"deepseek\") {{ partial }}"),
        ("paths.to", "paths(from: \"deepseek\", to: {0}) {{ partial }}"),
    ];

    [Fact]
    public async Task No_statement_but_the_stores_own_reaches_neo4j_whatever_a_string_argument_holds()
    {
        // arrange
        var runner = new RecordingRunner();
        var neo4j = new Neo4jGraphStore(runner, new Neo4jStoreOptions { Connection = new Neo4jConnectionOptions { Uri = new Uri("http://127.0.0.1:7474") }, ProjectionRefreshInterval = TimeSpan.Zero });
        await neo4j.InitializeAsync(TestContext.Current.CancellationToken);
        await using var factory = new SupplyGraphApiFactory(store: _ => new ReadyStore(neo4j));
        using var client = factory.CreateClient();
        var ours = OwnStatements();
        var statuses = new ConcurrentBag<HttpStatusCode>();

        // act
        foreach (var payload in Corpus)
        {
            foreach (var (_, template) in StringArguments)
            {
                var literal = await client.PostGraphQLAsync("{ " + string.Format(System.Globalization.CultureInfo.InvariantCulture, template, System.Text.Json.JsonSerializer.Serialize(payload)) + " }");
                var variable = await client.PostGraphQLAsync(
                    "query($v: String!) { " + string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "$v") + " }",
                    new Dictionary<string, object?> { ["v"] = payload });
                statuses.Add(literal.Status);
                statuses.Add(variable.Status);
            }
        }

        // assert
        runner.Statements.Should().NotBeEmpty("the store read its projection when it started");
        runner.Statements.Select(recorded => recorded.Statement).Distinct().Should().OnlyContain(statement => ours.Contains(statement));
        foreach (var payload in Corpus.Where(payload => payload.Trim().Length > 0))
        {
            runner.Statements.Should().NotContain(
                recorded => recorded.Parameters.Values.Any(value => Holds(value, payload.Trim())),
                $"\"{payload}\" is answered from the projection and never sent to Neo4j");
        }

        statuses.Should().OnlyContain(status => (int)status < 500);
    }

    private static bool Holds(object? value, string payload) => value switch
    {
        // Only the value holding the payload counts: the payload holding a value would match any short parameter.
        string text => text.Contains(payload, StringComparison.Ordinal),
        System.Collections.IEnumerable items => items.Cast<object?>().Any(item => Holds(item, payload)),
        _ => false,
    };

    private static HashSet<string> OwnStatements() =>
    [
        .. typeof(CypherScripts).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(property => property.PropertyType == typeof(CypherScript))
            .SelectMany(property => ((CypherScript)property.GetValue(null)!).Statements),
    ];

    /// <summary>Answers every statement with no rows, and keeps each one with its parameters.</summary>
    private sealed class RecordingRunner : ICypherRunner
    {
        private readonly ConcurrentQueue<(string Statement, IReadOnlyDictionary<string, object?> Parameters)> statements = new();

        public IReadOnlyCollection<(string Statement, IReadOnlyDictionary<string, object?> Parameters)> Statements => statements;

        public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters, CypherRunOptions options, CancellationToken cancellationToken = default)
        {
            statements.Enqueue((statement, parameters ?? new Dictionary<string, object?>()));
            return Task.FromResult(CypherResult.Empty);
        }

        public Task<ICypherTransaction> BeginAsync(AccessMode accessMode, CancellationToken cancellationToken = default) =>
            Task.FromResult<ICypherTransaction>(new RecordingTransaction(this, accessMode));

        public async Task<T> ExecuteAsync<T>(AccessMode accessMode, Func<ICypherTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
        {
            await using var transaction = await BeginAsync(accessMode, cancellationToken);
            return await work(transaction, cancellationToken);
        }

        /// <summary>A walk's levels: recorded like any statement, answered with no rows.</summary>
        private sealed class RecordingTransaction(RecordingRunner runner, AccessMode accessMode) : ICypherTransaction
        {
            public AccessMode AccessMode => accessMode;

            public string? Id => "recording";

            public DateTimeOffset? Expires => null;

            public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters = null, bool includeCounters = false, CancellationToken cancellationToken = default) =>
                runner.RunAsync(statement, parameters, CypherRunOptions.Read, cancellationToken);

            public Task<IReadOnlyList<string>> CommitAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<string>>([]);

            public Task<CypherResult> CommitAsync(string finalStatement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default) =>
                runner.RunAsync(finalStatement, parameters, CypherRunOptions.Read, cancellationToken);

            public Task RollbackAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    /// <summary>The Neo4j store as the API sees it, already prepared (the recording runner holds no graph to count).</summary>
    private sealed class ReadyStore(Neo4jGraphStore inner) : ISupplyGraphStore
    {
        public string Description => inner.Description;

        public ValueTask DisposeAsync() => inner.DisposeAsync();

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => Task.FromResult(new StoreStatistics(1, 0));

        public Task<ImportSummary> ImportAsync(IDatasetSource source, ImportOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DatasetHeader> ExportAsync(ExportScope scope, IDatasetSink sink, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Entity> ResolveAsync(string reference, CancellationToken cancellationToken) => inner.ResolveAsync(reference, cancellationToken);

        public Task<IReadOnlyList<Entity>> SearchAsync(SearchQuestion question, CancellationToken cancellationToken) => inner.SearchAsync(question, cancellationToken);

        public Task<EntityProfile> ProfileAsync(ProfileQuestion question, CancellationToken cancellationToken) => inner.ProfileAsync(question, cancellationToken);

        public Task<SupplyChainAnswer> SupplyChainAsync(SupplyChainQuestion question, CancellationToken cancellationToken) => inner.SupplyChainAsync(question, cancellationToken);

        public Task<ExportControlsAnswer> ExportControlsAsync(ExportControlsQuestion question, CancellationToken cancellationToken) => inner.ExportControlsAsync(question, cancellationToken);

        public Task<ExposureAnswer> ExposureAsync(ExposureQuestion question, CancellationToken cancellationToken) => inner.ExposureAsync(question, cancellationToken);

        public Task<PathAnswer> PathsAsync(PathsQuestion question, CancellationToken cancellationToken) => inner.PathsAsync(question, cancellationToken);

        public Task<ChangesAnswer> ChangesAsync(ChangesQuestion question, CancellationToken cancellationToken) => inner.ChangesAsync(question, cancellationToken);

        public Task<Page<Entity>> ListEntitiesAsync(EntityListQuestion question, CancellationToken cancellationToken) => inner.ListEntitiesAsync(question, cancellationToken);

        public Task<Page<Relationship>> ListRelationshipsAsync(RelationshipListQuestion question, CancellationToken cancellationToken) => inner.ListRelationshipsAsync(question, cancellationToken);

        public Task<CountsAnswer> CountAsync(CountQuestion question, CancellationToken cancellationToken) => inner.CountAsync(question, cancellationToken);
    }
}
