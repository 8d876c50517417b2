using System.Diagnostics;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Embedded;
using SupplyGraph.Testing;

namespace SupplyGraph.Cli.Tests;

/// <summary>
/// Ctrl-C (SIGINT), SIGTERM and a hard kill (SIGKILL) in the middle of importing a large generated file, with
/// <c>supplygraph</c> in its own process as a user runs it: each leaves the store as it was before that file.
/// </summary>
public sealed class InterruptionTests : IClassFixture<InterruptionTests.LargeFile>, IDisposable
{
    private static readonly Dataset Seed = SeedDataset.Load();
    private readonly LargeFile large;
    private readonly CliRun cli = new();

    public InterruptionTests(LargeFile large) => this.large = large;

    public void Dispose() => cli.Dispose();

    [Theory]
    [InlineData("INT", ExitCodes.Interrupted)]
    [InlineData("TERM", ExitCodes.Interrupted)]
    [InlineData("KILL", 137)]
    public async Task A_signal_during_an_import_leaves_the_store_as_it_was_before_the_file(string signal, int expectedExitCode)
    {
        // arrange
        Assert.SkipWhen(
            signal == "INT" && IgnoresInterrupts(),
            "this test process ignores SIGINT (started in the background without job control, e.g. under nohup), and the CLI it starts inherits that, as POSIX asks");
        var store = cli.Path("store");
        var seeded = await cli.InStoreAsync("store", "import", RepositoryPaths.Combine("datasets", "seed.json"));
        seeded.ExitCode.Should().Be(ExitCodes.Success, seeded.ToString());
        using var process = StartImport(large.Path, store);
        var progress = new TaskCompletionSource();
        var error = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, line) =>
        {
            lock (error)
            {
                error.AppendLine(line.Data);
            }

            if (line.Data?.Contains("rows/s", StringComparison.Ordinal) == true)
            {
                progress.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);

        // act: once rows are being written, send the signal
        await progress.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        Signal(process.Id, signal);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        // assert
        var printed = $"exit {process.ExitCode}\n--- out ---\n{await output}\n--- error ---\n{error}";
        process.ExitCode.Should().Be(expectedExitCode, printed);
        if (signal != "KILL")
        {
            printed.Should().Contain("rolled back");
        }

        using var reopened = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = System.IO.Path.Combine(store, EmbeddedStoreOptions.DefaultFileName) });
        await reopened.InitializeAsync(TestContext.Current.CancellationToken);
        var statistics = await reopened.GetStatisticsAsync(TestContext.Current.CancellationToken);
        statistics.Entities.Should().Be(Seed.Entities.Count);
        statistics.Relationships.Should().Be(Seed.Relationships.Count);
    }

    private static Process StartImport(string file, string store)
    {
        var start = new ProcessStartInfo("dotnet", [System.IO.Path.Combine(AppContext.BaseDirectory, "supplygraph.dll"), "import", file, "--store", "embedded", "--data-dir", store])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>True when SIGINT is ignored here (bit 1 of SigIgn in /proc/self/status): a child starts ignoring it too.</summary>
    private static bool IgnoresInterrupts()
    {
        const string Status = "/proc/self/status";
        var line = File.Exists(Status) ? File.ReadLines(Status).FirstOrDefault(text => text.StartsWith("SigIgn:", StringComparison.Ordinal)) : null;
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var ignored)
            && (ignored & 0x2) != 0;
    }

    private static void Signal(int processId, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start");
        kill.WaitForExit();
        kill.ExitCode.Should().Be(0, $"kill -{signal} {processId}");
    }

    /// <summary>One generated file of 100,000 entities (about 400,000 relationships) for the whole class: seconds to import.</summary>
    public sealed class LargeFile : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("supplygraph-interrupt-").FullName;

        public LargeFile()
        {
            Path = System.IO.Path.Combine(folder, "large.json");
            Generator.SyntheticSupplyChain.Write(Path, new Generator.GeneratorOptions { Entities = 100_000, Seed = 11 });
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(folder, recursive: true);
    }
}
