using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SupplyGraph.Benchmarks.Reporting;
using SupplyGraph.Benchmarks.Workloads;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// Issue 21's overhead target: the seed's HTTP load (http-load.mjs, the scenarios of <c>http seed</c>, short runs)
/// against the service three ways: telemetry off entirely (<c>SUPPLYGRAPH_TELEMETRY=false</c>), on with no exporter (the
/// default), and Prometheus on with <c>/metrics</c> scraped every few seconds while it is under load. The three services
/// run side by side on one seeded store; a round loads each in turn (the order rotated), and each configuration's cost
/// is the median over rounds of its round's figures against the same round's baseline, so a machine that slows down or
/// speeds up meanwhile (other work on it) weighs on both sides of each comparison.
/// </summary>
public static class InstrumentationOverhead
{
    public static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(3);

    /// <summary>The configurations, the baseline first; each with the environment it adds to the service's.</summary>
    public static readonly IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Environment)> Configurations =
    [
        ("telemetry off", new Dictionary<string, string> { ["SUPPLYGRAPH_TELEMETRY"] = "false" }),
        ("on, no exporter", new Dictionary<string, string>()),
        ("Prometheus, scraped", new Dictionary<string, string> { ["SUPPLYGRAPH_PROMETHEUS"] = "true" }),
    ];

    public static async Task<OverheadResult> RunAsync(BenchmarkPaths paths, int rounds, bool quick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var dataDirectory = Path.Combine(paths.Data, "stores", "seed-overhead");
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        Directory.CreateDirectory(paths.Data);
        var scenarios = Path.Combine(paths.Data, "http-scenarios-overhead.json");

        // A copy of the build: every round runs the same bytes even if the solution is rebuilt meanwhile.
        var build = Path.GetDirectoryName(HostProcess.ServiceAssembly(paths.RepositoryRoot))!;
        if (!File.Exists(HostProcess.ServiceAssembly(paths.RepositoryRoot)))
        {
            throw new InvalidOperationException($"{build} holds no build: build the solution in Release first (benchmarks/run.sh does).");
        }

        var service = Path.Combine(paths.Data, "overhead-service");
        CopyFolder(build, service);
        var serviceAssembly = Path.Combine(service, "supplygraph.dll");

        // One start seeds the store and picks the scenarios; every measured start then opens the same file.
        await using (var seeding = await HostProcess.StartAsync(
            paths.RepositoryRoot, dataDirectory, seedOnEmptyStore: true, new Dictionary<string, string>(), HostProcess.ReadyQuery, TimeSpan.FromMinutes(5), cancellationToken, serviceAssembly))
        using (var client = new HttpClient())
        {
            var cases = await QuestionSubjects.ForAsync(BenchmarkSize.Parse("seed"), id => HttpMeasurement.ExposesAnyoneAsync(client, seeding.GraphQL, id, cancellationToken));
            await File.WriteAllTextAsync(scenarios, HttpMeasurement.ScenariosJson(cases), cancellationToken);
        }

        var loadBefore = LoadAverage();

        // The three services run side by side, idle but for the one under load: a round is one short load on each, in
        // turns, so the three of a round meet the same machine (other work on it comes and goes over minutes) and the
        // paired ratios of a round cancel what drifts.
        var hosts = new List<HostProcess>();
        try
        {
            foreach (var (_, environment) in Configurations)
            {
                hosts.Add(await HostProcess.StartAsync(
                    paths.RepositoryRoot, dataDirectory, seedOnEmptyStore: false, environment, HostProcess.ReadyQuery, TimeSpan.FromMinutes(5), cancellationToken, serviceAssembly));
            }

            var measured = new List<OverheadRun>();
            for (var round = 0; round < rounds; round++)
            {
                // Rotated each round, so no configuration always runs first or last.
                for (var turn = 0; turn < Configurations.Count; turn++)
                {
                    var index = (round + turn) % Configurations.Count;
                    var (name, environment) = Configurations[index];
                    Console.Error.WriteLine($"==> overhead round {round + 1}/{rounds}: {name} (load average {LoadAverage()})");
                    measured.Add(await RunOnceAsync(paths, hosts[index], scenarios, name, environment, round + 1, quick, cancellationToken));
                }
            }

            var result = Summarize(measured, rounds, loadBefore, LoadAverage(), quick);
            ResultFiles.Write(paths, "overhead", "seed", result);
            return result;
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static async Task<OverheadRun> RunOnceAsync(
        BenchmarkPaths paths, HostProcess host, string scenarios, string name, IReadOnlyDictionary<string, string> environment, int round, bool quick, CancellationToken cancellationToken)
    {
        var output = Path.Combine(paths.Data, "http-load-overhead.json");
        var arguments = new List<string>
        {
            paths.LoadTool, "--url", host.GraphQL.ToString(), "--scenarios", scenarios, "--out", output,
            "--latency-seconds", "1", "--mix-seconds", quick ? "1" : "4", "--connections", "32",
            "--warmup-seconds", "0", "--timeout-seconds", "120",
        };

        using var scraping = new CancellationTokenSource();
        var scrapes = environment.ContainsKey("SUPPLYGRAPH_PROMETHEUS")
            ? ScrapeAsync(new Uri(host.GraphQL, "/metrics"), scraping.Token)
            : Task.FromResult(new ScrapeCount(0, 0, 0));
        var start = new ProcessStartInfo("node", arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        using (var load = Process.Start(start) ?? throw new InvalidOperationException("node did not start"))
        {
            // The table and the progress lines are not needed; the JSON file is read below.
            var table = load.StandardOutput.ReadToEndAsync(cancellationToken);
            var progress = load.StandardError.ReadToEndAsync(cancellationToken);
            await Task.WhenAll(table, progress);
            await load.WaitForExitAsync(cancellationToken);
            if (load.ExitCode is not 0 and not 1)
            {
                throw new InvalidOperationException($"http-load.mjs failed with exit code {load.ExitCode}: {await progress}");
            }
        }

        await scraping.CancelAsync();
        var scraped = await scrapes;
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(output, cancellationToken));
        var runs = document.RootElement.GetProperty("runs").Deserialize<List<HttpRun>>(ResultFiles.Json)!;
        return new OverheadRun(name, round, runs, scraped.Scrapes, scraped.Failed, scraped.LastBytes);
    }

    /// <summary>GET /metrics every <see cref="ScrapeInterval"/> until stopped, as a Prometheus server would.</summary>
    private static async Task<ScrapeCount> ScrapeAsync(Uri metrics, CancellationToken stop)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var (scrapes, failed, bytes) = (0, 0, 0L);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await client.GetAsync(metrics, stop);
                var text = await response.Content.ReadAsStringAsync(stop);
                scrapes++;
                bytes = text.Length;
                if (!response.IsSuccessStatusCode || !text.Contains("# TYPE supplygraph_", StringComparison.Ordinal))
                {
                    failed++;
                }

                await Task.Delay(ScrapeInterval, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
        }

        return new ScrapeCount(scrapes, failed, bytes);
    }

    /// <summary>Per configuration, the median over rounds of each run's figures, and the overhead against the baseline.</summary>
    public static OverheadResult Summarize(IReadOnlyList<OverheadRun> runs, int rounds, string loadBefore, string loadAfter, bool quick)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var summaries = Configurations
            .Select(configuration => runs.Where(run => run.Configuration == configuration.Name).ToList())
            .Where(each => each.Count > 0)
            .Select(each => Summary(each[0].Configuration, each))
            .ToList();

        // Each round's figures against the same round's baseline, then the median over rounds: what drifts between
        // rounds (the machine's other work) weighs on both sides of each ratio.
        var baseline = Configurations[0].Name;
        var paired = Configurations.Skip(1)
            .Select(configuration => (configuration.Name, Rounds: runs.Where(run => run.Configuration == configuration.Name)
                .Select(run => (Run: run, Baseline: runs.FirstOrDefault(other => other.Configuration == baseline && other.Round == run.Round)))
                .Where(pair => pair.Baseline is not null)
                .Select(pair => Summary(pair.Run.Configuration, [pair.Run]).Against(Summary(baseline, [pair.Baseline!])))
                .ToList()))
            .Where(each => each.Rounds.Count > 0)
            .Select(each => new PairedOverhead(each.Name, each.Rounds.Count, new OverheadPercentages(
                Percentiles.Median([.. each.Rounds.Select(cost => cost.FloorThroughput)]),
                Percentiles.Median([.. each.Rounds.Select(cost => cost.MixThroughput)]),
                Percentiles.Median([.. each.Rounds.Select(cost => cost.MixP50)]),
                Percentiles.Median([.. each.Rounds.Select(cost => cost.MixP99)]),
                Percentiles.Median([.. each.Rounds.Select(cost => cost.LatencyP50)]),
                Percentiles.Median([.. each.Rounds.Select(cost => cost.LatencyP99)]))))
            .ToList();
        return new OverheadResult("seed", rounds, quick, loadBefore, loadAfter, Environment.ProcessorCount, summaries, paired, runs);
    }

    private static OverheadSummary Summary(string configuration, List<OverheadRun> runs)
    {
        double Median(Func<OverheadRun, double> figure) => Percentiles.Median(runs.Select(figure).ToList());
        double Figure(OverheadRun run, Func<HttpRun, bool> which, Func<HttpRun, double> figure) => run.Runs.Where(which).Select(figure).DefaultIfEmpty(double.NaN).First();
        static bool Floor(HttpRun run) => run.Kind == "throughput" && run.Name.Contains("floor", StringComparison.Ordinal);
        static bool Mix(HttpRun run) => run.Kind == "throughput" && run.Name.StartsWith("mix", StringComparison.Ordinal);

        // The one-connection runs in one figure each: the geometric mean over the scenarios, so each weighs alike.
        static double GeometricMean(OverheadRun run, Func<HttpRun, double> figure)
        {
            var values = run.Runs.Where(each => each.Kind == "latency").Select(figure).Where(value => value > 0).ToList();
            return values.Count == 0 ? double.NaN : Math.Exp(values.Average(Math.Log));
        }

        return new OverheadSummary(
            configuration,
            runs.Count,
            FloorRequestsPerSecond: Median(run => Figure(run, Floor, each => each.RequestsPerSecond)),
            MixRequestsPerSecond: Median(run => Figure(run, Mix, each => each.RequestsPerSecond)),
            MixP50Ms: Median(run => Figure(run, Mix, each => each.P50Ms)),
            MixP99Ms: Median(run => Figure(run, Mix, each => each.P99Ms)),
            LatencyP50Ms: Median(run => GeometricMean(run, each => each.P50Ms)),
            LatencyP99Ms: Median(run => GeometricMean(run, each => each.P99Ms)),
            Errors: runs.Sum(run => run.Runs.Sum(each => each.Errors)),
            Scrapes: runs.Sum(run => run.Scrapes),
            FailedScrapes: runs.Sum(run => run.FailedScrapes));
    }

    private static void CopyFolder(string from, string to)
    {
        if (Directory.Exists(to))
        {
            Directory.Delete(to, recursive: true);
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed record ScrapeCount(int Scrapes, int Failed, long LastBytes);
}

/// <summary>One configuration's load run in one round, with the scrapes made meanwhile (Prometheus only).</summary>
public sealed record OverheadRun(string Configuration, int Round, IReadOnlyList<HttpRun> Runs, int Scrapes, int FailedScrapes, long ScrapeBytes);

/// <summary>
/// Medians over rounds. Latency figures of the one-connection runs are the geometric mean over the scenarios
/// (<c>{ __typename }</c> and each question) of each run's p50 or p99.
/// </summary>
public sealed record OverheadSummary(
    string Configuration,
    int Rounds,
    double FloorRequestsPerSecond,
    double MixRequestsPerSecond,
    double MixP50Ms,
    double MixP99Ms,
    double LatencyP50Ms,
    double LatencyP99Ms,
    long Errors,
    int Scrapes,
    int FailedScrapes)
{
    /// <summary>How much worse than <paramref name="baseline"/>, in percent, figure by figure (throughput lower, latency higher).</summary>
    public OverheadPercentages Against(OverheadSummary baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        static double Slower(double value, double reference) => 100 * (value - reference) / reference;
        static double Fewer(double value, double reference) => 100 * (reference - value) / reference;
        return new OverheadPercentages(
            Fewer(FloorRequestsPerSecond, baseline.FloorRequestsPerSecond),
            Fewer(MixRequestsPerSecond, baseline.MixRequestsPerSecond),
            Slower(MixP50Ms, baseline.MixP50Ms),
            Slower(MixP99Ms, baseline.MixP99Ms),
            Slower(LatencyP50Ms, baseline.LatencyP50Ms),
            Slower(LatencyP99Ms, baseline.LatencyP99Ms));
    }
}

public sealed record OverheadPercentages(double FloorThroughput, double MixThroughput, double MixP50, double MixP99, double LatencyP50, double LatencyP99)
{
    /// <summary>The headline: throughput lost and p50 added, the larger of the two, on the mix and on the one-connection runs.</summary>
    public double Headline => new[] { FloorThroughput, MixThroughput, MixP50, LatencyP50 }.Max();
}

public sealed record OverheadResult(
    string Size,
    int Rounds,
    bool Quick,
    string LoadAverageBefore,
    string LoadAverageAfter,
    int Cores,
    IReadOnlyList<OverheadSummary> Configurations,
    IReadOnlyList<PairedOverhead> Paired,
    IReadOnlyList<OverheadRun> Runs);

/// <summary>The median over rounds of each round's cost against the same round's baseline (telemetry off).</summary>
public sealed record PairedOverhead(string Configuration, int Rounds, OverheadPercentages Cost);
