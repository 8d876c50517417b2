using System.Diagnostics;
using System.Diagnostics.Metrics;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j.Telemetry;

/// <summary>
/// The Neo4j store's spans and metrics, under its own name: the host adds it to its OpenTelemetry set-up (the store
/// does not know the API). Static, as ActivitySource and Meter are meant to be: nothing is recorded while no one listens.
/// Spans: <see cref="StatementSpan"/> per implicit-transaction statement (its retries included),
/// <see cref="UnitOfWorkSpan"/> per unit of work, <see cref="TransactionRequestSpan"/> per request of an explicit
/// transaction, <see cref="ProjectionRefreshSpan"/> per projection refresh.
/// </summary>
public static class Neo4jStoreTelemetry
{
    /// <summary>The name of the store's ActivitySource and Meter.</summary>
    public const string Name = "SupplyGraph.Store.Neo4j";

    /// <summary>One implicit-transaction statement (<c>POST /db/{database}/query/v2</c>), with its retries.</summary>
    public const string StatementSpan = "neo4j.statement";

    /// <summary>One unit of work: an explicit transaction, run again whole after transient failures.</summary>
    public const string UnitOfWorkSpan = "neo4j.transaction";

    /// <summary>One request of an explicit transaction: open, run, commit or rollback.</summary>
    public const string TransactionRequestSpan = "neo4j.transaction.request";

    /// <summary>One look at Neo4j's last commit, and a read of the whole graph when it moved.</summary>
    public const string ProjectionRefreshSpan = "neo4j.projection.refresh";

    internal static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> RefreshDuration = Meter.CreateHistogram<double>(
        "supplygraph.neo4j.projection.refresh.duration", unit: "s", description: "Time to read the projection from Neo4j, per read.");

    private static readonly Gauge<long> Entities = Meter.CreateGauge<long>(
        "supplygraph.neo4j.projection.entities", unit: "{entity}", description: "Entities in the projection read last.");

    private static readonly Gauge<long> Relationships = Meter.CreateGauge<long>(
        "supplygraph.neo4j.projection.relationships", unit: "{relationship}", description: "Relationships in the projection read last.");

    // The newest read's time, for the age gauge. One projection per process in service; in a test process with
    // several stores the age is the youngest one's, which is what a single-store dashboard would show anyway.
    private static long loadedAtTicks;

    static Neo4jStoreTelemetry()
    {
        Meter.CreateObservableGauge(
            "supplygraph.neo4j.projection.age",
            () => Interlocked.Read(ref loadedAtTicks) is var ticks and > 0
                ? new[] { new Measurement<double>((DateTimeOffset.UtcNow - new DateTimeOffset(ticks, TimeSpan.Zero)).TotalSeconds) }
                : [],
            unit: "s",
            description: "Seconds since the projection answering now was read from Neo4j (absent before the first read).");
    }

    internal static void RecordProjection(TimeSpan elapsed, long entities, long relationships, DateTimeOffset loadedAt)
    {
        RefreshDuration.Record(elapsed.TotalSeconds);
        Entities.Record(entities);
        Relationships.Record(relationships);
        Interlocked.Exchange(ref loadedAtTicks, loadedAt.UtcTicks);
    }

    /// <summary>Starts the span of an implicit-transaction statement; null while no one listens.</summary>
    internal static Activity? StartStatement(string statement, string database) =>
        StartDatabaseSpan(StatementSpan, database)?.SetTag(Tags.Statement, CypherStatementNames.Of(statement)).SetTag(Tags.Retries, 0);

    /// <summary>Starts the span of a unit of work; null while no one listens.</summary>
    internal static Activity? StartUnitOfWork(AccessMode accessMode, string database) =>
        StartDatabaseSpan(UnitOfWorkSpan, database)?.SetTag(Tags.AccessMode, accessMode.ToString()).SetTag(Tags.Retries, 0);

    /// <summary>Starts the span of one request of an explicit transaction (<see cref="TransactionRequest"/>); null while no one listens.</summary>
    internal static Activity? StartTransactionRequest(string request, string? statement, string database) =>
        StartDatabaseSpan(TransactionRequestSpan, database)?
            .SetTag(Tags.Request, request)
            .SetTag(Tags.Statement, statement is null ? null : CypherStatementNames.Of(statement));

    /// <summary>What an answered request or statement returned.</summary>
    internal static void Answered(Activity? span, CypherResult result, long receivedBytes)
    {
        span?.SetTag(Tags.Rows, result.Rows.Count).SetTag(Tags.ReceivedBytes, receivedBytes);
    }

    /// <summary>
    /// Marks the span failed, by the failure's code or type only: a message may name the server, and the
    /// redaction of log lines does not reach spans.
    /// </summary>
    /// <param name="receivedBytes">The bytes of every answer, for a statement tried more than once; else the error answer's.</param>
    internal static void Failed(Activity? span, Exception failure, long? receivedBytes = null)
    {
        if (span is null)
        {
            return;
        }

        var type = failure is Neo4jException neo4j ? neo4j.Code : failure.GetType().Name;
        span.SetTag(Tags.ErrorType, type)
            .SetTag(Tags.ReceivedBytes, receivedBytes ?? (failure as Neo4jException)?.ReceivedBytes ?? 0)
            .SetStatus(ActivityStatusCode.Error, type);
    }

    /// <summary>Counts a retry on the span that runs it, with why and after how long.</summary>
    internal static void Retrying(Activity span, int retry, Exception? failure, TimeSpan delay)
    {
        span.SetTag(Tags.Retries, retry);
        span.AddEvent(new ActivityEvent("neo4j.retry", tags: new ActivityTagsCollection
        {
            [Tags.Retry] = retry,
            [Tags.ErrorType] = failure is Neo4jException neo4j ? neo4j.Code : failure?.GetType().Name,
            [Tags.RetryDelay] = delay.TotalSeconds,
        }));
    }

    private static Activity? StartDatabaseSpan(string name, string database) =>
        Source.StartActivity(name, ActivityKind.Client)?.SetTag(Tags.DbSystem, "neo4j").SetTag(Tags.Database, database);

    /// <summary>What a <see cref="TransactionRequestSpan"/> asked the transaction to do.</summary>
    internal static class TransactionRequest
    {
        public const string Open = "open";
        public const string Run = "run";
        public const string Commit = "commit";
        public const string Rollback = "rollback";
    }

    /// <summary>The attributes of the store's spans: OpenTelemetry's database names where one exists, ours otherwise.</summary>
    public static class Tags
    {
        public const string DbSystem = "db.system";
        public const string Database = "db.namespace";

        /// <summary>The Cypher file the statement comes from (see <c>CypherStatementNames</c>), never its text.</summary>
        public const string Statement = "supplygraph.neo4j.statement";
        public const string Rows = "db.response.returned_rows";
        public const string ReceivedBytes = "supplygraph.neo4j.received_bytes";
        public const string Retries = "supplygraph.neo4j.retries";
        public const string Request = "supplygraph.neo4j.transaction.request";
        public const string AccessMode = "supplygraph.neo4j.access_mode";
        public const string ErrorType = "error.type";
        public const string Retry = "supplygraph.neo4j.retry";
        public const string RetryDelay = "supplygraph.neo4j.retry.delay";

        public const string ProjectionChanged = "supplygraph.projection.changed";
        public const string ProjectionEntities = "supplygraph.projection.entities";
        public const string ProjectionRelationships = "supplygraph.projection.relationships";
        public const string ProjectionConsistent = "supplygraph.projection.consistent";
        public const string ProjectionSkipped = "supplygraph.projection.skipped";
        public const string ProjectionBookmark = "supplygraph.projection.bookmark";
        public const string ProjectionPages = "supplygraph.projection.pages";
        public const string ProjectionReadDuration = "supplygraph.projection.read.duration";
    }
}
