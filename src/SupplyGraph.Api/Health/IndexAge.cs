namespace SupplyGraph.Api.Health;

/// <summary>
/// When the store's index (the embedded store's <c>GraphIndex</c>, Neo4j's projection) was loaded, as this service saw
/// it: the stores replace their index whole and keep no load time a caller can read, so the readiness check hands over
/// what identifies the index now (the index itself where the store exposes it, else its counts) and this remembers when
/// that identity was first seen. Probes run every few seconds (Docker's every 10), so the time is that close.
/// </summary>
internal sealed class IndexAge(TimeProvider clock)
{
    private readonly Lock gate = new();
    private object? seen;
    private DateTimeOffset seenAt;

    /// <summary>When <paramref name="identity"/> was first seen (now, when it differs from the last one seen).</summary>
    public DateTimeOffset LoadedAt(object identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        lock (gate)
        {
            if (!Equals(seen, identity))
            {
                seen = identity;
                seenAt = clock.GetUtcNow();
            }

            return seenAt;
        }
    }

    public TimeSpan Age(DateTimeOffset loadedAt) => clock.GetUtcNow() - loadedAt;
}
