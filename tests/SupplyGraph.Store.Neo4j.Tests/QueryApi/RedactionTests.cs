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

    private sealed class NoServer : ICypherRunner
    {
        public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters, CypherRunOptions options, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<ICypherTransaction> BeginAsync(AccessMode accessMode, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<T> ExecuteAsync<T>(AccessMode accessMode, Func<ICypherTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
