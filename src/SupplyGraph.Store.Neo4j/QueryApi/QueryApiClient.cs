using System.Net;
using Microsoft.Extensions.Logging;
using SupplyGraph.Store.Neo4j.Resilience;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// <see cref="ICypherRunner"/> over Neo4j's HTTP Query API (<c>POST /db/{database}/query/v2</c>), with typed JSON
/// both ways. Thread-safe; keep one per application so its HttpClient pools connections.
/// </summary>
/// <remarks>
/// Parameters map from .NET as: null → Null, bool → Boolean, integral types → Integer, double/float → Float,
/// string/char/Guid → String, byte[] → Base64, DateOnly → Date, DateTimeOffset and UTC DateTime → OffsetDateTime,
/// other DateTime → LocalDateTime, TimeOnly → LocalTime, TimeSpan → Duration, the Cypher* value types to their
/// own kinds, string-keyed dictionaries → Map, other enumerables → List.
/// The client is a session (<see cref="StartSession"/>) of its own: it remembers the bookmarks of what it committed
/// and sends them with later requests, so a read after a write sees the write, even on a cluster.
/// </remarks>
internal sealed class QueryApiClient : ICypherRunner, IDisposable
{
    private readonly HttpClient http;
    private readonly bool ownsHttpClient;
    private readonly QueryApiEndpoints endpoints;
    private readonly QueryApiSender sender;
    private readonly Neo4jResilience resilience;
    private readonly TransactionRollback rollback;
    private readonly QueryApiSession defaultSession;

    /// <summary>Uses a caller-owned HttpClient (e.g. from IHttpClientFactory); the client does not dispose it.</summary>
    public QueryApiClient(HttpClient httpClient, Neo4jConnectionOptions options)
        : this(httpClient, ownsHttpClient: false, options)
    {
    }

    /// <summary>Wraps <paramref name="handler"/> in an HttpClient this client owns; the handler stays the caller's.</summary>
    public QueryApiClient(HttpMessageHandler handler, Neo4jConnectionOptions options)
        : this(CreateHttpClient(handler, disposeHandler: false), ownsHttpClient: true, options)
    {
    }

    /// <summary>As <see cref="QueryApiClient(HttpMessageHandler, Neo4jConnectionOptions)"/>, logging rollbacks that could not finish at once.</summary>
    public QueryApiClient(HttpMessageHandler handler, Neo4jConnectionOptions options, ILogger? logger)
        : this(CreateHttpClient(handler, disposeHandler: false), ownsHttpClient: true, options, logger)
    {
    }

    /// <summary>As <see cref="QueryApiClient(HttpMessageHandler, Neo4jConnectionOptions, ILogger?)"/>, with retries, timeouts and rollbacks on <paramref name="clock"/>.</summary>
    internal QueryApiClient(HttpMessageHandler handler, Neo4jConnectionOptions options, ILogger? logger, TimeProvider clock)
        : this(CreateHttpClient(handler, disposeHandler: false), ownsHttpClient: true, options, logger, clock)
    {
    }

    private QueryApiClient(HttpClient httpClient, bool ownsHttpClient, Neo4jConnectionOptions options, ILogger? logger = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        http = httpClient;
        this.ownsHttpClient = ownsHttpClient;
        Options = options;
        endpoints = new QueryApiEndpoints(options.Uri, options.Database);
        var rollbacks = new TransactionRollbacks(logger, clock);
        resilience = new Neo4jResilience(options, rollbacks.Clock);
        sender = new QueryApiSender(httpClient, options, resilience);
        rollback = new TransactionRollback(sender, endpoints, options, rollbacks);
        defaultSession = StartSession();
    }

    public Neo4jConnectionOptions Options { get; }

    /// <summary>
    /// The rollbacks of this client's transactions: which went on in the background (a DELETE refused while a
    /// statement still ran) and what became of them. Await <see cref="TransactionRollbacks.WhenSettledAsync"/> before
    /// disposing the client to let them finish.
    /// </summary>
    public TransactionRollbacks Rollbacks => rollback.Rollbacks;

    /// <summary>The bookmarks the client's own session will send next: the state of the latest commits it saw.</summary>
    public IReadOnlyList<string> Bookmarks => defaultSession.Bookmarks;

    /// <summary>A client with its own pooled <see cref="QueryApiHttp.CreateHandler"/> connection handler.</summary>
    public static QueryApiClient Create(Neo4jConnectionOptions options) => Create(options, logger: null);

    /// <summary>As <see cref="Create(Neo4jConnectionOptions)"/>, logging rollbacks that could not finish at once.</summary>
    public static QueryApiClient Create(Neo4jConnectionOptions options, ILogger? logger) =>
        new(CreateHttpClient(QueryApiHttp.CreateHandler(), disposeHandler: true), ownsHttpClient: true, options, logger);

    /// <summary>
    /// A logical session over this client's connections, with bookmarks of its own: each of its requests sees what
    /// the session committed before (and what <paramref name="bookmarks"/> name), and nothing waits on other
    /// sessions' writes. The client itself is one such session.
    /// </summary>
    public QueryApiSession StartSession(IEnumerable<string>? bookmarks = null) => new(endpoints, sender, resilience, Options, rollback, bookmarks);

    public Task<CypherResult> RunAsync(
        string statement,
        IReadOnlyDictionary<string, object?>? parameters,
        CypherRunOptions options,
        CancellationToken cancellationToken = default) =>
        defaultSession.RunAsync(statement, parameters, options, cancellationToken);

    /// <summary>
    /// Begins an explicit transaction. No request is sent yet: the transaction opens on the server with its
    /// first statement, as the Query API allows, which saves a round trip.
    /// </summary>
    public Task<ICypherTransaction> BeginAsync(AccessMode accessMode, CancellationToken cancellationToken = default) =>
        defaultSession.BeginAsync(accessMode, cancellationToken);

    public Task<T> ExecuteAsync<T>(AccessMode accessMode, Func<ICypherTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
        defaultSession.ExecuteAsync(accessMode, work, cancellationToken);

    public void Dispose()
    {
        if (ownsHttpClient)
        {
            http.Dispose();
        }
    }

    private static HttpClient CreateHttpClient(HttpMessageHandler handler, bool disposeHandler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new HttpClient(handler, disposeHandler)
        {
            // Each request has its own timeout (Neo4jConnectionOptions.RequestTimeout) instead.
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
    }
}
