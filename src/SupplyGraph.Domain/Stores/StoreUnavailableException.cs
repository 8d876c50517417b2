namespace SupplyGraph.Domain.Stores;

/// <summary>
/// The store could not be reached, or did not answer in time (a server that is down, restarting or hanging; a file
/// held by another process). Nothing was answered; trying again later may work. Hosts map it to "unavailable"
/// (503, exit code 3) without knowing which store it came from.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
        : this("The store is unavailable.")
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
