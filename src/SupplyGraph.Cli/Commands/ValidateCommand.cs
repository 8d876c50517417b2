using System.CommandLine;
using System.Globalization;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Cli.Commands;

/// <summary>
/// <c>supplygraph validate PATH…</c>: the import's checks without a store. Errors go to standard output one per line,
/// <c>file:line:column: where: message</c>, so editors and scripts can jump to them; exit 0 when all inputs are valid.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new InputSources();
        var withStore = new Option<bool>("--with-store")
        {
            Description = "Also accept references to entities already in the configured store (as import does); by default only the inputs themselves count.",
        };
        var command = new Command(
            "validate",
            """
            Checks inputs as import would, without writing. Prints every error as file:line:column: where: message and
            exits 1 when there is any, 0 when every input is valid. Needs no store unless --with-store is given.

            Examples:
              supplygraph validate datasets/seed.json
              supplygraph validate notes/ --with-store --skip-unresolved-links
            """);
        inputs.AddTo(command);
        command.Options.Add(withStore);
        command.SetAction((parse, cancellationToken) => CommandFailures.GuardAsync(console, async () =>
        {
            var sources = inputs.Open(parse);
            using var open = parse.GetValue(withStore) ? await CliStore.OpenAsync(parse, seedIfEmpty: false, cancellationToken) : null;
            var lookup = open is null ? EntityLookup.None : EntityLookup.In(open.Store);
            var invalid = 0;
            foreach (var source in sources)
            {
                var rows = new DiscardingSink();
                try
                {
                    var header = await source.ReadIntoAsync(rows, lookup, cancellationToken);
                    // The verdict is the verb's answer: standard output, as the README says.
                    await console.Out.WriteLineAsync(
                        string.Create(CultureInfo.InvariantCulture, $"{source.Name}: valid: {header.Entities:N0} entities, {header.Relationships:N0} relationships")
                        + (header.Skipped.Count > 0 ? $", {header.Skipped.Count} skipped" : ""));
                    foreach (var skipped in header.Skipped)
                    {
                        await console.Out.WriteLineAsync($"  skipped {skipped}");
                    }
                }
                catch (DatasetValidationException exception)
                {
                    invalid++;
                    await CommandFailures.WriteErrorsAsync(console.Out, exception);
                    await console.Out.WriteLineAsync($"{source.Name}: invalid ({exception.Errors.Count} errors)");
                }
            }

            return invalid == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
        }, cancellationToken));
        return command;
    }

    /// <summary>Validation keeps no rows: the header counts them.</summary>
    private sealed class DiscardingSink : IDatasetSink
    {
        public void OnEntity(Entity entity)
        {
        }

        public void OnRelationship(RelationshipRecord relationship)
        {
        }
    }
}
