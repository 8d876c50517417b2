using System.CommandLine;
using SupplyGraph.Cli.Commands;

namespace SupplyGraph.Cli;

/// <summary>
/// The <c>supplygraph</c> command line. <c>serve</c> is the default verb: no arguments, or only host settings
/// (<c>--urls …</c>, <c>--SupplyGraph:Port=5090</c>, what WebApplicationFactory passes), start the GraphQL service.
/// </summary>
internal static class SupplyGraphCommandLine
{
    private static readonly string[] HelpAndVersion = ["--help", "-h", "-?", "/?", "/h", "--version"];

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var root = Create(console);
        var parse = root.Parse(IsServeWithoutVerb(args, root) ? ["serve", .. args] : args);
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,

            // Verbs map their own failures to exit codes; anything else (the web host's own stop signal in tests) propagates.
            EnableDefaultExceptionHandler = false,

            // Ctrl-C is ours (Interruption), or the web host's when serving: an import must roll back before the process ends.
            ProcessTerminationTimeout = null,
        };
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"error: {error.Message}");
            }

            await console.Error.WriteLineAsync($"See: supplygraph {(parse.CommandResult.Command is RootCommand ? "" : parse.CommandResult.Command.Name + " ")}--help");
            return ExitCodes.Usage;
        }

        if (parse.CommandResult.Command.Name == ServeCommand.Name)
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }

        using var interruption = Interruption.Listen(console, cancellationToken);
        return await parse.InvokeAsync(configuration, interruption.Token);
    }

    public static RootCommand Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand(
            """
            SupplyGraph: the AI supply chain as a graph. Serve it over GraphQL, import analysts' notes, CSV and dataset
            files, export it for Neo4j, and ask its questions from a terminal.

            Examples:
              supplygraph serve
              supplygraph import datasets/seed.json
              supplygraph import notes/ --dry-run
              supplygraph trace deepseek
              supplygraph export --format csv --out export/

            Exit codes: 0 done, 1 invalid input, 2 bad command line, 3 store unavailable, 4 entity not found,
            130 interrupted (Ctrl-C / SIGTERM; an import in progress is rolled back).
            """);
        root.Options.Add(CliStore.StoreOption);
        root.Options.Add(CliStore.DataDirectoryOption);
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(ImportCommand.Create(console));
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        root.Subcommands.Add(GenerateCommand.Create(console));
        foreach (var question in QuestionCommands.Create(console))
        {
            root.Subcommands.Add(question);
        }

        return root;
    }

    private static bool IsServeWithoutVerb(string[] args, RootCommand root)
    {
        if (args.Length == 0)
        {
            return true;
        }

        // A first word that is not an option is a verb, right or wrong: a typo must not start the server.
        var verbs = root.Subcommands.Select(command => command.Name).ToHashSet(StringComparer.Ordinal);
        return args[0].StartsWith('-')
            && !args.Any(verbs.Contains)
            && !args.Any(argument => HelpAndVersion.Contains(argument, StringComparer.Ordinal));
    }
}
