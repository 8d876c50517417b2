using FluentAssertions;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Neo4j.Tests.Contract;

/// <summary>What only the Neo4j store decides about citations: keys for databases imported before, and search's LIMIT.</summary>
[Collection(Neo4jServerCollection.Name)]
public sealed class Neo4jCitationKeysTests(Neo4jServerFixture server)
{
    private const string October2023Rule = "us-bis-2023-10-advanced-computing";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_database_imported_before_citations_resolved_gets_their_keys_at_start()
    {
        // arrange: the seed as an earlier version stored it, without citationKeys
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        var store = await server.EmptyStoreAsync(Token);
        await store.ImportAsync(SeedDataset.Load(), Token);
        using var client = QueryApiClient.Create(server.Connection!);
        await client.WriteAsync("MATCH (regulation:Regulation) REMOVE regulation.citationKeys", null, idempotent: true, Token);
        var before = await ResolvesAsync(store, "88FR73458");

        // act
        await store.InitializeAsync(Token);

        // assert
        before.Should().BeFalse("without citationKeys a loosely written citation finds nothing");
        (await store.ResolveAsync("88FR73458", Token)).Id.Should().Be(October2023Rule);
        var missing = await client.ReadAsync(CypherScripts.RegulationsWithoutCitationKeys.Statement, new Dictionary<string, object?> { ["limit"] = 10L }, Token);
        missing.Rows.Should().BeEmpty();
    }

    [Fact]
    public async Task Search_cypher_orders_an_exact_citation_before_its_limit_cuts()
    {
        // arrange: more entities containing the text than the limit lets through, the exact one last by id and name
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        var store = await server.EmptyStoreAsync(Token);
        var builder = new DatasetBuilder("crowded");
        for (var i = 0; i < 20; i++)
        {
            builder.Actor($"a-{i:D2}", ActorCategory.Equipment, $"A 88 FR 73458 {i:D2}");
        }

        await store.ImportAsync(builder.CitedRegulation("zz-rule", "88 FR 73458", "Zz rule").Build(), Token);
        using var client = QueryApiClient.Create(server.Connection!);

        // act
        var result = await client.ReadAsync(
            CypherScripts.Search.Statement,
            new Dictionary<string, object?> { ["keys"] = ReferenceKeys.Of("88fr73458").ToList(), ["kinds"] = null, ["limit"] = 3L },
            Token);

        // assert
        result.Rows.Should().HaveCount(3);
        result.Rows[0].Get<CypherNode>("entity").Properties["id"].Should().Be("zz-rule");
    }

    private static async Task<bool> ResolvesAsync(ISupplyGraphStore store, string reference)
    {
        try
        {
            await store.ResolveAsync(reference, Token);
            return true;
        }
        catch (EntityNotFoundException)
        {
            return false;
        }
    }
}
