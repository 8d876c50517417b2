using Microsoft.Data.Sqlite;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Store.Embedded;

/// <summary>
/// Turns SQLite's failures into the store-neutral ones a host handles, at the store's public edge: a file another
/// process holds or that cannot be opened is unavailable (try again later); any other SQLite error is the store's own.
/// </summary>
internal static class EmbeddedStoreFailures
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int CannotOpen = 14;

    public static async Task TranslateAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (SqliteException exception)
        {
            throw Translate(exception);
        }
    }

    public static async Task<T> TranslateAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (SqliteException exception)
        {
            throw Translate(exception);
        }
    }

    private static Exception Translate(SqliteException exception) => exception.SqliteErrorCode is Busy or Locked or CannotOpen
        ? new StoreUnavailableException(exception.Message, exception)
        : new StoreErrorException($"SQLITE_{exception.SqliteErrorCode}", exception.Message, isRetryable: false, exception);
}
