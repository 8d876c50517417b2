using FluentAssertions;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Store.Neo4j.Tests.Contract;

/// <summary>A walk reads at most its budget of relationships from Neo4j, and an answer cut by it says partial.</summary>
[Collection(Neo4jServerCollection.Name)]
public sealed class Neo4jReadBudgetTests(Neo4jServerFixture server)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_walk_past_its_read_budget_answers_what_it_read_as_partial()
    {
        // arrange
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        var full = await server.EmptyStoreAsync(Token);
        await full.ImportAsync(SeedDataset.Load(), Token);
        using var budgeted = Neo4jGraphStore.Connect(new Neo4jStoreOptions { Connection = server.Connection!, WalkReadBudget = 30 });
        var question = new ExportControlsQuestion("deepseek", TraversalOptions.Create(asOf: new DateOnly(2025, 6, 1)));

        // act
        var whole = await full.ExportControlsAsync(question, Token);
        var cut = await budgeted.ExportControlsAsync(question, Token);

        // assert
        whole.Partial.Should().BeFalse();
        cut.Explored.CutBy.Should().Contain(TraversalLimit.ExplorationBudget);
        cut.Explored.Entities.Should().BeLessThan(whole.Explored.Entities);
        whole.Hits.SelectMany(hit => hit.Paths).Select(path => path.Summary)
            .Should().Contain(cut.Hits.SelectMany(hit => hit.Paths).Select(path => path.Summary), "what a cut walk finds is there in the whole one");
    }
}
