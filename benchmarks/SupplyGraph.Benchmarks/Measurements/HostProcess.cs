using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// The service as users run it: the Release build of SupplyGraph.Cli (the supplygraph executable) in its own process, on a free loopback port,
/// on a given data folder. Ready means <c>/graphql</c> answered <c>{ __typename }</c>.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(5);

    private readonly Process process;

    private HostProcess(Process process, Uri graphQL, TimeSpan startedIn)
    {
        this.process = process;
        GraphQL = graphQL;
        StartedIn = startedIn;
    }

    public Uri GraphQL { get; }

    /// <summary>From process start until the first answer.</summary>
    public TimeSpan StartedIn { get; }

    public long ResidentBytes => ProcessMemory.ResidentBytes(process.Id);

    public static async Task<HostProcess> StartAsync(string repositoryRoot, string dataDirectory, bool seedOnEmptyStore, CancellationToken cancellationToken)
    {
        var assembly = Path.Combine(repositoryRoot, "src", "SupplyGraph.Cli", "bin", "Release", "net10.0", "supplygraph.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is missing: build the solution in Release first (benchmarks/run.sh does).");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [assembly, "serve"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = repositoryRoot,
        };
        start.Environment["SUPPLYGRAPH_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["SUPPLYGRAPH_BIND_ADDRESS"] = "127.0.0.1";
        start.Environment["SUPPLYGRAPH_DATA_DIR"] = dataDirectory;
        start.Environment["SUPPLYGRAPH_STORE"] = "embedded";
        start.Environment["SUPPLYGRAPH_SEED_ON_EMPTY_STORE"] = seedOnEmptyStore ? "true" : "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var graphQL = new Uri($"http://127.0.0.1:{port}/graphql");
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < ReadyTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the service exited with {process.ExitCode}:\n{output}");
            }

            try
            {
                using var content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(graphQL, content, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return new HostProcess(process, graphQL, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(20, cancellationToken);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"the service did not answer within {ReadyTimeout}:\n{output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
