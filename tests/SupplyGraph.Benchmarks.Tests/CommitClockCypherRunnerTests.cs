using FluentAssertions;
using SupplyGraph.Benchmarks.Measurements;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Benchmarks.Tests;

public sealed class CommitClockCypherRunnerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_write_unit_notes_when_its_commit_returned_and_a_read_unit_does_not()
    {
        // arrange
        using var runner = new CommitClockCypherRunner(new FakeRunner());
        await runner.ExecuteAsync(AccessMode.Read, async (transaction, token) => await transaction.CommitAsync(token), Token);
        var beforeWrite = System.Diagnostics.Stopwatch.GetTimestamp();

        // act
        var afterRead = runner.LastWriteCommitTimestamp;
        await runner.ExecuteAsync(AccessMode.Write, async (transaction, token) =>
        {
            await transaction.RunAsync("UNWIND $rows AS row MERGE (entity:Entity {id: row.id})", cancellationToken: token);
            return await transaction.CommitAsync(token);
        }, Token);

        // assert
        afterRead.Should().BeNull();
        runner.LastWriteCommitTimestamp.Should().BeGreaterThanOrEqualTo(beforeWrite);
    }

    [Fact]
    public async Task A_write_rolled_back_notes_no_commit()
    {
        // arrange
        using var runner = new CommitClockCypherRunner(new FakeRunner());

        // act
        await using (var transaction = await runner.BeginAsync(AccessMode.Write, Token))
        {
            await transaction.RollbackAsync(Token);
        }

        // assert
        runner.LastWriteCommitTimestamp.Should().BeNull();
    }

    private sealed class FakeRunner : ICypherRunner
    {
        public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters, CypherRunOptions options, CancellationToken cancellationToken = default) =>
            Task.FromResult(CypherResult.Empty);

        public Task<ICypherTransaction> BeginAsync(AccessMode accessMode, CancellationToken cancellationToken = default) =>
            Task.FromResult<ICypherTransaction>(new FakeTransaction(accessMode));

        public async Task<T> ExecuteAsync<T>(AccessMode accessMode, Func<ICypherTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
        {
            await using var transaction = new FakeTransaction(accessMode);
            return await work(transaction, cancellationToken);
        }
    }

    private sealed class FakeTransaction(AccessMode accessMode) : ICypherTransaction
    {
        public AccessMode AccessMode => accessMode;

        public string? Id => "1";

        public DateTimeOffset? Expires => null;

        public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters = null, bool includeCounters = false, CancellationToken cancellationToken = default) =>
            Task.FromResult(CypherResult.Empty);

        public Task<IReadOnlyList<string>> CommitAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<string>>(["FB:bookmark"]);

        public Task<CypherResult> CommitAsync(string finalStatement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(CypherResult.Empty);

        public Task RollbackAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
