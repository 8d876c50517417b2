using System.Diagnostics;
using FluentAssertions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Embedded.Tests;

public sealed class KilledImportTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_process_killed_in_the_middle_of_an_import_leaves_the_store_as_it_was()
    {
        // arrange: a store holding the sample chain, and a large file to import into it
        using var folder = new TemporaryDirectory();
        var database = folder.File("graph.db");
        var options = new EmbeddedStoreOptions { DatabasePath = database };
        using (var store = new EmbeddedGraphStore(options))
        {
            await store.InitializeAsync(Token);
            await store.ImportAsync(SampleChain.Build(), Token);
        }

        var large = EmbeddedGraphStoreImportTests.LargeDataset(20_000);
        var datasetFile = folder.File("large.json");
        await using (var file = File.Create(datasetFile))
        {
            DatasetJson.WriteDataset(file, large);
        }

        // act: the probe imports, pauses inside the transaction after 15,000 rows, and is killed there
        using var probe = StartProbe(database, datasetFile, pauseAfterRows: 15_000);
        var line = await probe.StandardOutput.ReadLineAsync(Token).AsTask().WaitAsync(TimeSpan.FromMinutes(2), Token);
        probe.Kill(entireProcessTree: true);
        await probe.WaitForExitAsync(Token);

        // assert
        line.Should().StartWith("PAUSED", $"the probe must be inside its import when killed (stderr: {await probe.StandardError.ReadToEndAsync(Token)})");
        using (var reopened = new EmbeddedGraphStore(options))
        {
            await reopened.InitializeAsync(Token);
            (await reopened.GetStatisticsAsync(Token)).Should().Be(
                new StoreStatistics(SampleChain.Build().Entities.Count, SampleChain.Build().Relationships.Count),
                "nothing of the killed import may be visible");

            // and the interrupted file can simply be imported again
            var summary = await reopened.ImportAsync(large, Token);
            summary.Entities.Added.Should().Be(large.Entities.Count);
        }
    }

    private static Process StartProbe(string database, string datasetFile, int pauseAfterRows)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "SupplyGraph.Store.Embedded.ImportProbe.dll");
        File.Exists(probe).Should().BeTrue($"the probe is built beside the tests ({probe})");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(probe);
        start.ArgumentList.Add(database);
        start.ArgumentList.Add(datasetFile);
        start.ArgumentList.Add(pauseAfterRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Process.Start(start)!;
    }
}
