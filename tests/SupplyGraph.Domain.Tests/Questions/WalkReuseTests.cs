using FluentAssertions;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Testing;

namespace SupplyGraph.Domain.Tests.Questions;

/// <summary>Walks reuse per-node arrays between questions; these check no answer sees another's marks.</summary>
public sealed class WalkReuseTests
{
    private static readonly TraversalOptions AsOf2026 = TraversalOptions.Create(asOf: new DateOnly(2026, 1, 1));

    [Fact]
    public void Asking_questions_again_and_in_between_others_gives_the_same_answers()
    {
        // arrange
        var questions = QuestionsFixture.SampleChain();
        var first = Describe(questions);

        // act
        var again = Enumerable.Range(0, 5).Select(_ => Describe(questions)).ToList();

        // assert
        again.Should().AllBeEquivalentTo(first);
    }

    [Fact]
    public async Task Questions_asked_at_the_same_time_give_the_same_answers()
    {
        // arrange
        var questions = QuestionsFixture.SampleChain();
        var expected = Describe(questions);

        // act
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Describe(questions), TestContext.Current.CancellationToken)));

        // assert
        answers.Should().AllBeEquivalentTo(expected);
    }

    [Fact]
    public void Routes_of_equal_standing_are_ordered_by_their_ids_joined_as_text()
    {
        // arrange: "a-1>t" sorts before "a>t" as text ('-' < '>'), though "a" sorts before "a-1" as an id.
        var dataset = new DatasetBuilder()
            .Actor("s", ActorCategory.AiLab)
            .Actor("a", ActorCategory.Investor)
            .Actor("a-1", ActorCategory.Investor)
            .Actor("t", ActorCategory.Investor)
            .Link("s", RelationshipType.BackedBy, "a")
            .Link("s", RelationshipType.BackedBy, "a-1")
            .Link("a", RelationshipType.BackedBy, "t")
            .Link("a-1", RelationshipType.BackedBy, "t")
            .Build();
        var questions = new GraphQuestions(GraphIndex.Build(dataset.Entities, dataset.Relationships), TimeProvider.System);

        // act
        var answer = questions.Paths(new PathsQuestion("s", "t", null, AsOf2026));

        // assert
        answer.Paths.Select(path => string.Join(">", path.Entities.Skip(1).Select(entity => entity.Id)))
            .Should().Equal("a-1>t", "a>t");
    }

    private static List<string> Describe(GraphQuestions questions)
    {
        var lines = new List<string>();
        foreach (var entity in questions.Graph.Entities)
        {
            var chain = questions.SupplyChain(new SupplyChainQuestion(entity.Id, AsOf2026));
            lines.Add($"{entity.Id} chain {string.Join(",", chain.Stages.SelectMany(stage => stage.Entities).Select(found => found.Id))} {chain.Explored}");
            var controls = questions.ExportControls(new ExportControlsQuestion(entity.Id, AsOf2026));
            lines.Add($"{entity.Id} controls {string.Join(";", controls.Hits.Select(hit => hit.Regulation.Id + ":" + string.Join("|", hit.Paths.Select(Text))))}");
            if (entity is Regulation)
            {
                var exposure = questions.Exposure(new ExposureQuestion(entity.Id, AsOf2026));
                lines.Add($"{entity.Id} exposure {string.Join(";", exposure.Exposed.Select(item => item.Entity.Id + ":" + string.Join("|", item.Paths.Select(Text))))}");
            }
        }

        return lines;

        static string Text(GraphPath path) => string.Join(">", path.Entities.Select(entity => entity.Id));
    }
}
