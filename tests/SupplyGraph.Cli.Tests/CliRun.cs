
namespace SupplyGraph.Cli.Tests;

/// <summary>What one run of the command line printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- out ---\n{Out}\n--- error ---\n{Error}";
}

/// <summary>Runs <c>supplygraph</c> in this process with its output captured, on an embedded store in a folder of the test's own.</summary>
public sealed class CliRun(TimeSpan? progressInterval = null) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("supplygraph-cli-").FullName;

    /// <summary>How often redirected progress lines come: often by default, so tests see them.</summary>
    private readonly TimeSpan progressEvery = progressInterval ?? TimeSpan.FromMilliseconds(50);

    public string Folder => folder;

    /// <summary>A path inside the test's folder.</summary>
    public string Path(string name) => System.IO.Path.Combine(folder, name);

    /// <summary>Runs the command line with an embedded store in <paramref name="store"/> (a folder under the test's own).</summary>
    public Task<CliResult> InStoreAsync(string store, params string[] args) =>
        RunAsync(progressEvery, [.. args, "--store", "embedded", "--data-dir", Path(store)]);

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(TimeSpan.FromMilliseconds(50), args);

    private static async Task<CliResult> RunAsync(TimeSpan progressInterval, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole { Out = output, Error = error, ProgressInterval = progressInterval };
        var exitCode = await SupplyGraphCommandLine.RunAsync(args, console, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A store file still closing: the temp folder is cleaned up by the system later.
        }
    }
}
