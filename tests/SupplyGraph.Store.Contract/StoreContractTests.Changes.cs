using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Generator;

namespace SupplyGraph.Store.Contract;

/// <summary>
/// The changes question: exactly the set differences of the store's own supplyChain and exportControls answers on
/// the two days, computed here by hand, on the seed and on a generated S graph.
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly DateOnly BeforeTheOctober2023Rule = new(2023, 6, 1);
    private static readonly DateOnly NewYear2026 = new(2026, 1, 1);

    [Fact]
    public async Task Changes_of_DeepSeek_from_June_2023_to_2026_are_the_differences_of_its_answers_and_the_October_2023_rule_enters()
    {
        // arrange
        var store = await StoreWith(Seed);
        var question = ChangesQuestion.Create("DeepSeek", BeforeTheOctober2023Rule, NewYear2026);

        // act
        var answer = await store.ChangesAsync(question, Token);

        // assert
        answer.Entity.Id.Should().Be(DeepSeek);
        (answer.From, answer.To).Should().Be((BeforeTheOctober2023Rule, NewYear2026));
        await ShouldBeTheDifferences(store, answer, "deepseek", maxHops: null);
        answer.Entered.Regulations.Select(regulation => regulation.Id).Should().Contain(October2023Rule);
        answer.Left.Regulations.Select(regulation => regulation.Id).Should().NotContain(October2023Rule);
        answer.Should().BeEquivalentTo(Reference.Changes(question), options => options.WithStrictOrdering().Excluding(changes => changes.AnsweredAt));
    }

    [Fact]
    public async Task Changes_on_a_generated_S_graph_are_the_differences_of_the_answers_on_the_two_days()
    {
        // arrange
        using var generated = new MemoryStream();
        SyntheticSupplyChain.Write(generated, new GeneratorOptions { Entities = GeneratorOptions.S, Seed = 5 }, Token);
        var dataset = DatasetReader.Read(generated.ToArray(), "generated-s.json");
        var store = await StoreWith(dataset);
        var degree = dataset.Relationships.SelectMany(relationship => new[] { relationship.From, relationship.To }).CountBy(id => id).ToDictionary();
        var labs = dataset.Entities.OfType<Actor>().Where(actor => actor.Category == ActorCategory.AiLab).OrderByDescending(lab => degree.GetValueOrDefault(lab.Id)).ThenBy(lab => lab.Id, StringComparer.Ordinal).ToList();
        var asked = labs.Take(3).Select(lab => lab.Id).Concat(dataset.Entities.Where((_, index) => index % 2_000 == 1).Select(entity => entity.Id)).ToList();
        var changed = 0;

        foreach (var entity in asked)
        {
            // act
            var answer = await store.ChangesAsync(ChangesQuestion.Create(entity, BeforeTheOctober2023Rule, NewYear2026, maxHops: 4), Token);

            // assert
            await ShouldBeTheDifferences(store, answer, entity, maxHops: 4);
            changed += answer.Entered.IsEmpty && answer.Left.IsEmpty ? 0 : 1;
        }

        changed.Should().BePositive("a generated graph's relationships and rules start and end over the years, so something changes");
    }

    [Fact]
    public async Task Changes_between_a_day_and_itself_are_none_and_a_later_from_is_refused_naming_from()
    {
        // arrange
        var store = await StoreWith(Seed);

        // act
        var none = await store.ChangesAsync(ChangesQuestion.Create(DeepSeek, NewYear2026, NewYear2026), Token);
        var backwards = () => ChangesQuestion.Create(DeepSeek, NewYear2026, BeforeTheOctober2023Rule);

        // assert
        none.Entered.IsEmpty.Should().BeTrue();
        none.Left.IsEmpty.Should().BeTrue();
        backwards.Should().Throw<InvalidArgumentException>().Which.Argument.Should().Be("from");
    }

    /// <summary>Asks the store supplyChain and exportControls on both days and checks each side of the answer is their difference, in their order.</summary>
    private static async Task ShouldBeTheDifferences(IGraphQueries store, ChangesAnswer answer, string entity, int? maxHops)
    {
        var chainFrom = await store.SupplyChainAsync(new SupplyChainQuestion(entity, TraversalOptions.Create(answer.From, maxHops)), Token);
        var chainTo = await store.SupplyChainAsync(new SupplyChainQuestion(entity, TraversalOptions.Create(answer.To, maxHops)), Token);
        var controlsFrom = await store.ExportControlsAsync(new ExportControlsQuestion(entity, TraversalOptions.Create(answer.From, maxHops)), Token);
        var controlsTo = await store.ExportControlsAsync(new ExportControlsQuestion(entity, TraversalOptions.Create(answer.To, maxHops)), Token);
        List<string> Members(SupplyChainAnswer chain) => [.. chain.Stages.SelectMany(stage => stage.Entities.Select(member => $"{stage.Stage}/{member.Id}"))];
        List<string> Keys(SupplyChainAnswer chain) => [.. chain.Relationships.Select(relationship => relationship.Record.Key)];
        List<string> Rules(ExportControlsAnswer controls) => [.. controls.Hits.Select(hit => hit.Regulation.Id)];

        answer.Entered.Entities.Select(member => $"{member.Stage}/{member.Entity.Id}").Should().Equal(Members(chainTo).Except(Members(chainFrom)), entity);
        answer.Left.Entities.Select(member => $"{member.Stage}/{member.Entity.Id}").Should().Equal(Members(chainFrom).Except(Members(chainTo)), entity);
        answer.Entered.Relationships.Select(relationship => relationship.Record.Key).Should().Equal(Keys(chainTo).Except(Keys(chainFrom)), entity);
        answer.Left.Relationships.Select(relationship => relationship.Record.Key).Should().Equal(Keys(chainFrom).Except(Keys(chainTo)), entity);
        answer.Entered.Regulations.Select(regulation => regulation.Id).Should().Equal(Rules(controlsTo).Except(Rules(controlsFrom)), entity);
        answer.Left.Regulations.Select(regulation => regulation.Id).Should().Equal(Rules(controlsFrom).Except(Rules(controlsTo)), entity);
        answer.Partial.Should().Be(chainFrom.Partial || chainTo.Partial || controlsFrom.Partial || controlsTo.Partial, entity);
    }
}
