using FluentAssertions;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi;

/// <summary>Issue 11, point 4: a password written into the address never shows in what the store prints.</summary>
public sealed class RedactionTests
{
    [Fact]
    public void The_store_description_and_the_options_show_the_address_without_its_user_info()
    {
        // arrange
        var connection = new Neo4jConnectionOptions { Uri = new Uri("http://neo4j:s3cret@db.example:7474") };
        using var store = new Neo4jGraphStore(new NoServer(), new Neo4jStoreOptions { Connection = connection });

        // act
        var shown = new[] { store.Description, connection.RedactedUri, connection.ToString() };

        // assert
        shown.Should().OnlyContain(text => !text.Contains("s3cret", StringComparison.Ordinal) && !text.Contains("neo4j:", StringComparison.Ordinal));
        store.Description.Should().Be("neo4j (http://db.example:7474/, database neo4j)");
    }

    [Fact]
    public void A_validation_message_about_the_address_does_not_show_its_password()
    {
        // arrange: a Bolt address, refused with a message that quotes it.
        var options = new Neo4jConnectionOptions { Uri = new Uri("bolt://neo4j:s3cret@db.example:7687") };

        // act
        var validate = options.Validate;

        // assert
        validate.Should().Throw<ArgumentException>().Which.Message.Should().Contain("bolt://db.example:7687").And.NotContain("s3cret");
    }

    [Theory]
    [InlineData("neo4j:PASSWORD@127.0.0.1:7474")]
    [InlineData("neo4j://neo4j:PASSWORD@127.0.0.1:7687")]
    public void An_address_with_a_password_and_with_or_without_a_scheme_is_refused_without_showing_the_password(string address)
    {
        // arrange: issue 20, point 3: without "//" the URI parser reads "neo4j" as the scheme and printed the rest whole
        var settings = new Neo4jSettings { Uri = address };

        // act
        var failures = settings.Failures().ToList();

        // assert
        failures.Should().NotBeEmpty();
        failures.Should().OnlyContain(failure => !failure.Contains("PASSWORD", StringComparison.Ordinal), string.Join("\n", failures));
        failures.Should().Contain(failure => failure.Contains("127.0.0.1", StringComparison.Ordinal), "the address is still shown, without its user-info");
    }

    [Fact]
    public void An_address_without_a_scheme_is_refused_saying_to_write_http_in_front()
    {
        // arrange
        var options = new Neo4jConnectionOptions { Uri = new Uri("neo4j:PASSWORD@127.0.0.1:7474") };

        // act
        var validate = options.Validate;

        // assert
        validate.Should().Throw<ArgumentException>().Which.Message.Should()
            .Contain("'***@127.0.0.1:7474'").And.Contain("no http:// or https://").And.NotContain("PASSWORD");
        options.RedactedUri.Should().Be("***@127.0.0.1:7474");
        options.ToString().Should().NotContain("PASSWORD");
    }

    [Theory]
    [InlineData("neo4j:PASSWORD@127.0.0.1:7474", "PASSWORD")]
    [InlineData("http://neo4j:PASSWORD@127.0.0.1:7474", "PASSWORD")]
    [InlineData("http://neo4j:p%40ss@127.0.0.1:7474", "p@ss")]
    [InlineData("http://127.0.0.1:7474", null)]
    public void The_settings_name_every_secret_they_hold_for_the_host_to_mask(string address, string? inAddress)
    {
        // arrange
        var settings = new Neo4jSettings { Uri = address, Password = "alone-password", BearerToken = "alone-token" };

        // act
        var secrets = settings.Secrets().ToList();

        // assert
        secrets.Should().Contain(["alone-password", "alone-token"]);
        if (inAddress is not null)
        {
            secrets.Should().Contain(inAddress);
        }
        else
        {
            secrets.Should().HaveCount(2);
        }
    }

    private sealed class NoServer : ICypherRunner
    {
        public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters, CypherRunOptions options, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<ICypherTransaction> BeginAsync(AccessMode accessMode, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<T> ExecuteAsync<T>(AccessMode accessMode, Func<ICypherTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
