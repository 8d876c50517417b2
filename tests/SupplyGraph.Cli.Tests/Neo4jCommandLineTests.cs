using SupplyGraph.Store.Neo4j;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Testing;

namespace SupplyGraph.Cli.Tests;

/// <summary>
/// The verbs against the Neo4j store, on the server named by SUPPLYGRAPH_NEO4J_URI (with _USER, _PASSWORD or _TOKEN,
/// _DATABASE) — the command line reads the same variables — compared with the embedded store's output.
/// THE DATABASE IS CLEARED FIRST. Skipped, with the reason, where no server is configured.
/// </summary>
public sealed class Neo4jCommandLineTests : IDisposable
{
    private static readonly string SeedFile = RepositoryPaths.Combine("datasets", "seed.json");
    private readonly CliRun cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Import_export_questions_and_dry_runs_on_neo4j_print_what_they_print_on_the_embedded_store()
    {
        // arrange
        var settings = Settings();
        Assert.SkipWhen(settings is null, "Neo4j command-line tests skipped: SUPPLYGRAPH_NEO4J_URI is not set (they need a Neo4j 5.19+ server with the Query API).");
        using var serverLock = await Neo4jServerLock.AcquireAsync(new Uri(settings!.Uri!), TimeSpan.FromMinutes(20), TestContext.Current.CancellationToken);
        using (var client = QueryApiClient.Create(settings!.ToStoreOptions().Connection))
        {
            await client.WriteAsync(CypherScripts.ClearDatabase.Statement, null, idempotent: true, TestContext.Current.CancellationToken);
        }

        await cli.InStoreAsync("embedded", "import", SeedFile);

        // act
        var import = await CliRun.RunAsync("import", SeedFile, "--store", "neo4j");
        var again = await CliRun.RunAsync("import", SeedFile, "--store", "neo4j", "--dry-run");
        var neo4jExport = await CliRun.RunAsync("export", "--format", "json", "--out", cli.Path("neo4j.json"), "--store", "neo4j");
        await cli.InStoreAsync("embedded", "export", "--format", "json", "--out", cli.Path("embedded.json"));
        var neo4jControls = await CliRun.RunAsync("controls", "deepseek", "--as-of", "2025-06-01", "--json", "--store", "neo4j");
        var embeddedControls = await cli.InStoreAsync("embedded", "controls", "deepseek", "--as-of", "2025-06-01", "--json");
        var neo4jNeighbourhood = await CliRun.RunAsync("export", "--format", "cypher", "--entity", "deepseek", "--hops", "2", "--store", "neo4j");
        var embeddedNeighbourhood = await cli.InStoreAsync("embedded", "export", "--format", "cypher", "--entity", "deepseek", "--hops", "2");

        // assert
        import.ExitCode.Should().Be(ExitCodes.Success, import.ToString());
        again.Out.Should().Contain("0 added, 0 updated", again.ToString());
        neo4jExport.ExitCode.Should().Be(ExitCodes.Success, neo4jExport.ToString());
        File.ReadAllBytes(cli.Path("neo4j.json")).Should().Equal(File.ReadAllBytes(cli.Path("embedded.json")));
        neo4jControls.Out.Should().Be(embeddedControls.Out);
        neo4jNeighbourhood.Out.Should().Be(embeddedNeighbourhood.Out);
    }

    private static Neo4jSettings? Settings()
    {
        var uri = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_URI");
        return string.IsNullOrWhiteSpace(uri) ? null : new Neo4jSettings
        {
            Uri = uri,
            User = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_USER"),
            Password = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_PASSWORD"),
            BearerToken = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_TOKEN"),
            Database = Environment.GetEnvironmentVariable("SUPPLYGRAPH_NEO4J_DATABASE") is { Length: > 0 } database ? database : "neo4j",
        };
    }
}
