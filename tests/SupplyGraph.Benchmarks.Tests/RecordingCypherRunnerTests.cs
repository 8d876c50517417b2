using FluentAssertions;
using SupplyGraph.Benchmarks.Measurements;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Benchmarks.Tests;

public sealed class RecordingCypherRunnerTests
{
    [Fact]
    public async Task The_statements_a_call_sent_are_sent_again_the_same_to_the_bare_runner()
    {
        // arrange
        var store = new CountingRunner();
        var bare = new CountingRunner();
        using var recorder = new RecordingCypherRunner(store);
        await recorder.RunAsync("MATCH (n) RETURN n", new Dictionary<string, object?> { ["id"] = "deepseek" }, CypherRunOptions.Read, TestContext.Current.CancellationToken);
        await recorder.RunAsync("RETURN 1", null, CypherRunOptions.Read, TestContext.Current.CancellationToken);

        // act
        await RecordingCypherRunner.ReplayAsync(bare, recorder.Recorded, TestContext.Current.CancellationToken);

        // assert
        store.Sent.Should().HaveCount(2);
        bare.Sent.Should().Equal(store.Sent);
    }

    private sealed class CountingRunner : ICypherRunner
    {
        public List<string> Sent { get; } = [];

        public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters, CypherRunOptions options, CancellationToken cancellationToken = default)
        {
            Sent.Add($"{statement} {string.Join(",", parameters?.Select(pair => $"{pair.Key}={pair.Value}") ?? [])} {options.AccessMode}");
            return Task.FromResult(CypherResult.Empty);
        }

        public Task<ICypherTransaction> BeginAsync(AccessMode accessMode, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<T> ExecuteAsync<T>(AccessMode accessMode, Func<ICypherTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
