using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// The service as users run it: the Release build of SupplyGraph.Cli (the supplygraph executable) in its own process, on a free loopback port,
/// on a given data folder. Ready means <c>/graphql</c> answered <c>{ __typename }</c> (or the given readiness query) with 200 and no errors.
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

    public static Task<HostProcess> StartAsync(string repositoryRoot, string dataDirectory, bool seedOnEmptyStore, CancellationToken cancellationToken) =>
        StartAsync(repositoryRoot, dataDirectory, seedOnEmptyStore, new Dictionary<string, string>(), ReadyQuery, ReadyTimeout, cancellationToken);

    /// <summary>The Release build of the supplygraph executable.</summary>
    public static string ServiceAssembly(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "src", "SupplyGraph.Cli", "bin", "Release", "net10.0", "supplygraph.dll");

    /// <summary>The query whose answer means the service is up; it asks nothing of the store.</summary>
    public const string ReadyQuery = "{ __typename }";

    /// <summary>
    /// Starts the service with <paramref name="environment"/> over the defaults (e.g. <c>SUPPLYGRAPH_STORE=neo4j</c>) and
    /// waits until <paramref name="readyQuery"/> answers 200 without errors, at most <paramref name="readyTimeout"/>.
    /// A query that reads the store is the honest probe for a store that loads after the port opens (or whose load
    /// fails and is retried, with STORE_UNAVAILABLE answers meanwhile).
    /// </summary>
    public static async Task<HostProcess> StartAsync(
        string repositoryRoot,
        string dataDirectory,
        bool seedOnEmptyStore,
        IReadOnlyDictionary<string, string> environment,
        string readyQuery,
        TimeSpan readyTimeout,
        CancellationToken cancellationToken,
        string? serviceAssembly = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var assembly = serviceAssembly ?? ServiceAssembly(repositoryRoot);
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
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var probe = JsonSerializer.Serialize(new { query = readyQuery });

        var graphQL = new Uri($"http://127.0.0.1:{port}/graphql");
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var lastAnswer = "nothing yet";
        while (clock.Elapsed < readyTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the service exited with {process.ExitCode}:\n{output}");
            }

            try
            {
                using var content = new StringContent(probe, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(graphQL, content, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK && !body.Contains("\"errors\"", StringComparison.Ordinal))
                {
                    return new HostProcess(process, graphQL, clock.Elapsed);
                }

                lastAnswer = $"{(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}";
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The probe's own 5 s timeout: the service is busy starting; ask again.
            }

            await Task.Delay(20, cancellationToken);
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(CancellationToken.None);
        process.Dispose();
        string log;
        lock (output)
        {
            log = output.ToString();
        }

        throw new TimeoutException($"the service did not answer {readyQuery} within {readyTimeout.TotalSeconds:0} s (last answer {lastAnswer}):\n{log[Math.Max(0, log.Length - 4000)..]}");
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
