using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FluentAssertions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Telemetry;
using SupplyGraph.Store.Neo4j.Tests.Contract;
using SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;
using Tags = SupplyGraph.Store.Neo4j.Telemetry.Neo4jStoreTelemetry.Tags;

namespace SupplyGraph.Store.Neo4j.Tests.Telemetry;

/// <summary>
/// The store's spans, as an OpenTelemetry SDK would receive them: one per statement (with its retries), per unit of
/// work and per request of a transaction, over recorded Query API exchanges; one per projection refresh, over the
/// in-memory stand-in.
/// </summary>
public sealed class Neo4jStoreSpanTests
{
    private const string Deadlock = "Neo.TransientError.Transaction.DeadlockDetected";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_statement_span_names_its_cypher_file_and_counts_rows_bytes_and_the_retry_the_pipeline_made()
    {
        // arrange: a deadlock first, then the answer
        var answer = Exchanges.Load("08-read-access-mode");
        var handler = new ReplayHandler()
            .AnswerError(HttpStatusCode.BadRequest, Deadlock, "ForsetiClient can't acquire lock")
            .Answer(answer);
        using var client = TestClient.For(handler);
        using var spans = SpanRecorder.Start();

        // act
        var result = await client.ReadAsync(CypherScripts.Statistics.Statement, null, Token);

        // assert
        var span = spans.Named(Neo4jStoreTelemetry.StatementSpan).Should().ContainSingle().Subject;
        span.Kind.Should().Be(ActivityKind.Client);
        span.GetTagItem(Tags.Statement).Should().Be("statistics");
        span.GetTagItem(Tags.DbSystem).Should().Be("neo4j");
        span.GetTagItem(Tags.Database).Should().Be("neo4j");
        span.GetTagItem(Tags.Rows).Should().Be(result.Rows.Count).And.Be(1);
        span.GetTagItem(Tags.Retries).Should().Be(1);
        ((long)span.GetTagItem(Tags.ReceivedBytes)!).Should().BeGreaterThan(
            Encoding.UTF8.GetByteCount(answer.Response.Body!.ToJsonString()), "the deadlock's answer is counted too");
        span.Events.Should().ContainSingle(e => e.Name == "neo4j.retry")
            .Which.Tags.Should().Contain(new KeyValuePair<string, object?>(Tags.ErrorType, Deadlock));
        span.Status.Should().Be(ActivityStatusCode.Unset);
        span.TagObjects.Select(tag => tag.Value?.ToString()).Should().NotContain(value => value != null && value.Contains("MATCH", StringComparison.Ordinal));
        handler.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_write_that_may_not_repeat_and_loses_its_connection_is_not_retried_and_its_span_says_why()
    {
        // arrange: sent, then the connection closed without an answer
        var handler = new ReplayHandler()
            .Fail(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.", new IOException("Connection reset by peer")))
            .Answer(Exchanges.Load("07-counters"));
        using var client = TestClient.For(handler);
        using var spans = SpanRecorder.Start();

        // act
        var act = () => client.WriteAsync("CREATE (x:QaFixture {id: 'once'})", cancellationToken: Token);

        // assert
        (await act.Should().ThrowAsync<Neo4jException>()).Which.OutcomeUnknown.Should().BeTrue();
        handler.Requests.Should().ContainSingle();
        var span = spans.Named(Neo4jStoreTelemetry.StatementSpan).Should().ContainSingle().Subject;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem(Tags.ErrorType).Should().Be(Neo4jClientErrorCodes.ConnectionFailed);
        span.GetTagItem(Tags.Retries).Should().Be(0);
        span.GetTagItem(Tags.Statement).Should().Be(CypherStatementNames.Other);
        span.Events.Should().BeEmpty();
    }

    [Fact]
    public async Task A_unit_of_work_has_a_span_per_transaction_request_and_counts_the_times_it_ran_again()
    {
        // arrange: open, then the connection is refused; rolled back; then open, run and commit as recorded
        var (handler, open, run) = DroppedConnectionScript.Create();
        using var client = TestClient.For(handler);
        using var spans = SpanRecorder.Start();

        // act
        await client.ExecuteAsync(
            AccessMode.Write,
            async (transaction, token) =>
            {
                await transaction.RunAsync(open.Statement, cancellationToken: token);
                await transaction.RunAsync(run.Statement, cancellationToken: token);
                return await transaction.CommitAsync(token);
            },
            Token);

        // assert
        var unit = spans.Named(Neo4jStoreTelemetry.UnitOfWorkSpan).Should().ContainSingle().Subject;
        unit.GetTagItem(Tags.Retries).Should().Be(1);
        unit.GetTagItem(Tags.AccessMode).Should().Be("Write");
        var requests = spans.Named(Neo4jStoreTelemetry.TransactionRequestSpan);
        requests.Select(span => $"{span.GetTagItem(Tags.Request)} {span.Status}").Should().Equal(
            "open Unset", "run Error", "rollback Unset", "open Unset", "run Unset", "commit Unset");
        requests.Should().OnlyContain(span => span.ParentSpanId == unit.SpanId && (string?)span.GetTagItem(Tags.DbSystem) == "neo4j");
        requests[1].GetTagItem(Tags.ErrorType).Should().Be(Neo4jClientErrorCodes.ConnectionFailed);
        requests[3].GetTagItem(Tags.Rows).Should().Be(1);
        ((long)requests[3].GetTagItem(Tags.ReceivedBytes)!).Should().BePositive();
    }

    [Fact]
    public async Task A_projection_refresh_span_carries_entities_relationships_bookmark_pages_and_duration()
    {
        // arrange: the stand-in server, read in pages of 7
        var seed = SeedDataset.Load();
        var server = new InMemoryQueryServer();
        using var store = new Neo4jGraphStore(
            server,
            new Neo4jStoreOptions
            {
                Connection = new Neo4jConnectionOptions { Uri = new Uri("http://stand-in:7474") },
                ProjectionPageSize = 7,
                ProjectionRefreshInterval = TimeSpan.Zero,
            });
        await store.InitializeAsync(Token);
        var pagesBefore = server.TopologyPagesRead + server.DocumentPagesRead;
        using var spans = SpanRecorder.Start();

        // act: the import reads the projection again once committed
        await store.ImportAsync(seed, Token);

        // assert
        var refreshes = spans.Named(Neo4jStoreTelemetry.ProjectionRefreshSpan);
        refreshes.Select(span => span.GetTagItem(Tags.ProjectionChanged)).Should().Equal(false, true);
        var read = refreshes[1];
        read.GetTagItem(Tags.ProjectionEntities).Should().Be(seed.Entities.Count);
        read.GetTagItem(Tags.ProjectionRelationships).Should().Be(seed.Relationships.Count);
        read.GetTagItem(Tags.ProjectionBookmark).Should().Be(server.LastCommit).And.Be(store.AnsweringAt);
        // The entities' pages and the document titles' (the seed's few fit one page).
        read.GetTagItem(Tags.ProjectionPages).Should().Be(server.TopologyPagesRead + server.DocumentPagesRead - pagesBefore).And.Be(seed.Entities.Count / 7 + 1 + 1);
        ((double)read.GetTagItem(Tags.ProjectionReadDuration)!).Should().BeInRange(0, read.Duration.TotalSeconds);
        refreshes[0].GetTagItem(Tags.ProjectionPages).Should().Be(0, "the bookmark had not moved before the import");
    }
}
