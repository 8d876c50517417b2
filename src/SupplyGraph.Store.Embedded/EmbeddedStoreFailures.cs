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

    public static Task TranslateAsync(Func<Task> work) => StoreFailures.TranslateAsync(work, Translate);

    public static Task<T> TranslateAsync<T>(Func<Task<T>> work) => StoreFailures.TranslateAsync(work, Translate);

    private static Exception? Translate(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: Busy or Locked or CannotOpen } sqlite => new StoreUnavailableException(sqlite.Message, sqlite),
        SqliteException sqlite => new StoreErrorException($"SQLITE_{sqlite.SqliteErrorCode}", sqlite.Message, isRetryable: false, sqlite),
        _ => null,
    };
}
