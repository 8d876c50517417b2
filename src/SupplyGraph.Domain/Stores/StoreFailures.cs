namespace SupplyGraph.Domain.Stores;

/// <summary>
/// Runs a store's work and rethrows what <c>translate</c> makes of a failure (a <see cref="StoreUnavailableException"/>
/// or <see cref="StoreErrorException"/>), so each store only says how its own failures map; null lets one pass as it is.
/// </summary>
public static class StoreFailures
{
    public static async Task TranslateAsync(Func<Task> work, Func<Exception, Exception?> translate)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(translate);
        try
        {
            await work();
        }
        catch (Exception exception) when (translate(exception) is { } translated)
        {
            throw translated;
        }
    }

    public static async Task<T> TranslateAsync<T>(Func<Task<T>> work, Func<Exception, Exception?> translate)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(translate);
        try
        {
            return await work();
        }
        catch (Exception exception) when (translate(exception) is { } translated)
        {
            throw translated;
        }
    }
}
