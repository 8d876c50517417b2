using SupplyGraph.Api.Hosting;

namespace SupplyGraph.Api.Http;

/// <summary>
/// Lets a bounded number of requests that walk the graph run at once, so that cheap ones (an entity, a search) keep
/// their latency while expensive ones flood in. Others wait in a bounded queue for a turn; a full queue refuses at once
/// (429), a turn that does not come within the queue timeout refuses then (503). Both carry Retry-After.
/// </summary>
internal sealed class ExpensiveRequestGate : IDisposable
{
    private readonly SemaphoreSlim turns;
    private readonly int maxQueued;
    private readonly TimeSpan queueTimeout;
    private int waiting;

    public ExpensiveRequestGate(RequestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        turns = new SemaphoreSlim(limits.ConcurrentExpensive, limits.ConcurrentExpensive);
        maxQueued = limits.MaxQueuedExpensive;
        queueTimeout = limits.QueueTimeout;
        Concurrency = limits.ConcurrentExpensive;
    }

    public int Concurrency { get; }

    /// <summary>Turns no request holds now.</summary>
    public int FreeTurns => turns.CurrentCount;

    /// <summary>Waits for a turn; the turn, or why none was given. Dispose the turn to give it back.</summary>
    public async Task<GateTurn> EnterAsync(CancellationToken cancellationToken)
    {
        if (turns.Wait(0, CancellationToken.None))
        {
            return new GateTurn(this, GateRefusal.None);
        }

        if (Interlocked.Increment(ref waiting) > maxQueued)
        {
            Interlocked.Decrement(ref waiting);
            return new GateTurn(null, GateRefusal.QueueFull);
        }

        try
        {
            return await turns.WaitAsync(queueTimeout, cancellationToken)
                ? new GateTurn(this, GateRefusal.None)
                : new GateTurn(null, GateRefusal.TimedOut);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }

    public void Dispose() => turns.Dispose();

    internal void Leave() => turns.Release();
}

internal enum GateRefusal
{
    None,
    QueueFull,
    TimedOut,
}

/// <summary>A turn through <see cref="ExpensiveRequestGate"/> (or a refusal, holding nothing).</summary>
internal sealed class GateTurn(ExpensiveRequestGate? gate, GateRefusal refusal) : IDisposable
{
    private ExpensiveRequestGate? gate = gate;

    public GateRefusal Refusal { get; } = refusal;

    public void Dispose() => Interlocked.Exchange(ref gate, null)?.Leave();
}
