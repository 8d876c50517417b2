using System.CommandLine;
using Microsoft.Extensions.Options;
using SupplyGraph.Api.Hosting;

namespace SupplyGraph.Cli.Commands;

/// <summary><c>supplygraph serve</c>: the GraphQL service, as the README's run command starts it.</summary>
internal static class ServeCommand
{
    public const string Name = "serve";

    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
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
            hostArgs.AddRange(CliStore.HostSettings(parse));
            return Run([.. hostArgs], console);
        });
        return command;
    }

    /// <summary>
    /// Builds and runs the web host; returns when it stops. Settings that cannot work (a Bolt address for Neo4j, a
    /// limit of 0) stop it with their message and exit code 3, not an unhandled exception (an abort, rc 134). A store
    /// that cannot be reached does not stop it: the service starts unhealthy and keeps trying.
    /// </summary>
    private static int Run(string[] hostArgs, CliConsole console)
    {
        try
        {
            var app = SupplyGraphWebHost.Build(hostArgs);
            app.Run();
            return ExitCodes.Success;
        }
        catch (Exception exception) when (exception is OptionsValidationException or IOException)
        {
            console.Error.WriteLine($"error: {CredentialRedaction.Redact(exception.Message)}");
            return ExitCodes.StoreUnavailable;
        }
    }
}
