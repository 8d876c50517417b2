
namespace SupplyGraph.Cli.Tests;

/// <summary>Issue 11, point 4: a wrong Neo4j address stops `serve` with its message and exit code 3, not an abort (rc 134).</summary>
public sealed class ServeSettingsTests
{
    [Fact]
    public async Task Serve_with_a_bolt_address_exits_3_saying_what_to_change_without_the_password()
    {
        // act
        var result = await CliRun.RunAsync(
            "serve", "--store", "neo4j", "--SupplyGraph:Neo4j:Uri=bolt://neo4j:s3cret@127.0.0.1:7687", "--urls", "http://127.0.0.1:0")
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        // assert
        result.ExitCode.Should().Be(ExitCodes.StoreUnavailable, result.ToString());
        result.Error.Should().Contain("Bolt address").And.Contain("http://127.0.0.1:7474").And.NotContain("s3cret");
    }

    [Fact]
    public async Task Serve_with_a_user_and_password_but_no_scheme_exits_3_without_printing_the_password()
    {
        // act: the probe of issue 20 printed "neo4j:PASSWORD@127.0.0.1:7474" twice
        var result = await CliRun.RunAsync(
            "serve", "--store", "neo4j", "--SupplyGraph:Neo4j:Uri=neo4j:PASSWORD@127.0.0.1:7474", "--urls", "http://127.0.0.1:0")
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        // assert
        result.ExitCode.Should().Be(ExitCodes.StoreUnavailable, result.ToString());
        result.Error.Should().Contain("***@127.0.0.1:7474").And.Contain("no http:// or https://");
        (result.Out + result.Error).Should().NotContain("PASSWORD@").And.NotContain(":PASSWORD");
    }
}
