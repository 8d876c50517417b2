using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Testing;

namespace SupplyGraph.Api.Tests.GraphQL;

/// <summary>
/// The whole schema, descriptions included, printed and compared with the checked-in
/// <c>src/SupplyGraph.Api/GraphQL/schema.graphql</c> (the published contract: GraphiQL bundles it, clients can generate
/// code from it), so every change to the API's contract shows in review.
/// SUPPLYGRAPH_UPDATE_SNAPSHOTS=1 rewrites the snapshot instead of failing.
/// </summary>
[Collection(SmallGraphCollection.Name)]
public sealed class SchemaSnapshotTests(SmallGraphHost host)
{
    private static readonly string SnapshotPath = RepositoryPaths.Combine("src", "SupplyGraph.Api", "GraphQL", "schema.graphql");

    [Fact]
    public void The_printed_schema_is_the_checked_in_snapshot()
    {
        // arrange
        var schema = host.Factory.Services.GetRequiredService<ISchema>();

        // act
        var printed = schema.Print(new PrintOptions { IncludeDescriptions = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";

        // assert
        if (Environment.GetEnvironmentVariable("SUPPLYGRAPH_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(SnapshotPath, printed);
            return;
        }

        File.Exists(SnapshotPath).Should().BeTrue($"{SnapshotPath} holds the schema; run the tests with SUPPLYGRAPH_UPDATE_SNAPSHOTS=1 to write it");
        printed.Should().Be(
            File.ReadAllText(SnapshotPath).ReplaceLineEndings("\n"),
            "the schema changed: if that is meant, run the tests with SUPPLYGRAPH_UPDATE_SNAPSHOTS=1 and commit src/SupplyGraph.Api/GraphQL/schema.graphql");
    }
}
