using System.Net;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j;

/// <summary>
/// Turns the Query API client's failures into the store-neutral ones a host handles
/// (<see cref="StoreUnavailableException"/>, <see cref="StoreErrorException"/>), at the store's public edge, after the
/// client's own retries, so no host needs to know the client's exception type.
/// </summary>
internal static class Neo4jStoreFailures
{
    public static Task TranslateAsync(Func<Task> work) => StoreFailures.TranslateAsync(work, Translate);

    public static Task<T> TranslateAsync<T>(Func<Task<T>> work) => StoreFailures.TranslateAsync(work, Translate);

    /// <summary>The store-neutral failure <paramref name="exception"/> stands for, or null to let it pass as it is.</summary>
    public static Exception? Translate(Exception exception) => exception switch
    {
        // The client's messages are kept as they are: hosts put their own words around them.
        Neo4jException neo4j when IsUnreachable(neo4j) => new StoreUnavailableException(neo4j.Message, neo4j),
        Neo4jException neo4j => new StoreErrorException(neo4j.Code, neo4j.Message, neo4j.IsRetryable, neo4j),
        HttpRequestException or TimeoutException => new StoreUnavailableException(exception.Message, exception),
        _ => null,
    };

    private static bool IsUnreachable(Neo4jException exception) =>
        exception.Code is Neo4jClientErrorCodes.ConnectionFailed or Neo4jClientErrorCodes.Timeout
        || exception.HttpStatus is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
