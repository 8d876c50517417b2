using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SupplyGraph.Cli.Output;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Cli.Commands;

/// <summary>
/// <c>supplygraph import PATH…</c>: each input into the configured store in its own transaction, in the order named.
/// An invalid input stops the command with its errors; inputs before it stay imported, nothing of it is kept.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new InputSources();
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Validate and report what would change (added, updated, unchanged) without writing anything.",
        };
        var command = new Command(
            "import",
            """
            Imports dataset files, CSV files or Markdown notes into the store: upsert by id, so importing again changes
            nothing. Every input is validated first and imported in one transaction: an invalid input, or Ctrl-C, leaves
            the store as it was before that input.

            Examples:
              supplygraph import datasets/seed.json
              supplygraph import export/actors.csv export/chips.csv export/models.csv export/regulations.csv export/relationships.csv
              supplygraph import ../shared/seeds/003_67bdc8ecb5f52f54.txt --skip-unresolved-links --dry-run
            """);
        inputs.AddTo(command);
        command.Options.Add(dryRun);
        command.SetAction((parse, cancellationToken) => CommandFailures.GuardAsync(console, async () =>
        {
            var sources = inputs.Open(parse);
            using var open = await CliStore.OpenAsync(parse, seedIfEmpty: false, cancellationToken);
            var options = new ImportOptions { DryRun = parse.GetValue(dryRun) };
            foreach (var source in sources)
            {
                var started = Stopwatch.GetTimestamp();
                ImportSummary summary;
                try
                {
                    summary = await ProgressReporter.RunAsync(
                        console,
                        $"{(options.DryRun ? "checking" : "importing")} {source.Name}",
                        "rows",
                        report => open.Store.ImportAsync(source, options with { Progress = progress => report(progress.RowsWritten) }, cancellationToken));
                }
                catch (DatasetValidationException exception)
                {
                    await CommandFailures.WriteErrorsAsync(console.Error, exception);
                    await console.Error.WriteLineAsync($"{source.Name}: invalid ({Plural(exception.Errors.Count, "error")}); nothing from it was stored.");
                    return ExitCodes.InvalidInput;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    await console.Error.WriteLineAsync($"{source.Name}: interrupted; rolled back, the store is as it was before this input.");
                    return ExitCodes.Interrupted;
                }

                await WriteSummaryAsync(console.Out, source.Name, summary, Stopwatch.GetElapsedTime(started));
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    public static async Task WriteSummaryAsync(TextWriter output, string input, ImportSummary summary, TimeSpan elapsed)
    {
        var rows = Total(summary.Entities) + Total(summary.Relationships);
        var rate = elapsed.TotalSeconds > 0 ? rows / elapsed.TotalSeconds : 0;
        await output.WriteLineAsync(summary.DryRun
            ? $"{input}: dry run, nothing written; importing it would change:"
            : $"{input}: imported as dataset \"{summary.Dataset}\"");
        await output.WriteLineAsync($"  entities:      {Describe(summary.Entities)}");
        await output.WriteLineAsync($"  relationships: {Describe(summary.Relationships)}");
        if (summary.Skipped.Count > 0)
        {
            await output.WriteLineAsync($"  skipped:       {summary.Skipped.Count}");
            foreach (var skipped in summary.Skipped)
            {
                await output.WriteLineAsync($"    {skipped}");
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {rows:N0} rows in {elapsed.TotalSeconds:0.0} s ({rate:N0} rows/s)"));
    }

    private static long Total(ChangeCounts counts) => counts.Added + counts.Updated + counts.Unchanged;

    private static string Describe(ChangeCounts counts) =>
        string.Create(CultureInfo.InvariantCulture, $"{counts.Added:N0} added, {counts.Updated:N0} updated, {counts.Unchanged:N0} unchanged");

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
