namespace SupplyGraph.Api.Hosting;

/// <summary>
/// Whether the store has been prepared (initialized, seeded). Until it has, requests that need it answer
/// <c>STORE_UNAVAILABLE</c> (503) at once and /health says <c>unhealthy</c> with the last reason, while
/// <see cref="StoreInitializer"/> keeps trying in the background.
/// </summary>
internal sealed class StoreAvailability
{
    private volatile string? problem = "The store is being prepared.";

    public bool IsReady => problem is null;

    /// <summary>Why the store is not ready; null when it is.</summary>
    public string? Problem => problem;

    public void MarkReady() => problem = null;

    public void MarkUnavailable(string reason) => problem = reason;
}
