using System.CommandLine;
using System.Text;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Exporting;
using SupplyGraph.Formats.Csv;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Neo4j.Export;

namespace SupplyGraph.Cli.Commands;

/// <summary>
/// <c>supplygraph export</c>: the stored graph, or one entity's neighbourhood, as a dataset file (JSON), idempotent
/// Cypher, or CSV files in the neo4j-admin header format. Entities come in id order and relationships in key order,
/// so two exports of the same graph are byte for byte the same.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format")
        {
            Description = "json: a dataset file; cypher: MERGE statements to run in Neo4j; csv: files for neo4j-admin database import (needs --out).",
            HelpName = "json|cypher|csv",
            Required = true,
        };
        format.AcceptOnlyFromAmong("json", "cypher", "csv");
        var output = new Option<string?>("--out")
        {
            Description = "Where to write: a file for json and cypher (standard output when left out), a folder for csv.",
            HelpName = "PATH",
        };
        var entity = new Option<string?>("--entity")
        {
            Description = "Export only this entity's neighbourhood (an id, name or alias).",
            HelpName = "ENTITY",
        };
        var hops = new Option<int>("--hops")
        {
            Description = "With --entity: how many relationships away, either direction (default 1).",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command(
            "export",
            """
            Exports the graph from the store.

            Examples:
              supplygraph export --format json --out graph.json
              supplygraph export --format cypher --entity deepseek --hops 2 > deepseek.cypher
              supplygraph export --format csv --out export/     (then see export/neo4j-admin-import.txt)
            """);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(entity);
        command.Options.Add(hops);
        command.Validators.Add(result =>
        {
            if (result.GetValue(format) == "csv" && string.IsNullOrWhiteSpace(result.GetValue(output)))
            {
                result.AddError("--format csv writes several files: give the folder with --out.");
            }

            if (result.GetValue(hops) < 0)
            {
                result.AddError("--hops must be 0 or more.");
            }
        });
        command.SetAction((parse, cancellationToken) => CommandFailures.GuardAsync(console, async () =>
        {
            using var open = await CliStore.OpenAsync(parse, seedIfEmpty: false, cancellationToken);
            var scope = parse.GetValue(entity) is { Length: > 0 } around ? ExportScope.Around(around, parse.GetValue(hops)) : ExportScope.Whole;
            var name = scope.Entity is null ? "supplygraph-export" : $"neighbourhood of {scope.Entity} within {scope.Hops} hops";
            var target = parse.GetValue(output);
            var header = parse.GetRequiredValue(format) switch
            {
                "json" => await ExportJsonAsync(open, scope, name, target, console, cancellationToken),
                "cypher" => await ExportCypherAsync(open, scope, name, target, console, cancellationToken),
                _ => await ExportCsvAsync(open, scope, target!, console, cancellationToken),
            };
            await console.Error.WriteLineAsync($"exported {header.Entities} entities and {header.Relationships} relationships to {target ?? "standard output"}");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Task<DatasetHeader> ExportJsonAsync(OpenStore open, ExportScope scope, string name, string? target, CliConsole console, CancellationToken cancellationToken) =>
        WriteFileAsync(target, console, async stream =>
        {
            using var writer = new DatasetJsonWriter(stream, name);
            var header = await open.Store.ExportAsync(scope, writer, cancellationToken);
            writer.Finish();
            return header;
        });

    private static Task<DatasetHeader> ExportCypherAsync(OpenStore open, ExportScope scope, string name, string? target, CliConsole console, CancellationToken cancellationToken) =>
        WriteFileAsync(target, console, async stream =>
        {
            await using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
            using var writer = new CypherDatasetWriter(text, name);
            var header = await open.Store.ExportAsync(scope, writer, cancellationToken);
            writer.Finish();
            return header;
        });

    /// <summary>
    /// Writes to standard output, or to <c>{target}.partial</c> renamed to <paramref name="target"/> when complete, so a
    /// failed or interrupted export never leaves a half-written file under the real name (nor truncates an older one).
    /// </summary>
    private static async Task<DatasetHeader> WriteFileAsync(string? target, CliConsole console, Func<Stream, Task<DatasetHeader>> write)
    {
        if (target is null)
        {
            await using var output = console.OpenStandardOutput();
            return await write(output);
        }

        var partial = target + ".partial";
        try
        {
            DatasetHeader header;
            await using (var file = File.Create(partial))
            {
                header = await write(file);
            }

            File.Move(partial, target, overwrite: true);
            return header;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    private static async Task<DatasetHeader> ExportCsvAsync(OpenStore open, ExportScope scope, string folder, CliConsole console, CancellationToken cancellationToken)
    {
        using var writer = new CsvDatasetWriter(folder);
        DatasetHeader header;
        IReadOnlyList<string> files;
        try
        {
            header = await open.Store.ExportAsync(scope, writer, cancellationToken);
            files = writer.Finish();
        }
        catch
        {
            // neo4j-admin needs the files where its command names them, so they are written in place: a failed export
            // removes what it wrote rather than leave files that look complete.
            writer.Dispose();
            foreach (var file in writer.Files.Append(writer.CommandFile))
            {
                File.Delete(file);
            }

            throw;
        }

        await console.Error.WriteLineAsync($"wrote {string.Join(", ", files.Select(Path.GetFileName))}; to bulk-load them into a new Neo4j database: {writer.CommandFile}");
        return header;
    }
}
