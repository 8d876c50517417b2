using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.Contract;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Neo4j.Tests.Analyst;

/// <summary>
/// The claim of cypher/seed.cypher: an analyst who pastes schema.cypher and seed.cypher into Neo4j Browser gets the
/// seed's document titles as <c>(:Document)</c> nodes (the check query of cypher/README.md lists them), running it
/// twice duplicates none, and the service over that database shows the same titles beside its sources.
/// Skipped, with the reason, where no server is named (SUPPLYGRAPH_NEO4J_URI) or started.
/// </summary>
[Collection(Neo4jServerCollection.Name)]
public sealed class SeedCypherTests(Neo4jServerFixture server)
{
    /// <summary>The check cypher/README.md gives an analyst after loading the seed.</summary>
    internal const string DocumentsCheck = "MATCH (document:Document) RETURN document.document AS document, document.title AS title ORDER BY document";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_seed_cypher_run_twice_gives_each_seed_document_its_title_once_and_the_service_shows_them()
    {
        // arrange
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        var seed = SeedDataset.Load();
        var store = await server.EmptyStoreAsync(Token);
        var statements = CypherScript.FromText("seed", await File.ReadAllTextAsync(RepositoryPaths.Combine("cypher", "seed.cypher"), Token)).Statements;
        using var client = QueryApiClient.Create(server.Connection!);

        // act: as pasted into Neo4j Browser, twice
        for (var run = 0; run < 2; run++)
        {
            foreach (var statement in statements)
            {
                await client.WriteAsync(statement, null, idempotent: true, Token);
            }
        }

        var rows = (await client.ReadAsync(DocumentsCheck, null, Token)).Rows;
        await store.InitializeAsync(Token);
        var titles = (IDocumentTitles)store;

        // assert
        seed.Documents.Should().NotBeEmpty("the seed titles its seed documents");
        rows.Select(row => (row.Get<string>("document"), row.Get<string>("title"))).Should().Equal(
            seed.Documents.OrderBy(document => document.Document, StringComparer.Ordinal).Select(document => (document.Document, document.Title)));
        seed.Documents.Select(document => titles.FindTitle(document.Document)).Should().Equal(seed.Documents);
    }
}
