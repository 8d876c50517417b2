using FluentAssertions;
using SupplyGraph.Benchmarks.Workloads;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;
using SupplyGraph.Generator;
using SupplyGraph.Store.Embedded;

namespace SupplyGraph.Benchmarks.Tests;

public sealed class QuestionSubjectsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_case_of_a_generated_size_names_entities_that_exist_and_hubs_explore_more_than_leaves()
    {
        // arrange: the S layout, at a tenth of its size so the test stays quick
        var size = new BenchmarkSize("test", new GeneratorOptions { Entities = 2_000 });
        using var buffer = new MemoryStream();
        SyntheticSupplyChain.Write(buffer, size.Generated!);
        using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true });
        await store.InitializeAsync(Token);
        await store.ImportAsync(DatasetReader.Read(buffer.ToArray(), "test.json"), Token);

        // act
        var explored = new Dictionary<string, long>();
        foreach (var question in QuestionSubjects.For(size))
        {
            explored[question.Name] = (await question.AskAsync(store, Token)).Explored;
        }

        // assert
        explored.Should().HaveCount(8);
        explored["supplyChain hub lab"].Should().BeGreaterThan(explored["supplyChain leaf lab"]);
        explored["exposure hub regulation"].Should().BeGreaterThan(explored["exposure leaf regulation"]);
    }

    [Fact]
    public async Task Every_seed_case_is_answered()
    {
        // arrange
        using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true });
        await store.InitializeAsync(Token);
        await store.ImportAsync(SeedDataset.Load(), Token);

        // act
        var explored = new List<long>();
        foreach (var question in QuestionSubjects.For(BenchmarkSize.Seed))
        {
            explored.Add((await question.AskAsync(store, Token)).Explored);
        }

        // assert
        explored.Should().HaveCount(8).And.OnlyContain(count => count > 0);
    }

    [Fact]
    public void A_size_is_seed_S_M_L_or_a_number_and_anything_else_is_refused()
    {
        BenchmarkSize.Parse("seed").IsSeed.Should().BeTrue();
        BenchmarkSize.Parse("m").Generated!.Entities.Should().Be(GeneratorOptions.M);
        BenchmarkSize.Parse("25000").Generated!.Entities.Should().Be(25_000);
        var bad = () => BenchmarkSize.Parse("XL");
        bad.Should().Throw<ArgumentException>().WithMessage("*XL*");
    }
}
