using FluentAssertions;
using SupplyGraph.Benchmarks.Measurements;
using SupplyGraph.Benchmarks.Workloads;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Embedded;

namespace SupplyGraph.Benchmarks.Tests;

public sealed class AnswerDigestTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_seed_case_digests_to_lines_and_two_stores_with_the_same_data_answer_alike()
    {
        // arrange
        using var first = await SeededAsync();
        using var second = await SeededAsync();

        // act
        var differences = new List<string>();
        foreach (var question in QuestionSubjects.For(BenchmarkSize.Seed))
        {
            var expected = await AnswerDigest.OfAsync(question, first, Token);
            var actual = await AnswerDigest.OfAsync(question, second, Token);
            expected.Lines.Should().NotBeEmpty(question.Name);
            if (AnswerDigest.Difference(expected, actual) is { } difference)
            {
                differences.Add($"{question.Name}: {difference}");
            }
        }

        // assert
        differences.Should().BeEmpty();
    }

    [Fact]
    public void A_different_partial_flag_is_a_difference_even_with_the_same_lines()
    {
        // arrange
        var embedded = new AnswerDigest(Partial: true, Explored: 10, ["(a)-[:USES]->(b)"]);
        var neo4j = embedded with { Partial = false };

        // act
        var difference = AnswerDigest.Difference(embedded, neo4j);

        // assert
        difference.Should().Be("partial yes in the embedded store, no in Neo4j");
    }

    [Fact]
    public void Lines_only_on_one_side_are_counted_and_the_first_is_named()
    {
        // arrange
        var embedded = new AnswerDigest(false, 10, ["exposed a", "exposed b"]);
        var neo4j = new AnswerDigest(false, 12, ["exposed a", "exposed c"]);

        // act
        var difference = AnswerDigest.Difference(embedded, neo4j);

        // assert
        difference.Should().Be("1 lines only in the embedded store (first: `exposed b`), 1 only in Neo4j (first: `exposed c`); explored 10 vs 12 relationships");
    }

    [Fact]
    public void The_same_lines_in_another_order_differ_and_a_different_explored_count_alone_does_not()
    {
        // arrange
        var embedded = new AnswerDigest(false, 10, ["a", "b"]);

        // act
        var reordered = AnswerDigest.Difference(embedded, embedded with { Lines = ["b", "a"] });
        var exploredOnly = AnswerDigest.Difference(embedded, embedded with { Explored = 11 });

        // assert
        reordered.Should().StartWith("the same 2 lines in another order");
        exploredOnly.Should().BeNull("the explored count only informs: the answer is what is compared");
    }

    private static async Task<EmbeddedGraphStore> SeededAsync()
    {
        var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true });
        await store.InitializeAsync(Token);
        await store.ImportAsync(SeedDataset.Load(), Token);
        return store;
    }
}
