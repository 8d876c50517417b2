using SupplyGraph.Cli;

// One executable: `supplygraph serve` (also with no verb) runs the GraphQL service; the other verbs import,
// export, validate, generate and ask questions from a terminal. See README "Command line".
return await SupplyGraphCommandLine.RunAsync(args, CliConsole.FromSystem());

/// <summary>The entry point, public so that tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
