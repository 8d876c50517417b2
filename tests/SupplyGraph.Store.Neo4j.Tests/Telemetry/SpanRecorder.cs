using System.Collections.Concurrent;
using System.Diagnostics;
using SupplyGraph.Store.Neo4j.Telemetry;

namespace SupplyGraph.Store.Neo4j.Tests.Telemetry;

/// <summary>
/// Listens to the store's ActivitySource and keeps the spans of one test: those under a root span it starts for the
/// test (tests run in parallel, and every listener hears every test's spans, so they are told apart by trace).
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private const string TestSourceName = "SupplyGraph.Store.Neo4j.Tests";
    private static readonly ActivitySource TestSource = new(TestSourceName);

    private readonly ActivityListener listener;
    private readonly Activity root;
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ActivityTraceId traceId;

    private SpanRecorder()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is Neo4jStoreTelemetry.Name or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId && activity.Source.Name == Neo4jStoreTelemetry.Name)
                {
                    stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        root = TestSource.StartActivity("test") ?? throw new InvalidOperationException("The test's root span was not sampled.");
        traceId = root.TraceId;
    }

    /// <summary>The store's spans of this test that have ended, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans => [.. stopped];

    /// <summary>Starts recording; the root span becomes the current one of the calling test.</summary>
    public static SpanRecorder Start() => new();

    public IReadOnlyList<Activity> Named(string name) => [.. Spans.Where(span => span.OperationName == name)];

    public void Dispose()
    {
        root.Dispose();
        listener.Dispose();
    }
}
