using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Testing;

namespace SupplyGraph.Domain.Tests.Questions;

internal static class QuestionsFixture
{
    /// <summary>"Today" for tests without a date: after every relationship in the sample chain starts.</summary>
    public static readonly DateOnly Today = new(2026, 1, 15);

    public static GraphQuestions SampleChain()
    {
        var dataset = Testing.SampleChain.Build();
        return new GraphQuestions(GraphIndex.Build(dataset.Entities, dataset.Relationships), new FixedClock(Today));
    }

    private sealed class FixedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
