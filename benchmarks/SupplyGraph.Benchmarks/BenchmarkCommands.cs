using SupplyGraph.Benchmarks.Measurements;
using SupplyGraph.Benchmarks.Reporting;
using SupplyGraph.Benchmarks.Workloads;
using SupplyGraph.Generator;

namespace SupplyGraph.Benchmarks;

/// <summary>The harness's verbs; benchmarks/run.sh calls them in order, each measurement in a process of its own.</summary>
public static class BenchmarkCommands
{
    private const string Usage = """
        usage: SupplyGraph.Benchmarks <verb> [size] [--quick]
          generate S|M|L [PATH]   write the generated dataset (default benchmarks/data/SIZE.json)
          import S|M|L            import it into an empty embedded store (kept for the verbs below)
          coldstart S|M|L         start the host on that store three times
          questions seed|S|M|L    in-process question timings with BenchmarkDotNet
          lookups seed|S|M|L      in-process timings of unknown references, misspellings and searches
          repeat SIZE "CASE" N    asks one question case N times, printing each time (to run under dotnet-trace)
          http seed|S|M|L         the host under autocannon (benchmarks/load)
          overhead seed [ROUNDS]  the seed's HTTP load with telemetry off, on (no exporter) and Prometheus scraped, in turns (issue 21; 10 rounds, about 15 minutes)
          neo4j seed|S|M        issue 19 on Neo4j: import, cold start, questions vs embedded, freshness, 8 clients (needs SUPPLYGRAPH_NEO4J_URI; CLEARS that database)
          report [COMMAND]        write benchmarks/RESULTS.md from benchmarks/results/*.json
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var quick = args.Contains("--quick");
        var words = args.Where(arg => arg != "--quick").ToArray();
        if (words.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var paths = BenchmarkPaths.Find();
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, press) =>
        {
            press.Cancel = true;
            stop.Cancel();
        };
        try
        {
            switch (words[0])
            {
                case "generate" or "gen" when words.Length >= 2:
                    var size = BenchmarkSize.Parse(words[1]);
                    if (words.Length >= 3)
                    {
                        Console.WriteLine(SyntheticSupplyChain.Write(words[2], size.Generated!));
                    }
                    else
                    {
                        ImportMeasurement.EnsureDataset(paths, size);
                    }

                    return 0;
                case "import" when words.Length == 2:
                    await ImportMeasurement.RunAsync(paths, BenchmarkSize.Parse(words[1]), stop.Token);
                    return 0;
                case "coldstart" when words.Length == 2:
                    await ColdStartMeasurement.RunAsync(paths, BenchmarkSize.Parse(words[1]), stop.Token);
                    return 0;
                case "questions" when words.Length == 2:
                    await QuestionMeasurement.RunAsync(paths, BenchmarkSize.Parse(words[1]), quick, stop.Token);
                    return 0;
                case "lookups" when words.Length == 2:
                    await LookupMeasurement.RunAsync(paths, BenchmarkSize.Parse(words[1]), stop.Token);
                    return 0;
                case "repeat" when words.Length == 4 && int.TryParse(words[3], out var times):
                    await RepeatedQuestion.RunAsync(paths, BenchmarkSize.Parse(words[1]), words[2], times, stop.Token);
                    return 0;
                case "http" when words.Length == 2:
                    var http = await HttpMeasurement.RunAsync(paths, BenchmarkSize.Parse(words[1]), quick, stop.Token);
                    return http.Runs.Any(run => run.Errors > 0) ? 1 : 0;
                case "overhead" when words.Length is 2 or 3 && words[1] == "seed":
                    var rounds = words.Length == 3 ? int.Parse(words[2], System.Globalization.CultureInfo.InvariantCulture) : quick ? 1 : 10;
                    var overhead = await InstrumentationOverhead.RunAsync(paths, rounds, quick, stop.Token);
                    Console.WriteLine(OverheadReport.Section(overhead));
                    return overhead.Configurations.Any(configuration => configuration.Errors > 0) ? 1 : 0;
                case "neo4j" when words.Length == 2:
                    Console.WriteLine(await Neo4jMeasurement.RunAsync(paths, BenchmarkSize.Parse(words[1]), quick, stop.Token));
                    return 0;
                case "report":
                    Console.WriteLine("wrote " + ResultsReport.Write(paths, words.Length > 1 ? string.Join(' ', words[1..]) : "bash benchmarks/run.sh"));
                    return 0;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }
    }
}
