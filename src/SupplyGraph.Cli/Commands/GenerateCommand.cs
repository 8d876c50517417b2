using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SupplyGraph.Generator;

namespace SupplyGraph.Cli.Commands;

/// <summary><c>supplygraph generate</c>: a synthetic supply chain of any size, the same bytes for the same options.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliConsole console)
    {
        var size = new Option<string?>("--size")
        {
            Description = $"S ({GeneratorOptions.S:N0} entities), M ({GeneratorOptions.M:N0}) or L ({GeneratorOptions.L:N0}); about four relationships per entity.",
            HelpName = "S|M|L",
        };
        var entities = new Option<int?>("--entities")
        {
            Description = $"Exactly this many entities ({GeneratorOptions.MinimumEntities:N0} to {GeneratorOptions.MaximumEntities:N0}), instead of --size.",
            HelpName = "N",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "The random seed: the same seed and size give the same file.",
            DefaultValueFactory = _ => GeneratorOptions.DefaultSeed,
        };
        var output = new Option<string>("--out")
        {
            Description = "The dataset file to write (JSON).",
            HelpName = "PATH",
            Required = true,
        };
        var command = new Command(
            "generate",
            """
            Writes a synthetic dataset (every fact cites "synthetic:seed-N") for trying scale: import it, ask questions.

            Examples:
              supplygraph generate --size M --out data/m.json
              supplygraph generate --entities 25000 --seed 7 --out data/small.json
            """);
        command.Options.Add(size);
        command.Options.Add(entities);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(size) is null) == (result.GetValue(entities) is null))
            {
                result.AddError("Give either --size S|M|L or --entities N.");
            }
        });
        command.SetAction((parse, cancellationToken) => CommandFailures.GuardAsync(console, async () =>
        {
            GeneratorOptions options;
            try
            {
                options = parse.GetValue(entities) is { } count
                    ? GeneratorOptions.ForSize(count.ToString(CultureInfo.InvariantCulture), parse.GetValue(seed))
                    : GeneratorOptions.ForSize(parse.GetValue(size)!, parse.GetValue(seed));
            }
            catch (ArgumentException exception)
            {
                await console.Error.WriteLineAsync($"error: {exception.Message}");
                return ExitCodes.Usage;
            }

            var path = parse.GetRequiredValue(output);
            var started = Stopwatch.GetTimestamp();
            var summary = await Task.Run(() => SyntheticSupplyChain.Write(path, options, cancellationToken), cancellationToken);
            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{path}: dataset \"{options.DatasetName}\", {summary.Entities:N0} entities, {summary.Relationships:N0} relationships, {summary.Bytes:N0} bytes in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
