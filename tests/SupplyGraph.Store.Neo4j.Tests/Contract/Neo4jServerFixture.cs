using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Store.Contract;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Neo4j.Tests.Contract;

/// <summary>
/// One Neo4j server for the whole test run: the server named by SUPPLYGRAPH_NEO4J_URI (with _USER, _PASSWORD,
/// _DATABASE) if set, else a neo4j:5.26 container where a Docker engine answers. Neither: every Neo4j test is
/// skipped with the reason. The database is cleared before each test.
/// </summary>
public sealed class Neo4jServerFixture : IStoreUnderTest, IAsyncLifetime
{
    public const string Image = "neo4j:5.26";
    private const string ContainerPassword = "supplygraph-test";
    private const int HttpPort = 7474;

    private IContainer? container;
    private Neo4jGraphStore? store;
    private QueryApiClient? client;
    private Neo4jServerLock? serverLock;

    /// <summary>How the tests reach the server; null when they are skipped.</summary>
    public Neo4jConnectionOptions? Connection { get; private set; }

    /// <summary>The started server's folder (SUPPLYGRAPH_NEO4J_HOME, a server of the tester's own), where a test may restart it; else null.</summary>
    public static string? ServerHome => Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_HOME") is { Length: > 0 } home ? home : null;

    public string? SkipReason { get; private set; }

    /// <summary>Where the tests ran, for the log: "container neo4j:5.26" or the server's address.</summary>
    public string Target { get; private set; } = "none";

    public async ValueTask InitializeAsync()
    {
        var connection = FromEnvironment();
        if (connection is null)
        {
            try
            {
                container = new ContainerBuilder(Image)
                    .WithEnvironment("NEO4J_AUTH", $"neo4j/{ContainerPassword}")
                    .WithEnvironment("NEO4J_server_http__enabled__modules", "TRANSACTIONAL_ENDPOINTS,UNMANAGED_EXTENSIONS,BROWSER,QUERY_API_ENDPOINTS")
                    .WithPortBinding(HttpPort, assignRandomHostPort: true)
                    .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request.ForPort(HttpPort).ForPath("/")))
                    .Build();
            }
            catch (DockerUnavailableException exception)
            {
                SkipReason = "Neo4j tests skipped: SUPPLYGRAPH_NEO4J_URI is not set and no Docker engine answers "
                    + $"for a {Image} container ({exception.Message.Split('\n')[0].Trim()}).";
                return;
            }

            await container.StartAsync();
            connection = new Neo4jConnectionOptions
            {
                Uri = new UriBuilder(Uri.UriSchemeHttp, container.Hostname, container.GetMappedPublicPort(HttpPort)).Uri,
                User = "neo4j",
                Password = ContainerPassword,
            };
            Target = $"container {Image}";
        }
        else
        {
            Target = $"{connection.Uri} (database {connection.Database})";
            serverLock = await Neo4jServerLock.AcquireAsync(connection.Uri, TimeSpan.FromMinutes(20), CancellationToken.None);
        }

        Connection = connection;

        client = QueryApiClient.Create(connection);
        store = new Neo4jGraphStore(client, new Neo4jStoreOptions { Connection = connection, ImportBatchSize = 100, ExportPageSize = 10 });
    }

    public async Task<ISupplyGraphStore> EmptyStoreAsync(CancellationToken cancellationToken)
    {
        if (store is null || client is null)
        {
            throw new InvalidOperationException(SkipReason ?? "The Neo4j fixture did not start.");
        }

        // Cleared first: initializing then reads the (empty) projection, so no test sees the one before's graph.
        await client.WriteAsync(CypherScripts.ClearDatabase.Statement, null, idempotent: true, cancellationToken);
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        client?.Dispose();
        serverLock?.Dispose();
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }

    private static Neo4jConnectionOptions? FromEnvironment()
    {
        var uri = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_URI");
        if (string.IsNullOrWhiteSpace(uri))
        {
            return null;
        }

        return new Neo4jConnectionOptions
        {
            Uri = new Uri(uri),
            User = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_USER") ?? "neo4j",
            Password = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_PASSWORD"),
            Database = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_DATABASE") ?? "neo4j",
        };
    }
}

[CollectionDefinition(Name)]
public sealed class Neo4jServerCollection : ICollectionFixture<Neo4jServerFixture>
{
    public const string Name = "Neo4j server";
}
