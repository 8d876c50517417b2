using System.Net;

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
/// The client remembers the bookmarks of what it committed and sends them with later requests, so a read
/// after a write sees the write, even on a cluster.
/// </remarks>
public sealed class QueryApiClient : ICypherRunner, IDisposable
{
    private readonly HttpClient http;
    private readonly bool ownsHttpClient;
    private readonly QueryApiEndpoints endpoints;
    private readonly QueryApiSender sender;
    private readonly RetryPolicy retryPolicy;
    private readonly BookmarkSet bookmarks = new();

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

    private QueryApiClient(HttpClient httpClient, bool ownsHttpClient, Neo4jConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        http = httpClient;
        this.ownsHttpClient = ownsHttpClient;
        Options = options;
        endpoints = new QueryApiEndpoints(options.Uri, options.Database);
        sender = new QueryApiSender(httpClient, options);
        retryPolicy = new RetryPolicy(options.MaxRetries, options.RetryBaseDelay);
    }

    public Neo4jConnectionOptions Options { get; }

    /// <summary>The bookmarks the next request will carry: the state of the latest commits this client saw.</summary>
    public IReadOnlyList<string> Bookmarks => bookmarks.Snapshot();

    /// <summary>A client with its own pooled <see cref="QueryApiHttp.CreateHandler"/> connection handler.</summary>
    public static QueryApiClient Create(Neo4jConnectionOptions options) =>
        new(CreateHttpClient(QueryApiHttp.CreateHandler(), disposeHandler: true), ownsHttpClient: true, options);

    public Task<CypherResult> RunAsync(
        string statement,
        IReadOnlyDictionary<string, object?>? parameters,
        CypherRunOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statement);
        ArgumentNullException.ThrowIfNull(options);
        return retryPolicy.ExecuteAsync(
            token => RunOnceAsync(statement, parameters, options, token),
            options.MayRepeat,
            cancellationToken);
    }

    /// <summary>
    /// Begins an explicit transaction. No request is sent yet: the transaction opens on the server with its
    /// first statement, as the Query API allows, which saves a round trip.
    /// </summary>
    public Task<ICypherTransaction> BeginAsync(AccessMode accessMode, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<ICypherTransaction>(new QueryApiTransaction(accessMode, endpoints, sender, bookmarks));
    }

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

    private async Task<CypherResult> RunOnceAsync(
        string statement,
        IReadOnlyDictionary<string, object?>? parameters,
        CypherRunOptions options,
        CancellationToken cancellationToken)
    {
        var sent = bookmarks.Snapshot();
        var body = RequestBody.ForStatement(statement, parameters, options.IncludeCounters, options.AccessMode, sent);
        var response = await sender.SendAsync(HttpMethod.Post, endpoints.Query, body, clusterAffinity: null, cancellationToken);
        bookmarks.Replace(sent, response.Result.Bookmarks);
        return response.Result;
    }
}
