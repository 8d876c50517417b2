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
        var output = Path.Combine(paths.Data, $"http-load-{size.Name}.json");

        await using var host = await HostProcess.StartAsync(paths.RepositoryRoot, dataDirectory, seedOnEmptyStore: size.IsSeed, cancellationToken);
        using (var client = new HttpClient())
        {
            var cases = await QuestionSubjects.ForAsync(size, id => ExposesAnyoneAsync(client, host.GraphQL, id, cancellationToken));
            await File.WriteAllTextAsync(scenarios, ScenariosJson(cases), cancellationToken);
        }

        var arguments = new List<string>
        {
            paths.LoadTool, "--url", host.GraphQL.ToString(), "--scenarios", scenarios, "--out", output,
            "--latency-seconds", quick ? "2" : "10", "--mix-seconds", quick ? "3" : "30", "--connections", "32",
            "--warmup-seconds", quick ? "1" : "2", "--timeout-seconds", "120",
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

    /// <summary>Asks the service itself whether a regulation exposes anyone on the day the questions are asked about.</summary>
    internal static async Task<bool> ExposesAnyoneAsync(HttpClient client, Uri graphQL, string id, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new
        {
            query = "query($id: String!, $d: Date) { exposure(regulation: $id, asOf: $d, maxPaths: 1) { exposed { entity { id } } } }",
            variables = new { id, d = QuestionSubjects.AsOfText },
        });
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(graphQL, content, cancellationToken);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return answer.RootElement.GetProperty("data").GetProperty("exposure").GetProperty("exposed").GetArrayLength() > 0;
    }

    internal static string ScenariosJson(IReadOnlyList<QuestionCase> cases)
    {
        var questions = cases.Select(question =>
        {
            var (query, variables) = question.GraphQL();
            return new { name = question.Name, query, variables };
        });
        return JsonSerializer.Serialize(
            new { floor = new { name = "__typename", query = "{ __typename }" }, questions },
            ResultFiles.Json);
    }
}
