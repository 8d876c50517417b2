using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi;

/// <summary>
/// Units of work (<see cref="ICypherRunner.ExecuteAsync{T}"/>) run again whole, in a new transaction, after a
/// transient failure anywhere in them; sessions keep bookmarks of their own.
/// </summary>
public sealed class UnitOfWorkTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_unit_whose_second_statement_loses_its_connection_runs_again_from_its_first_statement()
    {
        // arrange: open, then the connection drops; then open, run and commit as recorded
        var (handler, open, run) = DroppedConnectionScript.Create();
        using var client = TestClient.For(handler);
        var tries = 0;

        // act
        var bookmarks = await client.ExecuteAsync(
            AccessMode.Write,
            async (transaction, token) =>
            {
                tries++;
                await transaction.RunAsync(open.Statement, cancellationToken: token);
                await transaction.RunAsync(run.Statement, cancellationToken: token);
                return await transaction.CommitAsync(token);
            },
            Token);

        // assert
        tries.Should().Be(2);
        handler.Requests.Select(request => $"{request.Method} {request.Path}").Should().Equal(
            "POST /db/neo4j/query/v2/tx",
            "POST /db/neo4j/query/v2/tx/6e80",
            "DELETE /db/neo4j/query/v2/tx/6e80",
            "POST /db/neo4j/query/v2/tx",
            "POST /db/neo4j/query/v2/tx/6e80",
            "POST /db/neo4j/query/v2/tx/6e80/commit");
        bookmarks.Should().Equal("FB:kcwQSwmuz5jjQAGwS2gLRlELmMkA/5A=");
    }

    [Fact]
    public async Task A_unit_that_meets_an_error_of_its_own_is_not_run_again()
    {
        // arrange
        var syntaxError = Exchanges.Load("10-syntax-error");
        var handler = new ReplayHandler().Answer(syntaxError);
        using var client = TestClient.For(handler);
        var tries = 0;

        // act
        var act = () => client.ExecuteAsync(AccessMode.Read, async (transaction, token) =>
        {
            tries++;
            return await transaction.RunAsync(syntaxError.Statement, cancellationToken: token);
        }, Token);

        // assert
        (await act.Should().ThrowAsync<Neo4jException>()).Which.Code.Should().Be("Neo.ClientError.Statement.SyntaxError");
        tries.Should().Be(1);
    }

    [Fact]
    public async Task A_unit_stops_being_retried_once_its_retry_time_is_spent()
    {
        // arrange: the server stays unreachable
        var handler = new ReplayHandler();
        for (var i = 0; i < 50; i++)
        {
            handler.Fail(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        }

        using var client = TestClient.For(handler, TestClient.Options with { MaxTransactionRetryTime = TimeSpan.FromMilliseconds(300) });
        var tries = 0;

        // act
        var act = () => client.ExecuteAsync(AccessMode.Read, async (transaction, token) =>
        {
            tries++;
            return await transaction.RunAsync("RETURN 1", cancellationToken: token);
        }, Token);

        // assert
        (await act.Should().ThrowAsync<Neo4jException>()).Which.Code.Should().Be(Neo4jClientErrorCodes.ConnectionFailed);
        tries.Should().BeInRange(2, 49, "it tries again while the retry time lasts, then gives up");
    }

    [Fact]
    public async Task Each_session_carries_its_own_bookmarks()
    {
        // arrange
        var (write, read) = (Exchanges.Load("29-unwind-batch-write"), Exchanges.Load("30-bookmarks-passed"));
        var handler = new ReplayHandler().Answer(write).Answer(read).Answer(read);
        using var client = TestClient.For(handler);
        var writer = client.StartSession();
        var other = client.StartSession();
        var rows = new List<object?> { new Dictionary<string, object?> { ["id"] = "qa-b0", ["name"] = "Batch 0" } };
        await writer.RunAsync(write.Statement, new Dictionary<string, object?> { ["rows"] = rows }, CypherRunOptions.Write, Token);

        // act
        await other.RunAsync(read.Statement, null, CypherRunOptions.Read, Token);
        var otherSent = handler.LastRequest.Json!["bookmarks"];
        await client.StartSession(writer.Bookmarks).RunAsync(read.Statement, null, CypherRunOptions.Read, Token);

        // assert
        otherSent.Should().BeNull("a session does not wait on another session's writes");
        handler.LastRequest.Json!["bookmarks"]!.AsArray().Select(b => b!.GetValue<string>()).Should().Equal(writer.Bookmarks);
        client.Bookmarks.Should().BeEmpty("the client's own session committed nothing");
    }
}
