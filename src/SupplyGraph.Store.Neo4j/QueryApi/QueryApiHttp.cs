using System.Net;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>The HTTP plumbing a long-lived Query API client should run on.</summary>
internal static class QueryApiHttp
{
    /// <summary>
    /// A pooling handler. Connections are recycled after <paramref name="pooledConnectionLifetime"/> (default
    /// 5 minutes) so DNS changes, e.g. a cluster member moving, are picked up by a client that lives for days.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(TimeSpan? pooledConnectionLifetime = null) => new()
    {
        PooledConnectionLifetime = pooledConnectionLifetime ?? TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = DecompressionMethods.All,
        EnableMultipleHttp2Connections = true,
    };
}
