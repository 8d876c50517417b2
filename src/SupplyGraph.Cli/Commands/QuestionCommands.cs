using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Spectre.Console;
using SupplyGraph.Cli.Output;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Cli.Commands;

/// <summary>
/// <c>trace</c>, <c>controls</c>, <c>exposure</c>, <c>paths</c>, <c>changes</c>: the service's questions from a terminal, as tables or,
/// with <c>--json</c>, as JSON. They open the store as <c>serve</c> does (seeding an empty one), so they give the API's answers.
/// </summary>
internal static class QuestionCommands
{
    public static IEnumerable<Command> Create(CliConsole console)
    {
        yield return Trace(console);
        yield return Controls(console);
        yield return Exposure(console);
        yield return Paths(console);
        yield return Changes(console);
    }

    private static Command Trace(CliConsole console)
    {
        var entity = new Argument<string>("ENTITY") { Description = "An id, name or alias, e.g. deepseek." };
        var limits = new Limits(paths: false);
        var command = new Command(
            "trace",
            """
            Silicon to deployment: everything upstream and downstream of an entity, in stages, with the relationships and their sources.

            Example:
              supplygraph trace DeepSeek --as-of 2025-06-01
            """);
        command.Arguments.Add(entity);
        limits.AddTo(command);
        command.SetAction((parse, cancellationToken) => AskAsync(console, parse, async store =>
        {
            var answer = await store.SupplyChainAsync(new SupplyChainQuestion(parse.GetRequiredValue(entity), limits.Options(parse)), cancellationToken);
            return Show(console, parse, limits, answer, AnswerTables.Write);
        }, cancellationToken));
        return command;
    }

    private static Command Controls(CliConsole console)
    {
        var entity = new Argument<string>("ENTITY") { Description = "An id, name or alias, e.g. deepseek." };
        var limits = new Limits(paths: true);
        var command = new Command(
            "controls",
            """
            Which export rules touch an entity: regulations on it or on anything upstream of it, with the paths.

            Example:
              supplygraph controls deepseek --as-of 2024-01-01
            """);
        command.Arguments.Add(entity);
        limits.AddTo(command);
        command.SetAction((parse, cancellationToken) => AskAsync(console, parse, async store =>
        {
            var answer = await store.ExportControlsAsync(new ExportControlsQuestion(parse.GetRequiredValue(entity), limits.Options(parse)), cancellationToken);
            return Show(console, parse, limits, answer, AnswerTables.Write);
        }, cancellationToken));
        return command;
    }

    private static Command Exposure(CliConsole console)
    {
        var regulation = new Argument<string>("REGULATION") { Description = "A regulation's id, name, alias or citation, e.g. us-bis-2023-10-advanced-computing or \"88 FR 73458\"." };
        var limits = new Limits(paths: true);
        var command = new Command(
            "exposure",
            """
            Who a regulation touches: every entity it restricts directly or through its supply chain, with the paths.

            Example:
              supplygraph exposure "October 17 rule" --max-paths 1
            """);
        command.Arguments.Add(regulation);
        limits.AddTo(command);
        command.SetAction((parse, cancellationToken) => AskAsync(console, parse, async store =>
        {
            var answer = await store.ExposureAsync(new ExposureQuestion(parse.GetRequiredValue(regulation), limits.Options(parse)), cancellationToken);
            return Show(console, parse, limits, answer, AnswerTables.Write);
        }, cancellationToken));
        return command;
    }

    private static Command Paths(CliConsole console)
    {
        var from = new Argument<string>("FROM") { Description = "Where the paths start (id, name or alias)." };
        var to = new Argument<string>("TO") { Description = "Where they end." };
        var types = new Option<string[]>("--types")
        {
            Description = "Only over these relationship types, e.g. --types SUPPLIES FABRICATES.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "TYPE",
        };
        types.Validators.Add(result =>
        {
            foreach (var name in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!RelationshipTypes.TryParse(name.ToUpperInvariant(), out _))
                {
                    result.AddError($"--types: \"{name}\" is not a relationship type; one of {string.Join(", ", RelationshipTypes.All.Select(info => info.Name))}.");
                }
            }
        });
        var limits = new Limits(paths: true);
        var command = new Command(
            "paths",
            """
            The shortest routes between two entities, in either direction, best established first.

            Example:
              supplygraph paths tsmc deepseek --max-paths 5
            """);
        command.Arguments.Add(from);
        command.Arguments.Add(to);
        command.Options.Add(types);
        limits.AddTo(command);
        command.SetAction((parse, cancellationToken) => AskAsync(console, parse, async store =>
        {
            var chosen = parse.GetValue(types) is { Length: > 0 } names
                ? names.Select(name => RelationshipTypes.TryParse(name.ToUpperInvariant(), out var type) ? type : default).ToArray()
                : null;
            var answer = await store.PathsAsync(
                new PathsQuestion(parse.GetRequiredValue(from), parse.GetRequiredValue(to), chosen, limits.Options(parse)),
                cancellationToken);
            return Show(console, parse, limits, answer, AnswerTables.Write);
        }, cancellationToken));
        return command;
    }

    private static Command Changes(CliConsole console)
    {
        var entity = new Argument<string>("ENTITY") { Description = "An id, name or alias, e.g. deepseek." };
        var from = new Option<DateOnly?>("--from") { Description = "The earlier day (yyyy-MM-dd).", HelpName = "DATE", Required = true, CustomParser = result => ParseDay(result, "--from") };
        var to = new Option<DateOnly?>("--to") { Description = "The later day (yyyy-MM-dd; --from itself allowed).", HelpName = "DATE", Required = true, CustomParser = result => ParseDay(result, "--to") };
        var maxHops = new Option<int?>("--max-hops")
        {
            Description = $"How far to walk (1 to {QueryLimits.MaxMaxHops}; default {QueryLimits.DefaultMaxHops}).",
            HelpName = "N",
        };
        var json = new Option<bool>("--json") { Description = "Write the answer as JSON instead of tables." };
        var command = new Command(
            "changes",
            """
            What changed between two days: what entered and left an entity's supply chain (each in its stage) and the export rules that touch it.

            Example:
              supplygraph changes deepseek --from 2023-06-01 --to 2026-01-01
            """);
        command.Arguments.Add(entity);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(maxHops);
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) => AskAsync(console, parse, async store =>
        {
            var question = ChangesQuestion.Create(parse.GetRequiredValue(entity), parse.GetValue(from)!.Value, parse.GetValue(to)!.Value, parse.GetValue(maxHops));
            var answer = await store.ChangesAsync(question, cancellationToken);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(AnswerJson.Write(answer));
            }
            else
            {
                WriteChanges(console.Tables(), answer);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static void WriteChanges(IAnsiConsole tables, ChangesAnswer answer)
    {
        tables.MarkupLine($"[bold]Changes around {Markup.Escape($"{answer.Entity.Name} ({answer.Entity.Id})")}[/] from {answer.From:yyyy-MM-dd} to {answer.To:yyyy-MM-dd}");
        var table = new Table().AddColumns("Change", "What", "Stage or type", "Id", "Name or ends");
        foreach (var (change, side) in new[] { ("entered", answer.Entered), ("left", answer.Left) })
        {
            foreach (var member in side.Entities)
            {
                table.AddRow(change, "entity", member.Stage.ToString(), Markup.Escape(member.Entity.Id), Markup.Escape(member.Entity.Name));
            }

            foreach (var relationship in side.Relationships)
            {
                table.AddRow(change, "relationship", relationship.Type.Name(), Markup.Escape(relationship.Record.Key), Markup.Escape($"{relationship.From.Name} -> {relationship.To.Name}"));
            }

            foreach (var regulation in side.Regulations)
            {
                table.AddRow(change, "regulation", $"effective {regulation.Effective:yyyy-MM-dd}", Markup.Escape(regulation.Id), Markup.Escape(regulation.Name));
            }
        }

        tables.Write(table);
        if (answer.Partial)
        {
            tables.MarkupLine("[yellow]partial:[/] a limit cut one of the answers compared; raise --max-hops to see more.");
        }
    }

    private static DateOnly? ParseDay(ArgumentResult result, string option)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        result.AddError($"{option}: \"{text}\" is not a date; write it as yyyy-MM-dd, e.g. 2025-01-27.");
        return null;
    }

    private static Task<int> AskAsync(CliConsole console, ParseResult parse, Func<IGraphQueries, Task<int>> ask, CancellationToken cancellationToken) =>
        CommandFailures.GuardAsync(
            console,
            async () =>
            {
                using var open = await CliStore.OpenAsync(parse, seedIfEmpty: true, cancellationToken);
                return await ask(open.Store);
            },
            cancellationToken);

    private static int Show<TAnswer>(CliConsole console, ParseResult parse, Limits limits, TAnswer answer, Action<IAnsiConsole, TAnswer> table)
    {
        if (parse.GetValue(limits.Json))
        {
            console.Out.WriteLine(AnswerJson.Write(answer));
        }
        else
        {
            table(console.Tables(), answer);
        }

        return ExitCodes.Success;
    }

    /// <summary>The options every question shares: the day, the limits, the output.</summary>
    private sealed class Limits
    {
        private readonly Option<DateOnly?> asOf = new("--as-of")
        {
            Description = "The day the answer is about (yyyy-MM-dd); today when left out.",
            HelpName = "DATE",
            CustomParser = ParseDay,
        };

        private readonly Option<int?> maxHops = new("--max-hops")
        {
            Description = $"How far to walk (1 to {QueryLimits.MaxMaxHops}; default {QueryLimits.DefaultMaxHops}).",
            HelpName = "N",
        };

        private readonly Option<int?> maxPaths;

        public Limits(bool paths)
        {
            maxPaths = paths
                ? new Option<int?>("--max-paths")
                {
                    Description = $"Paths kept per answer or hit (1 to {QueryLimits.MaxMaxPaths}; default {QueryLimits.DefaultMaxPaths}).",
                    HelpName = "N",
                }
                : null!;
        }

        public Option<bool> Json { get; } = new("--json") { Description = "Write the answer as JSON instead of tables." };

        public void AddTo(Command command)
        {
            command.Options.Add(asOf);
            command.Options.Add(maxHops);
            if (maxPaths is not null)
            {
                command.Options.Add(maxPaths);
            }

            command.Options.Add(Json);
        }

        public TraversalOptions Options(ParseResult parse) => TraversalOptions.Create(
            parse.GetValue(asOf),
            parse.GetValue(maxHops),
            maxPaths is null ? null : parse.GetValue(maxPaths));

        private static DateOnly? ParseDay(ArgumentResult result)
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            result.AddError($"--as-of: \"{text}\" is not a date; write it as yyyy-MM-dd, e.g. 2025-01-27.");
            return null;
        }
    }
}
