using System.Net;
using System.Net.Sockets;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

/// <summary>
/// The two connection failures the restart recordings describe, made with real sockets on loopback so the test sees
/// the exceptions .NET really throws: a port nothing listens on (refused), and a server that takes the request and
/// closes the connection without answering (a server killed or stopping with the request in flight).
/// </summary>
internal static class RealSockets
{
    /// <summary>A loopback port nothing listens on: bound once by the system's choice, then released.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>What a real client meets sending <paramref name="statement"/> to <paramref name="port"/>.</summary>
    public static async Task<Neo4jException> FailureAt(int port, string statement, CancellationToken cancellationToken)
    {
        using var client = QueryApiClient.Create(TestClient.Options with { Uri = new Uri($"http://127.0.0.1:{port}"), MaxRetries = 0 });
        try
        {
            await client.RunAsync(statement, null, CypherRunOptions.Write, cancellationToken);
        }
        catch (Neo4jException error)
        {
            return error;
        }

        throw new InvalidOperationException($"The request to port {port} did not fail.");
    }
}

/// <summary>A loopback server that reads each request's first bytes and closes the connection without a word.</summary>
internal sealed class ClosingServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private int requestsSeen;

    public ClosingServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>How many requests arrived (their bytes were read) before their connection was closed.</summary>
    public int RequestsSeen => Volatile.Read(ref requestsSeen);

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var connection = await listener.AcceptTcpClientAsync(stop.Token);
                var buffer = new byte[4096];
                if (await connection.GetStream().ReadAsync(buffer, stop.Token) > 0)
                {
                    Interlocked.Increment(ref requestsSeen);
                }
            }
        }
        catch (Exception stopped) when (stopped is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Disposed.
        }
    }
}
