using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
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
/// A test may kill and start the server again (<see cref="KillAsync"/>, <see cref="StartAgainAsync"/>) where the
/// fixture can: a container it started, or a server whose folder SUPPLYGRAPH_NEO4J_HOME names.
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

    /// <summary>Why the server cannot be killed and started again by a test, or null when it can.</summary>
    public string? RestartSkipReason => this switch
    {
        { SkipReason: { } skipped } => skipped,
        { container: not null } => null,
        _ when ServerHome is not null => null,
        _ => "Neo4j restart test skipped: the server is neither a container this fixture started nor one whose folder "
            + "SUPPLYGRAPH_NEO4J_HOME names, so the test may not kill and restart it.",
    };

    /// <summary>The fixture's own client (the one <see cref="EmptyStoreAsync"/>'s store uses), for its rollbacks.</summary>
    internal QueryApiClient? Client => client;

    public async ValueTask InitializeAsync()
    {
        var connection = FromEnvironment();
        if (connection is null)
        {
            try
            {
                // A fixed host port, not a random one: Docker gives a restarted container a new random port, and the
                // restart test's clients must find the server where it was.
                container = new ContainerBuilder(Image)
                    .WithEnvironment("NEO4J_AUTH", $"neo4j/{ContainerPassword}")
                    .WithEnvironment("NEO4J_server_http__enabled__modules", "TRANSACTIONAL_ENDPOINTS,UNMANAGED_EXTENSIONS,BROWSER,QUERY_API_ENDPOINTS")
                    .WithPortBinding(FreeHostPort(), HttpPort)
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

    /// <summary>
    /// Kills the server the hard way (SIGKILL), as a crash would: the java process of SUPPLYGRAPH_NEO4J_HOME's server,
    /// or the container's (then stopped, which also covers an image where java cannot be killed from inside).
    /// </summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        if (container is not null)
        {
            try
            {
                await container.ExecAsync(
                    ["sh", "-c", "for p in /proc/[0-9]*; do grep -q java \"$p/cmdline\" 2>/dev/null && kill -9 \"${p#/proc/}\"; done"],
                    cancellationToken);
            }
            catch (Exception killed) when (killed is not OperationCanceledException)
            {
                // The exec may die with the container it just emptied.
            }

            await container.StopAsync(cancellationToken);
            return;
        }

        var home = ServerHome ?? throw new InvalidOperationException(RestartSkipReason);
        var pid = int.Parse(File.ReadAllText(Path.Combine(home, "run", "neo4j.pid")).Trim(), CultureInfo.InvariantCulture);
        using var process = Process.GetProcessById(pid);
        process.Kill();
        await process.WaitForExitAsync(cancellationToken);
    }

    /// <summary>Starts the killed server again; it may take a while more to answer (see <see cref="WaitUntilAnsweringAsync"/>).</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        if (container is not null)
        {
            await container.StartAsync(cancellationToken);
            var port = container.GetMappedPublicPort(HttpPort);
            if (Connection is not null && port != Connection.Uri.Port)
            {
                throw new InvalidOperationException($"The restarted container listens on host port {port}, not {Connection.Uri.Port} as before.");
            }

            return;
        }

        var home = ServerHome ?? throw new InvalidOperationException(RestartSkipReason);
        var start = new ProcessStartInfo(Path.Combine(home, "bin", "neo4j"), "start") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["NEO4J_HOME"] = home;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bin/neo4j start exited with {process.ExitCode}: {await errors}");
        }
    }

    /// <summary>Polls with a read until the server answers again (a restarted one refuses connections for 8-24 s).</summary>
    public async Task WaitUntilAnsweringAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await Started().RunAsync("RETURN 1", null, CypherRunOptions.Read, cancellationToken);
                return;
            }
            catch (Neo4jException) when (deadline.Elapsed < patience)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    /// <summary>
    /// The transactions open on the server, as <c>SHOW TRANSACTIONS YIELD transactionId, currentQuery, status</c>
    /// lists them; the checking transaction itself is among them (<see cref="ServerTransaction.IsThisCheck"/>). Asks
    /// again for up to <paramref name="patience"/> while others are listed, so a rollback still on its way is not
    /// counted as left open; one left open stays for the server's idle timeout (60 s) and is reported.
    /// </summary>
    public async Task<IReadOnlyList<ServerTransaction>> OpenTransactionsAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var client = Started();
        await client.Rollbacks.WhenSettledAsync(cancellationToken);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var result = await client.RunAsync(ServerTransaction.Query, null, CypherRunOptions.Read, cancellationToken);
            var listed = result.Rows
                .Select(row => new ServerTransaction((string)row["transactionId"]!, (string?)row["currentQuery"] ?? "", (string?)row["status"] ?? ""))
                .ToList();
            if (listed.All(transaction => transaction.IsThisCheck) || waited.Elapsed >= patience)
            {
                return listed;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
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

    private QueryApiClient Started() => client ?? throw new InvalidOperationException(SkipReason ?? "The Neo4j fixture did not start.");

    /// <summary>A loopback port free now: the system picks it for a moment's listener, which then lets it go.</summary>
    private static int FreeHostPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
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

/// <summary>One row of <c>SHOW TRANSACTIONS</c>.</summary>
public sealed record ServerTransaction(string TransactionId, string CurrentQuery, string Status)
{
    public const string Query = "SHOW TRANSACTIONS YIELD transactionId, currentQuery, status RETURN transactionId, currentQuery, status";

    /// <summary>Whether this is the transaction that runs the listing itself.</summary>
    public bool IsThisCheck => CurrentQuery.StartsWith("SHOW TRANSACTIONS", StringComparison.OrdinalIgnoreCase);
}

[CollectionDefinition(Name)]
public sealed class Neo4jServerCollection : ICollectionFixture<Neo4jServerFixture>
{
    public const string Name = "Neo4j server";
}
