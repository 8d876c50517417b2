using System.Diagnostics;
using System.Text.Json;
using SupplyGraph.Benchmarks.Reporting;
using SupplyGraph.Benchmarks.Workloads;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// Starts the host on a size's store (the seed: a fresh data folder it seeds itself) and runs
/// benchmarks/load/http-load.mjs (autocannon) against it: the <c>{ __typename }</c> floor and each question with one
/// connection for latency, then the floor and the mix of questions with 32 connections for throughput.
/// </summary>
public static class HttpMeasurement
{
    public static async Task<HttpResult> RunAsync(BenchmarkPaths paths, BenchmarkSize size, bool quick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(size);
        var dataDirectory = size.IsSeed ? Path.Combine(paths.Data, "stores", "seed-http") : size.StoreDirectory(paths);
        if (size.IsSeed && Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        var scenarios = Path.Combine(paths.Data, $"http-scenarios-{size.Name}.json");
        Directory.CreateDirectory(paths.Data);
        await File.WriteAllTextAsync(scenarios, ScenariosJson(size), cancellationToken);
        var output = Path.Combine(paths.Data, $"http-load-{size.Name}.json");

        await using var host = await HostProcess.StartAsync(paths.RepositoryRoot, dataDirectory, seedOnEmptyStore: size.IsSeed, cancellationToken);
        var arguments = new List<string>
        {
            paths.LoadTool, "--url", host.GraphQL.ToString(), "--scenarios", scenarios, "--out", output,
            "--latency-seconds", quick ? "2" : "10", "--mix-seconds", quick ? "3" : "30", "--connections", "32",
            "--warmup-seconds", quick ? "1" : "2", "--timeout-seconds", "60",
        };
        var start = new ProcessStartInfo("node", arguments) { UseShellExecute = false };
        using (var load = Process.Start(start) ?? throw new InvalidOperationException("node did not start"))
        {
            await load.WaitForExitAsync(cancellationToken);
            if (load.ExitCode is not 0 and not 1)
            {
                throw new InvalidOperationException($"http-load.mjs failed with exit code {load.ExitCode}");
            }
        }

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(output, cancellationToken));
        var runs = document.RootElement.GetProperty("runs").Deserialize<List<HttpRun>>(ResultFiles.Json)!;
        var result = new HttpResult(size.Name, runs);
        ResultFiles.Write(paths, "http", size.Name, result);
        return result;
    }

    private static string ScenariosJson(BenchmarkSize size)
    {
        var questions = QuestionSubjects.For(size).Select(question =>
        {
            var (query, variables) = question.GraphQL();
            return new { name = question.Name, query, variables };
        });
        return JsonSerializer.Serialize(
            new { floor = new { name = "__typename", query = "{ __typename }" }, questions },
            ResultFiles.Json);
    }
}
