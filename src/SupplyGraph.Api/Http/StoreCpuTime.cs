using System.Diagnostics;
using System.Runtime.InteropServices;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Api.Telemetry;

namespace SupplyGraph.Api.Http;

/// <summary>
/// The processor time one request's store calls took, on the threads that ran them, plus its answer's size priced per
/// value: what the gate learns a request's cost from (<see cref="RequestCosts"/>). Processor time, not wall time: on a
/// loaded machine a lookup's wall time grows with everyone else's work, and would send it to a slower lane for what
/// others cost.
/// </summary>
internal sealed class StoreCpuTime
{
    private static readonly AsyncLocal<StoreCpuTime?> CurrentRequest = new();
    private long ticks;

    /// <summary>The meter of the request running on this flow, if the gate gave it one.</summary>
    public static StoreCpuTime? Current
    {
        get => CurrentRequest.Value;
        set => CurrentRequest.Value = value;
    }

    public TimeSpan Total => TimeSpan.FromTicks(Interlocked.Read(ref ticks));

    /// <summary>
    /// What building and writing an answer costs per value (each field of each object, each list item): 20 hub profiles
    /// on the generated M graph (35,801 values) took 85 ms end to end on the 2-core machine of benchmarks/RESULTS.md,
    /// 2.4 µs a value, nearly all of it outside the store.
    /// </summary>
    public static readonly TimeSpan PerAnswerValue = TimeSpan.FromTicks(20); // 2 µs

    public void Add(TimeSpan spent) => Interlocked.Add(ref ticks, Math.Max(0, spent.Ticks));

    /// <summary>Adds the cost of an answer of <paramref name="values"/> values (<see cref="PerAnswerValue"/> each).</summary>
    public void AddAnswerValues(long values) => Add(TimeSpan.FromTicks(Math.Max(0, values) * PerAnswerValue.Ticks));
}

/// <summary>The calling thread's processor time: CLOCK_THREAD_CPUTIME_ID on Linux; elsewhere wall time, the best there is.</summary>
internal static partial class ThreadCpuClock
{
    private const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID
    private static readonly bool Available = OperatingSystem.IsLinux() && Probe();

    public static TimeSpan Now()
    {
        if (Available && clock_gettime(ThreadCpuTimeClock, out var time) == 0)
        {
            return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
        }

        return Stopwatch.GetElapsedTime(0);
    }

    private static bool Probe()
    {
        try
        {
            return clock_gettime(ThreadCpuTimeClock, out _) == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for one blittable out struct
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out Timespec time);
#pragma warning restore SYSLIB1054
}

/// <summary>
/// The store as the resolvers see it: each call's processor time (the part run before it returns) goes to the request's
/// meter; and, when someone listens, each call gets a span and its latency a histogram entry (<see cref="SupplyGraphMetrics"/>).
/// </summary>
internal sealed class CpuMeteredQueries(IGraphQueries inner, SupplyGraphMetrics? telemetry = null) : IGraphQueries
{
    public string Description => inner.Description;

    // The store's lifetime is the container's, which disposes the store itself.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => inner.GetStatisticsAsync(cancellationToken);

    public Task<Entity> ResolveAsync(string reference, CancellationToken cancellationToken) =>
        Observed("resolve", () => inner.ResolveAsync(reference, cancellationToken));

    public Task<IReadOnlyList<Entity>> SearchAsync(SearchQuestion question, CancellationToken cancellationToken) =>
        Observed("search", () => inner.SearchAsync(question, cancellationToken));

    public Task<EntityProfile> ProfileAsync(ProfileQuestion question, CancellationToken cancellationToken) =>
        Observed("profile", () => inner.ProfileAsync(question, cancellationToken));

    public Task<SupplyChainAnswer> SupplyChainAsync(SupplyChainQuestion question, CancellationToken cancellationToken) =>
        Observed("supplyChain", () => inner.SupplyChainAsync(question, cancellationToken));

    public Task<ExportControlsAnswer> ExportControlsAsync(ExportControlsQuestion question, CancellationToken cancellationToken) =>
        Observed("exportControls", () => inner.ExportControlsAsync(question, cancellationToken));

    public Task<ExposureAnswer> ExposureAsync(ExposureQuestion question, CancellationToken cancellationToken) =>
        Observed("exposure", () => inner.ExposureAsync(question, cancellationToken));

    public Task<PathAnswer> PathsAsync(PathsQuestion question, CancellationToken cancellationToken) =>
        Observed("paths", () => inner.PathsAsync(question, cancellationToken));

    public Task<ChangesAnswer> ChangesAsync(ChangesQuestion question, CancellationToken cancellationToken) =>
        Observed("changes", () => inner.ChangesAsync(question, cancellationToken));

    private Task<T> Observed<T>(string call, Func<Task<T>> run)
    {
        if (telemetry is null)
        {
            return Metered(run);
        }

        return SupplyGraphTelemetry.Source.HasListeners() || telemetry.StoreDurationEnabled ? TimedAsync(call, run, telemetry) : Metered(run);
    }

    private static async Task<T> TimedAsync<T>(string call, Func<Task<T>> run, SupplyGraphMetrics telemetry)
    {
        // Started here, in the async method, so that it stops being Activity.Current when the call ends.
        using var activity = SupplyGraphTelemetry.Source.StartActivity(SupplyGraphTelemetry.StoreCallSpan);
        var started = Stopwatch.GetTimestamp();
        string? error = null;
        if (activity is not null)
        {
            activity.DisplayName = $"{SupplyGraphTelemetry.StoreCallSpan} {call}";
            activity.SetTag(SupplyGraphTelemetry.Tags.Store, telemetry.StoreName);
            activity.SetTag(SupplyGraphTelemetry.Tags.StoreCall, call);
        }

        try
        {
            return await Metered(run);
        }
        catch (Exception exception)
        {
            error = exception.GetType().Name;
            activity?.SetTag(SupplyGraphTelemetry.Tags.ErrorType, error);
            activity?.SetStatus(ActivityStatusCode.Error, error);
            throw;
        }
        finally
        {
            telemetry.RecordStoreCall(call, Stopwatch.GetElapsedTime(started), error);
        }
    }

    public Task<Page<Entity>> ListEntitiesAsync(EntityListQuestion question, CancellationToken cancellationToken) =>
        Metered(() => inner.ListEntitiesAsync(question, cancellationToken));

    public Task<Page<Relationship>> ListRelationshipsAsync(RelationshipListQuestion question, CancellationToken cancellationToken) =>
        Metered(() => inner.ListRelationshipsAsync(question, cancellationToken));

    public Task<CountsAnswer> CountAsync(CountQuestion question, CancellationToken cancellationToken) =>
        Metered(() => inner.CountAsync(question, cancellationToken));

    private static Task<T> Metered<T>(Func<Task<T>> call)
    {
        var meter = StoreCpuTime.Current;
        if (meter is null)
        {
            return call();
        }

        var started = ThreadCpuClock.Now();
        try
        {
            return call();
        }
        finally
        {
            meter.Add(ThreadCpuClock.Now() - started);
        }
    }
}
