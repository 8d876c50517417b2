using SupplyGraph.Api.Hosting;

namespace SupplyGraph.Api.Http;

/// <summary>
/// Gives every request that uses the store a turn by its cost, so a cheap question never waits behind expensive ones.
/// A request's cost is predicted from what the same document cost before (<see cref="RequestCosts"/>), or, the first
/// time, from what it asks: a question that walks the graph is presumed expensive, a lookup cheap.
/// <list type="bullet">
/// <item>Expensive requests run a bounded number at once (half the cores by default); others wait in a bounded queue
/// for a bounded time, then are refused with 429 and Retry-After.</item>
/// <item>Cheap ones run up to a few per core at once; those waiting are served cheapest first, so a one-lookup request
/// passes a queue of twenty-lookup ones; past the wait, 429 too.</item>
/// <item>The cheapest (a lookup or two predicted to take under a millisecond or so) take no turn at all: a flood of
/// anything else cannot keep them waiting.</item>
/// </list>
/// </summary>
internal sealed class ExpensiveRequestGate : IDisposable
{
    private readonly SemaphoreSlim expensiveTurns;
    private readonly CheapLane cheap;
    private readonly int maxQueued;
    private readonly TimeSpan queueTimeout;
    private int waiting;

    public ExpensiveRequestGate(RequestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        expensiveTurns = new SemaphoreSlim(limits.ConcurrentExpensive, limits.ConcurrentExpensive);
        maxQueued = limits.MaxQueuedExpensive;
        queueTimeout = limits.QueueTimeout;
        Concurrency = limits.ConcurrentExpensive;
        cheap = new CheapLane(limits.ConcurrentCheap, limits.MaxQueuedCheap, limits.QueueTimeout);
        Costs = new RequestCosts(limits.ExpensiveRequest);
    }

    /// <summary>Expensive requests that run at once.</summary>
    public int Concurrency { get; }

    /// <summary>Expensive requests waiting for a turn now, for the metrics.</summary>
    public int QueuedExpensive => Volatile.Read(ref waiting);

    /// <summary>Cheap requests waiting for a turn now (a waiter that gave up counts until a turn passes it), for the metrics.</summary>
    public int QueuedCheap => cheap.Queued;

    /// <summary>Expensive turns no request holds now.</summary>
    public int FreeTurns => expensiveTurns.CurrentCount;

    /// <summary>What each document cost when it last ran, and so which lane it takes next time.</summary>
    public RequestCosts Costs { get; }

    /// <summary>Waits for a turn in the lane the request's predicted cost gives it; dispose the turn when the run ends.</summary>
    public async Task<GateTurn> EnterAsync(RequestCostKey key, CancellationToken cancellationToken)
    {
        var lane = Costs.LaneOf(key);
        switch (lane)
        {
            case RequestLane.Free:
                return new GateTurn(null, lane, key, Costs);
            case RequestLane.Cheap:
                var refusal = await cheap.EnterAsync(Costs.Predicted(key), cancellationToken);
                return refusal == GateRefusal.None ? new GateTurn(this, lane, key, Costs) : GateTurn.Refused(refusal);
        }

        if (expensiveTurns.Wait(0, CancellationToken.None))
        {
            return new GateTurn(this, lane, key, Costs);
        }

        if (Interlocked.Increment(ref waiting) > maxQueued)
        {
            Interlocked.Decrement(ref waiting);
            return GateTurn.Refused(GateRefusal.QueueFull);
        }

        try
        {
            return await expensiveTurns.WaitAsync(queueTimeout, cancellationToken)
                ? new GateTurn(this, lane, key, Costs)
                : GateTurn.Refused(GateRefusal.TimedOut);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }

    public void Dispose() => expensiveTurns.Dispose();

    internal void Leave(RequestLane lane)
    {
        if (lane == RequestLane.Expensive)
        {
            expensiveTurns.Release();
        }
        else if (lane == RequestLane.Cheap)
        {
            cheap.Leave();
        }
    }

    /// <summary>
    /// The cheap lane: a bounded number run at once; the rest wait, cheapest first (then first come), each for a
    /// bounded time. A priority queue under one lock: the lane is entered a few thousand times a second at most.
    /// </summary>
    private sealed class CheapLane(int concurrency, int maxQueued, TimeSpan queueTimeout)
    {
        private readonly Lock sync = new();
        private readonly PriorityQueue<Waiter, (double Cost, long Order)> queue = new();
        private int running;
        private long arrivals;

        public int Queued
        {
            get
            {
                lock (sync)
                {
                    return queue.Count;
                }
            }
        }

        public async Task<GateRefusal> EnterAsync(double predictedCost, CancellationToken cancellationToken)
        {
            Waiter waiter;
            lock (sync)
            {
                if (running < concurrency)
                {
                    running++;
                    return GateRefusal.None;
                }

                if (queue.Count >= maxQueued)
                {
                    return GateRefusal.QueueFull;
                }

                waiter = new Waiter();
                queue.Enqueue(waiter, (predictedCost, arrivals++));
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(queueTimeout);
            await using (timeout.Token.Register(() => waiter.TryAbandon()))
            {
                var admitted = await waiter.Task;
                if (admitted)
                {
                    return GateRefusal.None;
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            return GateRefusal.TimedOut;
        }

        public void Leave()
        {
            lock (sync)
            {
                // The turn passes to the cheapest waiter still waiting; abandoned ones are skipped.
                while (queue.TryDequeue(out var next, out _))
                {
                    if (next.TryAdmit())
                    {
                        return;
                    }
                }

                running--;
            }
        }

        /// <summary>One request waiting: admitted by <see cref="Leave"/> or abandoned by its timeout, whichever comes first.</summary>
        private sealed class Waiter
        {
            private readonly TaskCompletionSource<bool> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

            public Task<bool> Task => outcome.Task;

            public bool TryAdmit() => outcome.TrySetResult(true);

            public void TryAbandon() => outcome.TrySetResult(false);
        }
    }
}

internal enum GateRefusal
{
    None,
    QueueFull,
    TimedOut,
}

/// <summary>Which turns a request takes: none, a cheap one, or an expensive one.</summary>
internal enum RequestLane
{
    Free,
    Cheap,
    Expensive,
}

/// <summary>
/// A turn through <see cref="ExpensiveRequestGate"/> (or a refusal, holding nothing). The request's store calls add
/// their processor time to <see cref="Cpu"/> (make it <see cref="StoreCpuTime.Current"/> for the run); disposing the
/// turn records it as what the request cost.
/// </summary>
internal sealed class GateTurn : IDisposable
{
    private readonly RequestLane lane;
    private readonly RequestCostKey? key;
    private readonly RequestCosts? costs;
    private ExpensiveRequestGate? gate;
    private int disposed;

    internal GateTurn(ExpensiveRequestGate? gate, RequestLane lane, RequestCostKey? key, RequestCosts? costs, GateRefusal refusal = GateRefusal.None)
    {
        this.gate = gate;
        this.lane = lane;
        this.key = key;
        this.costs = costs;
        Refusal = refusal;
    }

    public GateRefusal Refusal { get; }

    public RequestLane Lane => lane;

    /// <summary>The processor time the run's store calls took so far.</summary>
    public StoreCpuTime Cpu { get; } = new();

    public static GateTurn Refused(GateRefusal refusal) => new(null, RequestLane.Free, null, null, refusal);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        if (key is { } ran && costs is not null && Refusal == GateRefusal.None)
        {
            costs.Record(ran, Cpu.Total);
        }

        Interlocked.Exchange(ref gate, null)?.Leave(lane);
    }
}
