using Microsoft.Extensions.Logging;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Store.Neo4j.Telemetry;

namespace SupplyGraph.Store.Neo4j.Projection;

/// <summary>
/// The graph the Neo4j store answers from: a <see cref="GraphQuestions"/> over the projection last read, replaced
/// whole when a new read is ready (readers keep the one they took). It is read again when Neo4j's last-commit
/// bookmark moves: after the store's own imports at once, and for anyone else's commit (Neo4j Browser, another
/// service) at the next poll, every <see cref="Neo4jStoreOptions.ProjectionRefreshInterval"/>. One read at a time.
/// </summary>
internal sealed class GraphProjection : IDisposable
{
    private static readonly TimeSpan MaxPollBackOff = TimeSpan.FromSeconds(30);

    private readonly TopologyReader reader;
    private readonly TimeSpan refreshInterval;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly SemaphoreSlim reading = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private volatile Snapshot current;
    private Task? polling;
    private int disposed;

    public GraphProjection(TopologyReader reader, TimeSpan refreshInterval, TimeProvider clock, ILogger logger)
    {
        this.reader = reader;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
        this.logger = logger;
        current = new Snapshot(new GraphQuestions(Domain.Graph.GraphIndex.Empty, clock), Bookmark: null, LoadedAt: null);
    }

    /// <summary>The questions over the projection now, with the bookmark it was read at (null before the first read).</summary>
    public Snapshot Current => current;

    /// <summary>Reads the projection now if the database moved since the last read (or there was none); returns the snapshot then current.</summary>
    public async Task<Snapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await reading.WaitAsync(cancellationToken);
        using var activity = Neo4jStoreTelemetry.Source.StartActivity(Neo4jStoreTelemetry.ProjectionRefreshSpan);
        try
        {
            var seen = current.Bookmark;
            if (seen is not null && await reader.LastCommitAsync(cancellationToken) == seen)
            {
                activity?.SetTag(Neo4jStoreTelemetry.Tags.ProjectionChanged, false)
                    .SetTag(Neo4jStoreTelemetry.Tags.ProjectionBookmark, seen)
                    .SetTag(Neo4jStoreTelemetry.Tags.ProjectionPages, 0);
                return current;
            }

            var read = await reader.ReadAsync(cancellationToken);
            read.Graph.WarmLookupsInBackground();
            current = new Snapshot(new GraphQuestions(read.Graph, clock, read.Bookmark), read.Bookmark, clock.GetUtcNow()) { Titles = read.Titles };
            Neo4jStoreTelemetry.RecordProjection(read.Elapsed, read.Graph.NodeCount, read.Graph.EdgeCount, current.LoadedAt!.Value);
            if (activity is not null)
            {
                activity.SetTag(Neo4jStoreTelemetry.Tags.ProjectionChanged, true);
                activity.SetTag(Neo4jStoreTelemetry.Tags.ProjectionEntities, read.Graph.NodeCount);
                activity.SetTag(Neo4jStoreTelemetry.Tags.ProjectionRelationships, read.Graph.EdgeCount);
                activity.SetTag(Neo4jStoreTelemetry.Tags.ProjectionConsistent, read.Consistent);
                activity.SetTag(Neo4jStoreTelemetry.Tags.ProjectionSkipped, read.Skipped.Count);
                activity.SetTag(Neo4jStoreTelemetry.Tags.ProjectionBookmark, read.Bookmark);
                activity.SetTag(Neo4jStoreTelemetry.Tags.ProjectionPages, read.Pages);
                activity.SetTag(Neo4jStoreTelemetry.Tags.ProjectionReadDuration, read.Elapsed.TotalSeconds);
            }

            logger.LogInformation(
                "Neo4j projection read in {ElapsedMs} ms at bookmark {Bookmark}: {Entities} entities, {Relationships} relationships{Torn}",
                (long)read.Elapsed.TotalMilliseconds,
                read.Bookmark,
                read.Graph.NodeCount,
                read.Graph.EdgeCount,
                read.Consistent ? string.Empty : "; the database changed during the read, so it is read again at the next poll");
            if (read.Skipped.Count > 0)
            {
                logger.LogWarning(
                    "Neo4j projection left out {Count} nodes or relationships that are not SupplyGraph's (first: {First})",
                    read.Skipped.Count,
                    read.Skipped[0]);
            }

            return current;
        }
        catch (Exception exception) when (activity is not null)
        {
            // The type only: a driver's message may name the server, and the redaction of log lines does not reach spans.
            activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
        finally
        {
            reading.Release();
        }
    }

    /// <summary>Starts the background poll, once; nothing when the interval is zero.</summary>
    public void StartPolling()
    {
        if (refreshInterval <= TimeSpan.Zero || Volatile.Read(ref disposed) == 1 || Interlocked.CompareExchange(ref polling, Task.CompletedTask, null) is not null)
        {
            return;
        }

        polling = Task.Run(() => PollAsync(stopping.Token));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        stopping.Cancel();
        stopping.Dispose();
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        var pause = refreshInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(pause, clock, cancellationToken);
                await RefreshAsync(cancellationToken);
                failures = 0;
                pause = refreshInterval;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The server is away or failing: the projection read last keeps answering; look less often meanwhile.
                failures++;
                pause = TimeSpan.FromTicks(Math.Min(MaxPollBackOff.Ticks, refreshInterval.Ticks << Math.Min(failures, 8)));
                if (failures == 1)
                {
                    logger.LogWarning("Neo4j projection not refreshed; answering from the one read at {Bookmark} meanwhile: {Reason}", current.Bookmark, exception.Message);
                }
            }
        }
    }

    /// <summary>One projection and where it came from, with the document titles read with it (replaced together).</summary>
    public sealed record Snapshot(GraphQuestions Questions, string? Bookmark, DateTimeOffset? LoadedAt)
    {
        public DocumentTitles Titles { get; init; } = DocumentTitles.None;
    }
}
