using System.Diagnostics;
using System.Globalization;
using SupplyGraph.Benchmarks.Workloads;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Embedded;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// Times what a client can make the service do by text alone, in process on the store the import left (or the seed):
/// the lookup index's build (time and memory), unknown references (random 199 letters: suggestions found for
/// nothing), misspelt names (suggestions that should find the name), and searches of 200. Prints p50/p99 per set.
/// </summary>
public static class LookupMeasurement
{
    private const int DistinctTexts = 20;
    private const int Rounds = 5;

    public static async Task RunAsync(BenchmarkPaths paths, BenchmarkSize size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(size);
        using var store = await OpenAsync(paths, size, cancellationToken);
        var index = store.Index;
        Console.WriteLine($"lookups {size.Name}: {index.NodeCount:N0} entities, {index.EdgeCount:N0} relationships");

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var lookups = index.Lookups;
        var built = clock.Elapsed;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(
            $"  index: built in {lookups.BuildTime.TotalMilliseconds:F0} ms (its own clock: the store starts it in the background " +
            $"after loading; {built.TotalMilliseconds:F0} ms waited for it here), {lookups.Bytes / 1048576.0:F1} MiB in its arrays, " +
            $"heap +{(heapAfter - heapBefore) / 1048576.0:F1} MiB");

        var random = new Random(20);
        var unknown = Enumerable.Range(0, DistinctTexts)
            .Select(_ => new string([.. Enumerable.Range(0, 199).Select(_ => (char)('a' + random.Next(26)))]))
            .ToArray();
        Report("unknown reference, 199 random letters", await TimeAsync(unknown, text => ResolveAsync(store, text, cancellationToken)));

        var names = Enumerable.Range(0, DistinctTexts).Select(_ => index.Node(random.Next(index.NodeCount)).Name).ToArray();
        // A letter dropped near the start: dropping a digit could name another entity ("Supplier 12" -> "Supplier 1").
        var misspelt = names.Select((name, at) => name.Remove(Math.Min(1 + (at % 5), name.Length - 1), 1)).ToArray();
        var (suggestedRight, asked) = (0, 0);
        var misspeltTimes = await TimeAsync(misspelt, async text =>
        {
            var suggestions = await ResolveAsync(store, text, cancellationToken);
            asked++;
            suggestedRight += names.Any(name => suggestions.Contains(name)) ? 1 : 0;
        });
        Report($"misspelt name (one letter dropped; the name among the suggestions {suggestedRight} of {asked} times)", misspeltTimes);

        string[] shortTexts = ["s", "x", "q", "7", "zq", "e r", "a", "sy"];
        string[] regulation = [nameof(EntityKind.Regulation)];
        foreach (var (label, texts, kinds, first) in new (string, string[], string[]?, int)[]
        {
            ("search \"syn N\", first 200", [.. Enumerable.Range(0, DistinctTexts).Select(n => "syn " + n.ToString(CultureInfo.InvariantCulture))], null, 200),
            ("search a word start (\"supplier N\"), first 200", [.. Enumerable.Range(0, DistinctTexts).Select(n => "supplier " + n.ToString(CultureInfo.InvariantCulture))], null, 200),
            ("search a common prefix (\"synthetic\"), first 200", ["synthetic", "syn-", "SYNTH"], null, 200),
            ("search one or two characters, first 200", shortTexts, null, 200),
            ("search one or two characters, first 20", shortTexts, null, 20),
            ("search one or two characters, regulations only, first 200", shortTexts, regulation, 200),
            ("search common words (\"synthetic\", \"chip\", \"model 1\", \"syn-\"), regulations only, first 200", ["synthetic", "chip", "model 1", "syn-"], regulation, 200),
            ("search text found nowhere, first 200", ["no such entity anywhere", "qqqzzz", "xylophone"], null, 200),
        })
        {
            var kindList = kinds?.Select(Enum.Parse<EntityKind>).ToArray();
            var (nodesRead, entriesRead) = (new List<long>(), new List<long>());
            var times = await TimeAsync(texts, async text =>
            {
                var (nodesBefore, entriesBefore) = (lookups.NodesRead, lookups.EntriesRead);
                await store.SearchAsync(SearchQuestion.Create(text, kindList, first), cancellationToken);
                nodesRead.Add(lookups.NodesRead - nodesBefore);
                entriesRead.Add(lookups.EntriesRead - entriesBefore);
            });
            Report(label, times);
            Console.WriteLine(
                $"    per search (exact): nodes read mean {nodesRead.Average():F0}, max {nodesRead.Max():N0}; " +
                $"index entries read mean {entriesRead.Average():F0}, max {entriesRead.Max():N0}; of {index.NodeCount:N0} entities");
        }
    }

    private static async Task<EmbeddedGraphStore> OpenAsync(BenchmarkPaths paths, BenchmarkSize size, CancellationToken cancellationToken)
    {
        EmbeddedGraphStore store;
        if (size.IsSeed)
        {
            store = new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true });
            await store.InitializeAsync(cancellationToken);
            await store.ImportAsync(SeedDataset.Load(), cancellationToken);
            return store;
        }

        var database = Path.Combine(size.StoreDirectory(paths), EmbeddedStoreOptions.DefaultFileName);
        if (!File.Exists(database))
        {
            throw new InvalidOperationException($"{database} is missing: run the import measurement for {size.Name} first");
        }

        store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = database });
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    private static async Task<IReadOnlyList<string>> ResolveAsync(EmbeddedGraphStore store, string text, CancellationToken cancellationToken)
    {
        try
        {
            await store.ResolveAsync(text, cancellationToken);
            return [];
        }
        catch (EntityNotFoundException notFound)
        {
            return notFound.Suggestions;
        }
    }

    private static async Task<List<double>> TimeAsync<T>(IReadOnlyList<string> texts, Func<string, Task<T>> ask)
    {
        var milliseconds = new List<double>();

        // One round not counted: the first call of each path compiles it.
        for (var round = -1; round < Rounds; round++)
        {
            foreach (var text in texts)
            {
                var clock = Stopwatch.StartNew();
                await ask(text);
                if (round >= 0)
                {
                    milliseconds.Add(clock.Elapsed.TotalMilliseconds);
                    // LOOKUP_TRACE=1 prints every answer's time and text: which text made a p99.
                    if (Environment.GetEnvironmentVariable("LOOKUP_TRACE") is not null)
                    {
                        Console.WriteLine($"    {clock.Elapsed.TotalMilliseconds:F3} ms {text[..Math.Min(20, text.Length)]}");
                    }
                }
            }
        }

        return milliseconds;
    }

    private static Task<List<double>> TimeAsync(IReadOnlyList<string> texts, Func<string, Task> ask) =>
        TimeAsync(texts, async text =>
        {
            await ask(text);
            return true;
        });

    private static void Report(string label, List<double> milliseconds) =>
        Console.WriteLine(
            $"  {label}: p50 {Percentiles.Median(milliseconds):F3} ms, p99 {Percentiles.Of(milliseconds, 99):F3} ms, " +
            $"max {milliseconds.Max():F3} ms ({milliseconds.Count} answers)");
}
