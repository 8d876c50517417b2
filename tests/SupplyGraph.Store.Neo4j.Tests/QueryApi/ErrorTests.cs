using System.Net;
using System.Text;
using FluentAssertions;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi;

/// <summary>Every failure surfaces as a <see cref="Neo4jException"/> with Neo4j's code, never as a bare HTTP error.</summary>
public sealed class ErrorTests
{
    private static async Task<Neo4jException> FailureOf(
        string exchangeName,
        Neo4jConnectionOptions? options = null,
        CypherRunOptions? runOptions = null)
    {
        var exchange = Exchanges.Load(exchangeName);
        var handler = new ReplayHandler().Answer(exchange);
        using var client = TestClient.For(handler, options);
        var act = () => client.RunAsync(exchange.Statement, null, runOptions ?? CypherRunOptions.Write, TestContext.Current.CancellationToken);
        var error = (await act.Should().ThrowAsync<Neo4jException>()).Which;
        handler.Requests.Should().ContainSingle("a client error is not retried");
        return error;
    }

    [Theory]
    [InlineData("09-write-in-read-mode", "Neo.ClientError.Statement.AccessMode", "Writing in read access mode not allowed*")]
    [InlineData("10-syntax-error", "Neo.ClientError.Statement.SyntaxError", "Invalid input 'RETRN'*")]
    [InlineData("11-missing-parameter", "Neo.ClientError.Statement.ParameterMissing", "Expected parameter(s): id")]
    [InlineData("13-type-error", "Neo.ClientError.Statement.SyntaxError", "Type mismatch*")]
    [InlineData("15-constraint-violation", "Neo.ClientError.Schema.ConstraintValidationFailed", "*already exists*")]
    public async Task A_400_answer_carries_the_neo4j_code_and_message(string exchangeName, string code, string message)
    {
        // arrange
        var runOptions = exchangeName.StartsWith("09", StringComparison.Ordinal) ? CypherRunOptions.Read : CypherRunOptions.Write;

        // act
        var error = await FailureOf(exchangeName, runOptions: runOptions);

        // assert
        error.Code.Should().Be(code);
        error.Message.Should().Match(message);
        error.HttpStatus.Should().Be(HttpStatusCode.BadRequest);
        error.IsRetryable.Should().BeFalse();
    }

    [Fact]
    public async Task An_error_inside_an_accepted_202_answer_still_fails_the_statement()
    {
        // arrange
        const string exchange = "16-division-by-zero";

        // act
        var error = await FailureOf(exchange);

        // assert
        error.Code.Should().Be("Neo.ClientError.Statement.ArithmeticError");
        error.Message.Should().Be("/ by zero");
        error.HttpStatus.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Wrong_password_names_the_user_and_what_to_check()
    {
        // arrange
        var options = TestClient.Options with { User = "supplygraph", Password = TestClient.WrongPassword };

        // act
        var error = await FailureOf("17-wrong-password", options);

        // assert
        error.Code.Should().Be("Neo.ClientError.Security.Unauthorized");
        error.HttpStatus.Should().Be(HttpStatusCode.Unauthorized);
        error.Message.Should().Contain("user 'supplygraph'").And.Contain("Password").And.Contain("Invalid credential.");
        error.Message.Should().NotContain(TestClient.WrongPassword);
    }

    [Fact]
    public async Task Missing_credentials_say_which_options_to_set()
    {
        // arrange
        var options = TestClient.Options with { User = null, Password = null };

        // act
        var error = await FailureOf("18-no-auth-header", options);

        // assert
        error.HttpStatus.Should().Be(HttpStatusCode.Unauthorized);
        error.Message.Should().Contain("no credentials are configured").And.Contain("No authentication header supplied.");
    }

    [Fact]
    public async Task A_rejected_bearer_token_is_named_as_such()
    {
        // arrange
        var options = TestClient.Options with { User = null, Password = null, BearerToken = "expired-token" };

        // act
        var error = await FailureOf("17-wrong-password", options);

        // assert
        error.Message.Should().StartWith("Neo4j rejected the bearer token");
        error.Message.Should().NotContain("expired-token");
    }

    [Fact]
    public async Task An_unknown_database_fails_with_database_not_found()
    {
        // arrange
        var options = TestClient.Options with { Database = "nosuchdb" };

        // act
        var error = await FailureOf("19-unknown-database", options);

        // assert
        error.Code.Should().Be("Neo.ClientError.Database.DatabaseNotFound");
        error.HttpStatus.Should().Be(HttpStatusCode.NotFound);
        error.Message.Should().Be("Graph not found: nosuchdb");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_statement_is_refused_before_the_server_can_answer_400(string statement)
    {
        // arrange
        var handler = new ReplayHandler().Answer(Exchanges.Load("20-bad-json-body"));
        using var client = TestClient.For(handler);

        // act
        var act = () => client.RunAsync(statement, null, CypherRunOptions.Write, TestContext.Current.CancellationToken);

        // assert
        await act.Should().ThrowAsync<ArgumentException>().WithParameterName(nameof(statement));
        handler.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task The_servers_request_invalid_answer_maps_to_a_non_retryable_error()
    {
        // arrange
        var exchange = Exchanges.Load("20-bad-json-body");
        var handler = new ReplayHandler().Answer(exchange);
        using var client = TestClient.For(handler);

        // act
        var act = () => client.RunAsync("RETURN 1", null, CypherRunOptions.Read, TestContext.Current.CancellationToken);

        // assert
        var error = (await act.Should().ThrowAsync<Neo4jException>()).Which;
        error.Code.Should().Be("Neo.ClientError.Request.Invalid");
        error.Message.Should().Be("statement cannot be null or empty");
        error.IsRetryable.Should().BeFalse();
        handler.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task A_gateway_error_without_a_neo4j_body_is_a_retryable_http_error()
    {
        // arrange
        var handler = new ReplayHandler().Answer(() => new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html>502 Bad Gateway</html>", Encoding.UTF8, "text/html"),
        });
        using var client = TestClient.For(handler, TestClient.Options with { MaxRetries = 0 });

        // act
        var act = () => client.RunAsync("RETURN 1", null, CypherRunOptions.Read, TestContext.Current.CancellationToken);

        // assert
        var error = (await act.Should().ThrowAsync<Neo4jException>()).Which;
        error.Code.Should().Be(Neo4jClientErrorCodes.HttpError);
        error.HttpStatus.Should().Be(HttpStatusCode.BadGateway);
        error.Message.Should().Contain("502").And.Contain("/db/neo4j/query/v2").And.Contain("502 Bad Gateway</html>");
        error.IsRetryable.Should().BeTrue();
        error.OutcomeUnknown.Should().BeTrue();
    }

    [Fact]
    public async Task A_server_error_without_a_neo4j_body_is_not_retryable()
    {
        // arrange
        var handler = new ReplayHandler().Answer(() => new HttpResponseMessage(HttpStatusCode.InternalServerError));

        using var client = TestClient.For(handler);

        // act
        var act = () => client.RunAsync("RETURN 1", null, CypherRunOptions.Read, TestContext.Current.CancellationToken);

        // assert
        var error = (await act.Should().ThrowAsync<Neo4jException>()).Which;
        error.Code.Should().Be(Neo4jClientErrorCodes.HttpError);
        error.Message.Should().Contain("(empty body)");
        handler.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task A_success_status_with_a_body_that_is_not_json_is_an_invalid_response()
    {
        // arrange
        var handler = new ReplayHandler().AnswerJson(HttpStatusCode.Accepted, "{\"data\": ");
        using var client = TestClient.For(handler);

        // act
        var act = () => client.RunAsync("RETURN 1", null, CypherRunOptions.Read, TestContext.Current.CancellationToken);

        // assert
        var error = (await act.Should().ThrowAsync<Neo4jException>()).Which;
        error.Code.Should().Be(Neo4jClientErrorCodes.InvalidResponse);
        error.InnerException.Should().BeAssignableTo<System.Text.Json.JsonException>();
    }

    [Theory]
    [InlineData("Neo.TransientError.Transaction.DeadlockDetected", HttpStatusCode.Accepted, nameof(Neo4jFailureKind.Transient))]
    [InlineData("Neo.TransientError.General.DatabaseUnavailable", HttpStatusCode.BadRequest, nameof(Neo4jFailureKind.Transient))]
    [InlineData("Neo.TransientError.Transaction.Terminated", HttpStatusCode.BadRequest, nameof(Neo4jFailureKind.Final))]
    [InlineData("Neo.TransientError.Transaction.LockClientStopped", HttpStatusCode.BadRequest, nameof(Neo4jFailureKind.Final))]
    [InlineData("Neo.ClientError.Cluster.NotALeader", HttpStatusCode.BadRequest, nameof(Neo4jFailureKind.Transient))]
    [InlineData("Neo.ClientError.Statement.SyntaxError", HttpStatusCode.BadRequest, nameof(Neo4jFailureKind.Final))]
    [InlineData("Neo.ClientError.Security.Unauthorized", HttpStatusCode.Unauthorized, nameof(Neo4jFailureKind.Final))]
    [InlineData("Neo.ClientError.Request.Invalid", HttpStatusCode.BadRequest, nameof(Neo4jFailureKind.Final))]
    [InlineData("Neo.ClientError.Request.Invalid", HttpStatusCode.NotFound, nameof(Neo4jFailureKind.TransactionGone))]
    [InlineData("Neo.ClientError.Transaction.TransactionAccessedConcurrently", HttpStatusCode.BadRequest, nameof(Neo4jFailureKind.TransactionBusy))]
    [InlineData("Neo.DatabaseError.General.UnknownError", HttpStatusCode.InternalServerError, nameof(Neo4jFailureKind.UnknownServerError))]
    [InlineData("Neo.DatabaseError.Schema.IndexCreationFailed", HttpStatusCode.BadRequest, nameof(Neo4jFailureKind.Final))]
    [InlineData(Neo4jClientErrorCodes.Timeout, null, nameof(Neo4jFailureKind.NoAnswer))]
    [InlineData(Neo4jClientErrorCodes.ConnectionFailed, null, nameof(Neo4jFailureKind.NoAnswer))]
    [InlineData(Neo4jClientErrorCodes.HttpError, HttpStatusCode.BadGateway, nameof(Neo4jFailureKind.NoAnswer))]
    [InlineData(Neo4jClientErrorCodes.HttpError, HttpStatusCode.InternalServerError, nameof(Neo4jFailureKind.Final))]
    [InlineData(Neo4jClientErrorCodes.InvalidResponse, HttpStatusCode.Accepted, nameof(Neo4jFailureKind.Final))]
    public void Each_code_is_classified_by_what_it_says_about_the_work(string code, HttpStatusCode? status, string kindName)
    {
        // arrange
        var kind = Enum.Parse<Neo4jFailureKind>(kindName);
        var unknownOutcome = kind is Neo4jFailureKind.NoAnswer or Neo4jFailureKind.UnknownServerError;

        // act
        var error = new Neo4jException(code, "message", status);

        // assert
        error.Kind.Should().Be(kind);
        error.IsRetryable.Should().Be(kind != Neo4jFailureKind.Final);
        error.OutcomeUnknown.Should().Be(unknownOutcome);
    }

    [Fact]
    public void A_connection_never_made_is_unreachable_and_its_outcome_is_known()
    {
        // arrange
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (localhost:7474)");

        // act
        var error = Neo4jException.NotSent("Could not connect", refused);

        // assert
        error.Code.Should().Be(Neo4jClientErrorCodes.ConnectionFailed);
        error.Kind.Should().Be(Neo4jFailureKind.Unreachable);
        error.IsRetryable.Should().BeTrue();
        error.OutcomeUnknown.Should().BeFalse("nothing was sent, so nothing can have committed");
    }
}
