using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi;

/// <summary>
/// Every recorded exchange, replayed: the client must send the recorded request and read the recorded answer
/// (rows, or the recorded error code). A new recording without a scenario here fails, so none goes untested.
/// </summary>
public sealed class RecordedExchangeReplayTests
{
    private static readonly Dictionary<string, Scenario> Scenarios = new(StringComparer.Ordinal)
    {
        ["01-setup"] = Scenario.Write(),
        ["02-scalars-plain-json"] = Scenario.Write(),
        ["03-scalars-typed-json"] = Scenario.Write(),
        ["04-graph-plain-json"] = Scenario.Write(includeCounters: true),
        ["05-graph-typed-json"] = Scenario.Write(),
        ["06-parameters-typed-in"] = new((client, exchange, token) => client.RunAsync(
            exchange.Statement,
            new Dictionary<string, object?>
            {
                ["d"] = new DateOnly(2023, 10, 17),
                ["n"] = 9007199254740993L,
                ["list"] = new long[] { 1, 2 },
            },
            CypherRunOptions.Write,
            token)),
        ["07-counters"] = Scenario.Write(includeCounters: true),
        ["08-read-access-mode"] = Scenario.Read(),
        ["09-write-in-read-mode"] = Scenario.Read(),
        ["10-syntax-error"] = Scenario.Write(),
        ["11-missing-parameter"] = Scenario.Write(),
        ["12-unknown-label-warning"] = Scenario.Write(),
        ["13-type-error"] = Scenario.Write(),
        ["14-constraint-create"] = Scenario.Write(),
        ["15-constraint-violation"] = Scenario.Write(),
        ["16-division-by-zero"] = Scenario.Write(),
        ["17-wrong-password"] = Scenario.Write() with { Options = TestClient.Options with { Password = TestClient.WrongPassword } },
        ["18-no-auth-header"] = Scenario.Write() with { Options = TestClient.Options with { User = null, Password = null } },
        ["19-unknown-database"] = Scenario.Write() with { Options = TestClient.Options with { Database = "nosuchdb" } },

        // The recording sent an empty body; the client refuses an empty statement before sending anything.
        ["20-bad-json-body"] = new((client, _, token) => client.RunAsync("", null, CypherRunOptions.Write, token))
        {
            RejectedBeforeSending = true,
        },
        ["21-tx-open"] = new(async (client, exchange, token) =>
        {
            var transaction = await client.BeginAsync(AccessMode.Write, token);
            return await transaction.RunAsync(exchange.Statement, cancellationToken: token);
        }),
        ["22-tx-run-in-open"] = Scenario.InOpenTransaction("21-tx-open", (transaction, exchange, token) =>
            transaction.RunAsync(exchange.Statement, cancellationToken: token)),
        ["23-tx-commit"] = Scenario.InOpenTransaction("21-tx-open", (transaction, exchange, token) =>
            transaction.CommitAsync(exchange.Statement, cancellationToken: token)),
        ["24-tx-use-after-commit"] = Scenario.InOpenTransaction("21-tx-open", (transaction, exchange, token) =>
            transaction.RunAsync(exchange.Statement, cancellationToken: token)),
        ["25-tx-open-for-rollback"] = new(async (client, exchange, token) =>
        {
            var transaction = await client.BeginAsync(AccessMode.Write, token);
            return await transaction.RunAsync(exchange.Statement, cancellationToken: token);
        }),
        ["26-tx-rollback"] = Scenario.InOpenTransaction("25-tx-open-for-rollback", async (transaction, _, token) =>
        {
            await transaction.RollbackAsync(token);
            return CypherResult.Empty;
        }),
        ["27-tx-after-rollback-nothing-stored"] = Scenario.Write(),

        // The server answers a transaction id no client had: the recorded open answer, renumbered.
        ["28-tx-unknown-id"] = Scenario.InOpenTransaction(
            "21-tx-open",
            (transaction, exchange, token) => transaction.RunAsync(exchange.Statement, cancellationToken: token),
            openAnswer => openAnswer["transaction"]!["id"] = "999999"),
        ["29-unwind-batch-write"] = new((client, exchange, token) => client.RunAsync(
            exchange.Statement,
            new Dictionary<string, object?>
            {
                ["rows"] = Enumerable.Range(0, 3)
                    .Select(i => new Dictionary<string, object?> { ["id"] = $"qa-b{i}", ["name"] = $"Batch {i}" })
                    .ToList(),
            },
            CypherRunOptions.Write with { IncludeCounters = true },
            token)),
        ["30-bookmarks-passed"] = Scenario.Write(),
        ["31-cleanup"] = Scenario.Write(),
        ["32-cleanup-constraint"] = Scenario.Write(),
    };

    public static TheoryData<string> AllExchanges => [.. Exchanges.AllNames()];

    [Fact]
    public void The_shared_folder_holds_the_recorded_exchanges()
    {
        // arrange
        var names = Exchanges.AllNames();

        // act
        var unknown = names.Where(name => !Scenarios.ContainsKey(name)).ToList();

        // assert
        names.Should().HaveCountGreaterThanOrEqualTo(32);
        unknown.Should().BeEmpty("every recorded exchange needs a replay scenario in this class");
    }

    [Theory]
    [MemberData(nameof(AllExchanges))]
    public async Task Client_sends_the_recorded_request_and_reads_the_recorded_answer(string name)
    {
        // arrange
        Scenarios.Should().ContainKey(name, "a new recording needs a replay scenario");
        var scenario = Scenarios[name];
        var exchange = Exchanges.Load(name);
        var handler = new ReplayHandler();
        if (scenario.OpenedBy is { } opener)
        {
            handler.Answer(Exchanges.Load(opener), scenario.EditOpenAnswer);
        }

        handler.Answer(exchange);
        using var client = TestClient.For(handler, scenario.Options);

        // act
        CypherResult? result = null;
        var failure = await Record.ExceptionAsync(async () =>
            result = await scenario.Act(client, exchange, TestContext.Current.CancellationToken));

        // assert
        if (scenario.RejectedBeforeSending)
        {
            failure.Should().BeAssignableTo<ArgumentException>();
            handler.Requests.Should().BeEmpty();
            return;
        }

        handler.Requests.Should().HaveCount(scenario.OpenedBy is null ? 1 : 2, "nothing is retried or sent twice");
        handler.LastRequest.ShouldMatch(exchange);
        var recorded = exchange.Response;
        if (recorded.FirstErrorCode is { } code)
        {
            var error = failure.Should().BeOfType<Neo4jException>().Subject;
            error.Code.Should().Be(code);
            error.HttpStatus.Should().Be((HttpStatusCode)recorded.Status);
            return;
        }

        failure.Should().BeNull();
        var data = recorded.Body?["data"];
        result!.Fields.Should().Equal(data?["fields"]?.AsArray().Select(field => field!.GetValue<string>()) ?? []);
        result.Rows.Should().HaveCount(data?["values"]?.AsArray().Count ?? 0);
        result.Bookmarks.Should().Equal(recorded.Body?["bookmarks"]?.AsArray().Select(b => b!.GetValue<string>()) ?? []);
        (result.Counters is not null).Should().Be(recorded.Body?["counters"] is not null);
    }

    private sealed record Scenario(Func<QueryApiClient, RecordedExchange, CancellationToken, Task<CypherResult>> Act)
    {
        public Neo4jConnectionOptions? Options { get; init; }

        /// <summary>The exchange whose answer opens the transaction the recorded request runs in.</summary>
        public string? OpenedBy { get; init; }

        public Action<JsonNode>? EditOpenAnswer { get; init; }

        public bool RejectedBeforeSending { get; init; }

        public static Scenario Write(bool includeCounters = false) => new((client, exchange, token) =>
            client.RunAsync(exchange.Statement, null, CypherRunOptions.Write with { IncludeCounters = includeCounters }, token));

        public static Scenario Read() => new((client, exchange, token) =>
            client.RunAsync(exchange.Statement, null, CypherRunOptions.Read, token));

        public static Scenario InOpenTransaction(
            string openedBy,
            Func<ICypherTransaction, RecordedExchange, CancellationToken, Task<CypherResult>> act,
            Action<JsonNode>? editOpenAnswer = null) =>
            new(async (client, exchange, token) =>
            {
                var transaction = await client.BeginAsync(AccessMode.Write, token);
                await transaction.RunAsync(Exchanges.Load(openedBy).Statement, cancellationToken: token);
                return await act(transaction, exchange, token);
            })
            {
                OpenedBy = openedBy,
                EditOpenAnswer = editOpenAnswer,
            };
    }
}
