using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using SupplyGraph.Api.Hosting;
using SupplyGraph.Api.Http;
using SupplyGraph.Domain.Stores;
using Tags = SupplyGraph.Api.Telemetry.SupplyGraphTelemetry.Tags;

namespace SupplyGraph.Api.Telemetry;

/// <summary>
/// The service's instruments, on a Meter from the host's <see cref="IMeterFactory"/> (one per container, disposed with it).
/// An instrument no listener enabled costs a flag check: the request path records unconditionally only where that is so.
/// </summary>
internal sealed class SupplyGraphMetrics
{
    private readonly Histogram<double> requestDuration;
    private readonly Counter<long> answers;
    private readonly Counter<long> refusals;
    private readonly Counter<long> timeouts;
    private readonly Histogram<double> storeDuration;

    public SupplyGraphMetrics(IMeterFactory meterFactory, IOptions<SupplyGraphOptions> options, ExpensiveRequestGate gate, IServiceProvider services, TelemetrySettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(services);
        StoreName = StoreNames.Normalize(options.Value.Store) ?? options.Value.Store;
        Enabled = settings?.Enabled ?? true;

        // Off, the instruments are made on a meter of no one's, so every recording below is a disabled instrument's no-op.
        var meter = Enabled ? meterFactory.Create(SupplyGraphTelemetry.Name) : new Meter(SupplyGraphTelemetry.Name + ".Disabled");
        requestDuration = meter.CreateHistogram<double>(
            "supplygraph.graphql.request.duration",
            unit: "s",
            description: "Time to answer a GraphQL request at /graphql, by operation name and type, status code and error code.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        answers = meter.CreateCounter<long>(
            "supplygraph.answers", unit: "{answer}", description: "Questions answered (root fields), by question and whether the answer was complete, partial (cut by a limit) or failed.");
        refusals = meter.CreateCounter<long>(
            "supplygraph.gate.refusals", unit: "{request}", description: "Requests the gate refused with 429: queue_full or queue_timeout.");
        timeouts = meter.CreateCounter<long>(
            "supplygraph.request.timeouts", unit: "{request}", description: "Requests stopped at their deadline (TIMEOUT, SupplyGraph:Limits:RequestTimeoutSeconds).");
        storeDuration = meter.CreateHistogram<double>(
            "supplygraph.store.duration",
            unit: "s",
            description: "Time of one store call, by store and call.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        meter.CreateObservableUpDownCounter(
            "supplygraph.gate.queue.length",
            () => new[]
            {
                new Measurement<int>(gate.QueuedExpensive, new KeyValuePair<string, object?>(Tags.Lane, "expensive")),
                new Measurement<int>(gate.QueuedCheap, new KeyValuePair<string, object?>(Tags.Lane, "cheap")),
            },
            unit: "{request}",
            description: "Requests waiting for a turn at the gate, by lane.");
        ObserveIndex(meter, services);
        Meter = meter;
    }

    public Meter Meter { get; }

    /// <summary>False when <c>SupplyGraph:Telemetry:Enabled</c> is false: no span is started and nothing is recorded.</summary>
    public bool Enabled { get; }

    /// <summary>The store answering, as SupplyGraph:Store names it: a tag on spans and store metrics.</summary>
    public string StoreName { get; }

    public bool AnswersEnabled => answers.Enabled;

    /// <summary>Whether a question or store call gets a span: someone listens, and telemetry is on.</summary>
    public bool TracesQuestions => Enabled && SupplyGraphTelemetry.Source.HasListeners();

    /// <summary>The parsed-document cache's counters, read when a listener collects (it keeps them anyway).</summary>
    public void ObserveDocumentCache(DocumentCacheCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        if (!Enabled)
        {
            return;
        }

        Meter.CreateObservableCounter(
            "supplygraph.document_cache.lookups",
            () => new[]
            {
                new Measurement<long>(counters.Hits, new KeyValuePair<string, object?>(Tags.CacheResult, "hit")),
                new Measurement<long>(counters.Misses, new KeyValuePair<string, object?>(Tags.CacheResult, "miss")),
            },
            unit: "{lookup}",
            description: "Parsed-document cache lookups, hit or miss.");
        Meter.CreateObservableCounter("supplygraph.document_cache.evictions", () => counters.Evictions, unit: "{document}", description: "Documents evicted from the parsed-document cache.");
        Meter.CreateObservableGauge("supplygraph.document_cache.hit_ratio", () => counters.HitRate, unit: "1", description: "Hits over lookups since start.");
        Meter.CreateObservableUpDownCounter("supplygraph.document_cache.entries", () => counters.Entries, unit: "{document}", description: "Documents in the parsed-document cache.");
        Meter.CreateObservableUpDownCounter("supplygraph.document_cache.size", () => counters.Bytes, unit: "By", description: "Query text the parsed-document cache holds.");
    }

    /// <summary>Starts what one GraphQL request records; null when no one listens, so a request then allocates nothing for it.</summary>
    public RequestTelemetry? StartRequest()
    {
        if (!Enabled)
        {
            return null;
        }

        var activity = SupplyGraphTelemetry.Source.StartActivity(SupplyGraphTelemetry.RequestSpan);
        return activity is null && !requestDuration.Enabled ? null : new RequestTelemetry(activity, Stopwatch.GetTimestamp());
    }

    public void EndRequest(RequestTelemetry? request, int statusCode)
    {
        if (request is null)
        {
            return;
        }

        var tags = new TagList
        {
            { Tags.OperationName, request.OperationName ?? string.Empty },
            { Tags.OperationType, request.OperationType ?? string.Empty },
            { Tags.StatusCode, statusCode },
        };
        if (request.ErrorCode is { } code)
        {
            tags.Add(Tags.ErrorType, code);
        }

        requestDuration.Record(Stopwatch.GetElapsedTime(request.Started).TotalSeconds, tags);
        if (request.Activity is { } activity)
        {
            activity.SetTag(Tags.OperationName, request.OperationName);
            activity.SetTag(Tags.OperationType, request.OperationType);
            activity.SetTag(Tags.StatusCode, statusCode);
            if (request.ErrorCode is { } error)
            {
                activity.SetTag(Tags.ErrorType, error);
                activity.SetStatus(ActivityStatusCode.Error, error);
            }

            // The semantic conventions' span name for GraphQL: "{operation type} {operation name}".
            if (request.OperationType is { } type)
            {
                activity.DisplayName = request.OperationName is { Length: > 0 } name ? $"{type} {name}" : type;
            }

            activity.Dispose();
        }
    }

    public void CountAnswer(string question, string completeness) =>
        answers.Add(1, new KeyValuePair<string, object?>(Tags.Question, question), new KeyValuePair<string, object?>(Tags.Completeness, completeness));

    public void CountRefusal(GateRefusal refusal) =>
        refusals.Add(1, new KeyValuePair<string, object?>(Tags.Refusal, refusal == GateRefusal.QueueFull ? "queue_full" : "queue_timeout"));

    public void CountTimeout() => timeouts.Add(1);

    public bool StoreDurationEnabled => storeDuration.Enabled;

    /// <summary>
    /// The size and age of the index the store answers from (the embedded store's, Neo4j's projection), read through the
    /// store contract's <see cref="IGraphStoreInfo.IndexStatistics"/> when a listener collects: nothing before the first load.
    /// </summary>
    private void ObserveIndex(Meter meter, IServiceProvider services)
    {
        // Resolved at the first collection, not here: the endpoint that makes this must not fail on a store that cannot be made.
        var store = new Lazy<ISupplyGraphStore?>(() => services.GetService<ISupplyGraphStore>());
        IndexStatistics? Current() => store.Value?.IndexStatistics;
        KeyValuePair<string, object?>[] TagsOf(IndexStatistics index) => [new(Tags.Store, StoreName), new(Tags.IndexKind, index.Kind)];
        meter.CreateObservableGauge(
            "supplygraph.index.entities",
            () => Current() is { } index ? [new Measurement<long>(index.Entities, TagsOf(index))] : Array.Empty<Measurement<long>>(),
            unit: "{entity}",
            description: "Entities in the index the store answers from (supplygraph.index.kind: index, embedded; projection, Neo4j).");
        meter.CreateObservableGauge(
            "supplygraph.index.relationships",
            () => Current() is { } index ? [new Measurement<long>(index.Relationships, TagsOf(index))] : Array.Empty<Measurement<long>>(),
            unit: "{relationship}",
            description: "Relationships in the index the store answers from.");
        meter.CreateObservableGauge(
            "supplygraph.index.age",
            () => Current() is { } index
                ? [new Measurement<double>(Math.Max(0, (DateTimeOffset.UtcNow - index.LoadedAt).TotalSeconds), TagsOf(index))]
                : Array.Empty<Measurement<double>>(),
            unit: "s",
            description: "Seconds since the index the store answers from was loaded (the embedded store: its last import or reload; Neo4j: the projection's last read).");
    }

    public void RecordStoreCall(string call, TimeSpan elapsed, string? errorType)
    {
        var tags = new TagList { { Tags.Store, StoreName }, { Tags.StoreCall, call } };
        if (errorType is not null)
        {
            tags.Add(Tags.ErrorType, errorType);
        }

        storeDuration.Record(elapsed.TotalSeconds, tags);
    }
}

/// <summary>What one GraphQL request has learned about itself by the time it ends: for its span and duration.</summary>
internal sealed class RequestTelemetry(Activity? activity, long started)
{
    public Activity? Activity { get; } = activity;

    public long Started { get; } = started;

    public string? OperationName { get; set; }

    public string? OperationType { get; set; }

    /// <summary>The error code the request was answered with when the request itself failed (TIMEOUT, TOO_MANY_REQUESTS...).</summary>
    public string? ErrorCode { get; set; }
}
