using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupplyGraph.Api.Hosting;
using SupplyGraph.Store.Neo4j;

namespace SupplyGraph.Api.Tests.Hosting;

/// <summary>Issue 20, point 3: no credential in any message, whatever form it was written in.</summary>
public sealed class CredentialRedactionTests
{
    [Theory]
    [InlineData("Could not reach http://neo4j:hunter2@db:7474/db", "Could not reach http://***@db:7474/db")]
    [InlineData("Uri bolt://neo4j:hunter2@db:7687 is Bolt", "Uri bolt://***@db:7687 is Bolt")]
    [InlineData("a raw @ in it: http://neo4j:hun@ter2@db:7474", "a raw @ in it: http://***@db:7474")]
    [InlineData("SUPPLYGRAPH_NEO4J_URI=neo4j:hunter2@127.0.0.1:7474 failed", "SUPPLYGRAPH_NEO4J_URI=***@127.0.0.1:7474 failed")]
    [InlineData("Uri 'neo4j:hunter2@127.0.0.1:7474' has no scheme", "Uri '***@127.0.0.1:7474' has no scheme")]
    [InlineData("neo4j:hunter2@127.0.0.1:7474", "***@127.0.0.1:7474")]
    public void A_user_and_password_before_a_host_are_masked_with_or_without_a_scheme(string message, string expected)
    {
        // act
        var redacted = CredentialRedaction.Redact(message);

        // assert
        redacted.Should().Be(expected);
    }

    [Theory]
    [InlineData("Write to ops@example.com or see https://example.com/a:b")]
    [InlineData("at 12:30 the store answered")]
    public void Text_without_credentials_is_left_as_it_is(string message)
    {
        // act
        var redacted = CredentialRedaction.Redact(message);

        // assert
        redacted.Should().Be(message);
    }

    [Fact]
    public void A_password_given_alone_is_masked_wherever_it_appears_once_the_settings_are_validated()
    {
        // arrange: SUPPLYGRAPH_NEO4J_PASSWORD, which a message may quote without any address around it
        var password = $"pw-{Guid.NewGuid():N}";
        var options = new SupplyGraphOptions { Store = "neo4j", Neo4j = new Neo4jSettings { Uri = "http://localhost:7474", User = "neo4j", Password = password } };
        new SupplyGraphOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();

        // act
        var redacted = CredentialRedaction.Redact($"authentication failed for neo4j with {password}.");

        // assert
        redacted.Should().Be("authentication failed for neo4j with ***.");
    }

    [Fact]
    public void A_bearer_token_given_alone_is_masked_too()
    {
        // arrange
        var token = $"tok-{Guid.NewGuid():N}";
        var options = new SupplyGraphOptions { Store = "neo4j", Neo4j = new Neo4jSettings { Uri = "http://localhost:7474", BearerToken = token } };
        new SupplyGraphOptionsValidator().Validate(null, options);

        // act
        var redacted = CredentialRedaction.Redact($"Authorization: Bearer {token}");

        // assert
        redacted.Should().Be("Authorization: Bearer ***");
    }

    [Fact]
    public void A_password_shorter_than_the_least_masked_alone_does_not_mask_ordinary_words()
    {
        // arrange: masking "abc" alone would rewrite every message with those letters in it
        CredentialRedaction.AddSecret("abc");

        // act
        var redacted = CredentialRedaction.Redact("abc of the store; http://u:abc@db:7474");

        // assert
        redacted.Should().Be("abc of the store; http://***@db:7474", "inside an address it is still masked");
    }

    [Theory]
    [InlineData("neo4j:PASSWORD@127.0.0.1:7474")]
    [InlineData("bolt://neo4j:PASSWORD@127.0.0.1:7687")]
    [InlineData("ftp://neo4j:PASSWORD@127.0.0.1:7474")]
    public void A_validation_failure_that_quotes_the_address_does_not_print_the_password(string address)
    {
        // arrange: the probe of issue 20 printed the password twice
        var options = new SupplyGraphOptions { Store = "neo4j", Neo4j = new Neo4jSettings { Uri = address } };

        // act
        var result = new SupplyGraphOptionsValidator().Validate(null, options);

        // assert
        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("127.0.0.1").And.NotContain("PASSWORD");
    }

    [Fact]
    public void Every_log_line_of_the_host_is_redacted_its_values_and_its_exception_included()
    {
        // arrange
        var secret = $"pw-{Guid.NewGuid():N}";
        CredentialRedaction.AddSecret(secret);
        var lines = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(lines));
        RedactingLoggerFactory.Register(services);
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILogger<CredentialRedactionTests>>();

        // act
        logger.LogWarning(
            new InvalidOperationException($"could not reach neo4j:{secret}@db:7474"),
            "Store {Store} failed with {Password} at {Address}",
            "neo4j",
            secret,
            $"http://neo4j:{secret}@db:7474");

        // assert
        var line = lines.Lines.Should().ContainSingle().Subject;
        line.Message.Should().Be("Store neo4j failed with *** at http://***@db:7474");
        line.Values.Should().NotContain(value => value.Contains(secret, StringComparison.Ordinal));
        line.Exception.Should().NotContain(secret).And.Contain("***@db:7474");
    }

    private sealed record RecordedLine(string Message, IReadOnlyList<string> Values, string Exception);

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public List<RecordedLine> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new RecordingLogger(Lines);

        public void Dispose()
        {
        }

        private sealed class RecordingLogger(List<RecordedLine> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? pairs.Where(pair => pair.Key != "{OriginalFormat}").Select(pair => pair.Value?.ToString() ?? string.Empty).ToList()
                    : [];
                lock (lines)
                {
                    lines.Add(new RecordedLine(formatter(state, exception), values, exception?.ToString() ?? string.Empty));
                }
            }
        }
    }
}
