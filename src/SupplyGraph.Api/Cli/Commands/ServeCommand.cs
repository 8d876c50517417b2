using System.CommandLine;
using SupplyGraph.Api.Hosting;

namespace SupplyGraph.Api.Cli.Commands;

/// <summary><c>supplygraph serve</c>: the GraphQL service, as the README's run command starts it.</summary>
internal static class ServeCommand
{
    public const string Name = "serve";

    public static Command Create()
    {
        var command = new Command(
            Name,
            """
            Runs the GraphQL service (POST /graphql, GET /health) until Ctrl-C. Also what supplygraph does with no verb.
            Host settings pass through: --urls, --SupplyGraph:Port=5090, and the SUPPLYGRAPH_* variables.

            Example:
              supplygraph serve --store memory --urls http://127.0.0.1:5090
            """)
        {
            // Whatever we do not know is a host setting for ASP.NET Core.
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(parse =>
        {
            var hostArgs = new List<string>(parse.UnmatchedTokens);
            if (parse.GetValue(CliStore.StoreOption) is { Length: > 0 } store)
            {
                hostArgs.Add($"--{SupplyGraphOptions.SectionName}:{nameof(SupplyGraphOptions.Store)}={store}");
            }

            if (parse.GetValue(CliStore.DataDirectoryOption) is { Length: > 0 } directory)
            {
                hostArgs.Add($"--{SupplyGraphOptions.SectionName}:{nameof(SupplyGraphOptions.DataDirectory)}={Path.GetFullPath(directory)}");
            }

            return Run([.. hostArgs]);
        });
        return command;
    }

    /// <summary>Builds and runs the web host; returns when it stops.</summary>
    private static int Run(string[] hostArgs)
    {
        var app = SupplyGraphWebHost.Build(hostArgs);
        app.Run();
        return ExitCodes.Success;
    }
}
