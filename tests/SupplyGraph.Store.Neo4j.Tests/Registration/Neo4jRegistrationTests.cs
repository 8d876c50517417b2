using System.Net;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j.Tests.Registration;

/// <summary>How a host gets the Neo4j store: its settings, its registration, and the failures it throws.</summary>
public sealed class Neo4jRegistrationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void A_password_in_the_neo4j_address_becomes_basic_auth_and_leaves_the_address()
    {
        // arrange
        var settings = new Neo4jSettings { Uri = "http://neo4j:s3cret%40pass@db.example:7474" };

        // act
        var connection = settings.ToStoreOptions().Connection;

        // assert
        connection.Uri.ToString().Should().Be("http://db.example:7474/");
        connection.User.Should().Be("neo4j");
        connection.Password.Should().Be("s3cret@pass");
        connection.ToString().Should().NotContain("s3cret");
    }

    [Fact]
    public async Task AddNeo4jStore_registers_one_store_built_from_the_settings()
    {
        // arrange
        var settings = new Neo4jSettings { Uri = "http://db.example:7474", Database = "graph", ProjectionRefreshSeconds = 2.5 };
        var services = new ServiceCollection().AddNeo4jStore(_ => settings.ToStoreOptions());

        // act
        await using var provider = services.BuildServiceProvider();
        var first = provider.GetRequiredService<ISupplyGraphStore>();
        var second = provider.GetRequiredService<ISupplyGraphStore>();

        // assert
        first.Should().BeOfType<Neo4jGraphStore>().And.BeSameAs(second);
        first.Description.Should().Be("neo4j (http://db.example:7474, database graph)");
    }

    [Fact]
    public async Task AddNeo4jStore_answers_document_titles_with_the_same_store()
    {
        // arrange
        var settings = new Neo4jSettings { Uri = "http://db.example:7474" };
        var services = new ServiceCollection().AddNeo4jStore(_ => settings.ToStoreOptions());

        // act
        await using var provider = services.BuildServiceProvider();
        var titles = provider.GetService<IDocumentTitles>();

        // assert: GraphQL's Source.title asks the container for IDocumentTitles
        titles.Should().NotBeNull().And.BeSameAs(provider.GetRequiredService<ISupplyGraphStore>());
    }

    [Theory]
    [InlineData(Neo4jClientErrorCodes.ConnectionFailed, null)]
    [InlineData(Neo4jClientErrorCodes.Timeout, null)]
    [InlineData(Neo4jClientErrorCodes.HttpError, HttpStatusCode.ServiceUnavailable)]
    public async Task A_server_that_cannot_be_reached_surfaces_as_StoreUnavailableException(string code, HttpStatusCode? status)
    {
        // arrange
        var failure = new Neo4jException(code, "no answer from db.example:7474", status);
        using var store = new Neo4jGraphStore(new FailingRunner(failure), new Neo4jStoreOptions { Connection = new Neo4jConnectionOptions { Uri = new Uri("http://db.example:7474") } });

        // act
        var act = () => store.GetStatisticsAsync(Token);

        // assert
        (await act.Should().ThrowAsync<StoreUnavailableException>()).Which.InnerException.Should().BeSameAs(failure);
    }

    [Fact]
    public async Task An_error_neo4j_answered_surfaces_as_StoreErrorException_with_its_code()
    {
        // arrange
        var failure = new Neo4jException("Neo.ClientError.Database.DatabaseNotFound", "Database does not exist.", HttpStatusCode.BadRequest);
        using var store = new Neo4jGraphStore(new FailingRunner(failure), new Neo4jStoreOptions { Connection = new Neo4jConnectionOptions { Uri = new Uri("http://db.example:7474") } });

        // act
        var act = () => store.InitializeAsync(Token);

        // assert
        var thrown = (await act.Should().ThrowAsync<StoreErrorException>()).Which;
        thrown.StoreCode.Should().Be("Neo.ClientError.Database.DatabaseNotFound");
        thrown.IsRetryable.Should().BeFalse();
        thrown.Message.Should().Contain("Database does not exist.");
    }

    /// <summary>A runner whose every call fails with the same client exception, as a server that is down makes it.</summary>
    private sealed class FailingRunner(Neo4jException failure) : ICypherRunner
    {
        public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters, CypherRunOptions options, CancellationToken cancellationToken = default) =>
            Task.FromException<CypherResult>(failure);

        public Task<ICypherTransaction> BeginAsync(AccessMode accessMode, CancellationToken cancellationToken = default) =>
            Task.FromException<ICypherTransaction>(failure);

        public Task<T> ExecuteAsync<T>(AccessMode accessMode, Func<ICypherTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
            Task.FromException<T>(failure);
    }
}
