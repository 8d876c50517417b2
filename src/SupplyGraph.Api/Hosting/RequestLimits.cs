namespace SupplyGraph.Api.Hosting;

/// <summary>
/// The <c>SupplyGraph:Limits</c> section: bounds checked before a request is parsed (sizes), after it is parsed and
/// before it is validated (depth, fields, cost), while it runs (deadline, answer size) and around it (how many
/// expensive requests run at once). Every bound answers a clear error instead of letting one request take the service.
/// </summary>
public sealed class RequestLimits
{
    /// <summary>The longest timeout accepted (a day): far larger values overflow the timers (TimeSpan, cancellation).</summary>
    public const double MaxTimeoutSeconds = 24 * 60 * 60;

    /// <summary>Characters in the GraphQL document.</summary>
    public int MaxQueryLength { get; set; } = 64 * 1024;

    /// <summary>Bytes in a POST body (the document, its variables and extensions).</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Nested selection sets (of fields and inline fragments); GraphiQL's introspection query needs 13.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Fields the operation selects once fragments are expanded, aliases and <c>__</c> fields included.</summary>
    public int MaxFields { get; set; } = 1_000;

    /// <summary>Root fields (questions and introspection) per request; each one walks the graph.</summary>
    public int MaxRootFields { get; set; } = 20;

    /// <summary>The largest estimated cost (see <c>QueryCost</c>): each field weighs the product of its lists' sizes.</summary>
    public int MaxCost { get; set; } = 50_000;

    /// <summary>Seconds a request may run before its store calls and walks are cancelled.</summary>
    public double RequestTimeoutSeconds { get; set; } = 10;

    /// <summary>Values in one answer (each field of each list item counts one); past it the answer is an error.</summary>
    public int MaxResponseValues { get; set; } = 250_000;

    /// <summary>Expensive requests (see <see cref="ExpensiveRequestMilliseconds"/>) allowed to run at once; 0 means half the processors (at least one).</summary>
    public int MaxConcurrentExpensive { get; set; }

    /// <summary>Expensive requests allowed to wait for a turn; more are refused at once with 429.</summary>
    public int MaxQueuedExpensive { get; set; } = 64;

    /// <summary>
    /// Cheap requests allowed to run at once; 0 means half the processors (at least one), so a flood of cheap requests
    /// leaves processors to the lookups that take no turn (measured: one per processor let such a flood hold them at
    /// p99 108-142 ms on 2 cores, half at 32 ms).
    /// </summary>
    public int MaxConcurrentCheap { get; set; }

    /// <summary>Cheap requests allowed to wait for a turn (served cheapest first); more are refused at once with 429.</summary>
    public int MaxQueuedCheap { get; set; } = 256;

    /// <summary>
    /// A request predicted to run this long or longer (from its earlier runs; a walk before its first) is expensive.
    /// </summary>
    public double ExpensiveRequestMilliseconds { get; set; } = 25;

    /// <summary>Seconds a request waits for a turn before it is refused with 429.</summary>
    public double QueueTimeoutSeconds { get; set; } = 5;

    public int ConcurrentExpensive => MaxConcurrentExpensive > 0 ? MaxConcurrentExpensive : Math.Max(1, Environment.ProcessorCount / 2);

    public int ConcurrentCheap => MaxConcurrentCheap > 0 ? MaxConcurrentCheap : Math.Max(1, Environment.ProcessorCount / 2);

    public TimeSpan ExpensiveRequest => TimeSpan.FromMilliseconds(ExpensiveRequestMilliseconds);

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);

    public TimeSpan QueueTimeout => TimeSpan.FromSeconds(QueueTimeoutSeconds);

    /// <summary>What is wrong with these settings, each naming its key; empty when they can work.</summary>
    public IEnumerable<string> Failures()
    {
        const string Section = "SupplyGraph:Limits:";
        (string Name, double Value)[] positive =
        [
            (nameof(MaxQueryLength), MaxQueryLength), (nameof(MaxBodyBytes), MaxBodyBytes), (nameof(MaxDepth), MaxDepth),
            (nameof(MaxFields), MaxFields), (nameof(MaxRootFields), MaxRootFields), (nameof(MaxCost), MaxCost),
            (nameof(RequestTimeoutSeconds), RequestTimeoutSeconds), (nameof(MaxResponseValues), MaxResponseValues),
            (nameof(QueueTimeoutSeconds), QueueTimeoutSeconds), (nameof(ExpensiveRequestMilliseconds), ExpensiveRequestMilliseconds),
        ];
        foreach (var (name, value) in positive)
        {
            if (!(value > 0))
            {
                yield return $"{Section}{name} must be greater than 0; got {value}.";
            }
        }

        foreach (var (name, value) in new[] { (nameof(RequestTimeoutSeconds), RequestTimeoutSeconds), (nameof(QueueTimeoutSeconds), QueueTimeoutSeconds) })
        {
            if (value > MaxTimeoutSeconds)
            {
                yield return $"{Section}{name} must be at most {MaxTimeoutSeconds:0} seconds (a day); got {value}.";
            }
        }

        if (MaxConcurrentExpensive < 0)
        {
            yield return $"{Section}{nameof(MaxConcurrentExpensive)} must be 0 (half the processors) or more; got {MaxConcurrentExpensive}.";
        }

        if (MaxQueuedExpensive < 0)
        {
            yield return $"{Section}{nameof(MaxQueuedExpensive)} cannot be negative; got {MaxQueuedExpensive}.";
        }

        if (MaxConcurrentCheap < 0)
        {
            yield return $"{Section}{nameof(MaxConcurrentCheap)} must be 0 (half the processors) or more; got {MaxConcurrentCheap}.";
        }

        if (MaxQueuedCheap < 0)
        {
            yield return $"{Section}{nameof(MaxQueuedCheap)} cannot be negative; got {MaxQueuedCheap}.";
        }

        if (MaxBodyBytes < MaxQueryLength)
        {
            yield return $"{Section}{nameof(MaxBodyBytes)} ({MaxBodyBytes}) must be at least {nameof(MaxQueryLength)} ({MaxQueryLength}).";
        }
    }
}
