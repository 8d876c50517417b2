using System.Net;
using FluentAssertions;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi;

/// <summary>Options are checked up front with messages that say what to fix; they shape every request.</summary>
public sealed class ConnectionOptionsTests
{
    private static Neo4jConnectionOptions At(string uri) => new() { Uri = new Uri(uri) };

    [Fact]
    public void Defaults_are_the_neo4j_database_30_seconds_and_3_retries()
    {
        // arrange
        var options = At("http://localhost:7474");

        // act
        var validate = options.Validate;

        // assert
        validate.Should().NotThrow();
        options.Database.Should().Be("neo4j");
        options.RequestTimeout.Should().Be(TimeSpan.FromSeconds(30));
        options.MaxRetries.Should().Be(3);
        options.RetryBaseDelay.Should().BePositive();
    }

    [Theory]
    [InlineData("neo4j://db.example.com:7687")]
    [InlineData("neo4j+s://db.example.com")]
    [InlineData("bolt://db.example.com:7687")]
    [InlineData("bolt+ssc://db.example.com:7687")]
    public void A_bolt_address_is_refused_with_the_http_address_to_use(string uri)
    {
        // arrange
        var options = At(uri);

        // act
        var validate = options.Validate;

        // assert
        validate.Should().Throw<ArgumentException>()
            .WithMessage("*Bolt address*Query API*http://db.example.com:7474*https://db.example.com:7473*");
    }

    [Theory]
    [InlineData("ftp://db.example.com", "*http or https*")]
    [InlineData("http://db.example.com:7474?db=neo4j", "*without query*")]
    public void Other_addresses_that_cannot_work_are_refused(string uri, string message)
    {
        // arrange
        var options = At(uri);

        // act
        var validate = options.Validate;

        // assert
        validate.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void A_relative_address_is_refused()
    {
        // arrange
        var options = new Neo4jConnectionOptions { Uri = new Uri("/db", UriKind.Relative) };

        // act
        var validate = options.Validate;

        // assert
        validate.Should().Throw<ArgumentException>().WithMessage("*absolute http(s) address*");
    }

    [Theory]
    [InlineData("neo4j", null, null, "*User 'neo4j' is set without a Password*")]
    [InlineData(null, "secret", null, "*Password is set without a User*")]
    [InlineData("ne:o4j", "secret", null, "*contains ':'*")]
    [InlineData("neo4j", "secret", "token", "*choose one way to authenticate*")]
    public void Inconsistent_credentials_are_refused(string? user, string? password, string? token, string message)
    {
        // arrange
        var options = At("http://localhost:7474") with { User = user, Password = password, BearerToken = token };

        // act
        var validate = options.Validate;

        // assert
        validate.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void Limits_that_cannot_work_are_refused()
    {
        // arrange
        var options = At("http://localhost:7474");

        // act
        var zeroTimeout = (options with { RequestTimeout = TimeSpan.Zero }).Validate;
        var negativeRetries = (options with { MaxRetries = -1 }).Validate;
        var negativeDelay = (options with { RetryBaseDelay = TimeSpan.FromSeconds(-1) }).Validate;
        var noDatabase = (options with { Database = " " }).Validate;

        // assert
        zeroTimeout.Should().Throw<ArgumentException>().WithMessage("*RequestTimeout*");
        negativeRetries.Should().Throw<ArgumentException>().WithMessage("*MaxRetries*");
        negativeDelay.Should().Throw<ArgumentException>().WithMessage("*RetryBaseDelay*");
        noDatabase.Should().Throw<ArgumentException>().WithMessage("*Database*");
    }

    [Fact]
    public void The_client_checks_its_options_when_it_is_made()
    {
        // arrange
        var options = At("bolt://localhost:7687");
        using var handler = new ReplayHandler();

        // act
        var create = () => new QueryApiClient(handler, options);

        // assert
        create.Should().Throw<ArgumentException>().WithMessage("*http://localhost:7474*");
    }

    [Fact]
    public void Printing_the_options_hides_the_secrets()
    {
        // arrange
        var options = At("http://localhost:7474") with { User = "neo4j", Password = "s3cret", BearerToken = "t0ken" };

        // act
        var printed = options.ToString();

        // assert
        printed.Should().Contain("User = neo4j").And.Contain("Password = ***");
        printed.Should().NotContain("s3cret").And.NotContain("t0ken");
    }

    [Fact]
    public async Task Basic_credentials_and_bearer_tokens_go_into_the_authorization_header()
    {
        // arrange
        var handler = new ReplayHandler().Answer(Exchanges.Load("14-constraint-create")).Answer(Exchanges.Load("14-constraint-create"));
        using var basic = TestClient.For(handler);
        using var bearer = TestClient.For(handler, TestClient.Options with { User = null, Password = null, BearerToken = "sso-token" });

        // act
        await basic.RunAsync("RETURN 1", null, CypherRunOptions.Read, TestContext.Current.CancellationToken);
        await bearer.RunAsync("RETURN 1", null, CypherRunOptions.Read, TestContext.Current.CancellationToken);

        // assert
        handler.Requests[0].Authorization!.ToString().Should().Be("Basic bmVvNGo6dmFsaWQtcGFzc3dvcmQ=");
        handler.Requests[1].Authorization!.ToString().Should().Be("Bearer sso-token");
    }

    [Theory]
    [InlineData("http://localhost:7474", "neo4j", "/db/neo4j/query/v2")]
    [InlineData("https://proxy.example.com/graph/", "neo4j", "/graph/db/neo4j/query/v2")]
    [InlineData("http://localhost:7474", "supply graph", "/db/supply%20graph/query/v2")]
    public async Task Requests_go_to_the_database_below_the_base_address(string baseUri, string database, string path)
    {
        // arrange
        var handler = new ReplayHandler().Answer(Exchanges.Load("14-constraint-create"));
        using var client = TestClient.For(handler, TestClient.Options with { Uri = new Uri(baseUri), Database = database });

        // act
        await client.RunAsync("RETURN 1", null, CypherRunOptions.Read, TestContext.Current.CancellationToken);

        // assert
        handler.LastRequest.Uri.AbsolutePath.Should().Be(path);
        handler.LastRequest.Uri.Authority.Should().Be(new Uri(baseUri).Authority);
    }

    [Fact]
    public async Task Requests_ask_for_http2_and_accept_falling_back()
    {
        // arrange
        var handler = new ReplayHandler().Answer(Exchanges.Load("14-constraint-create"));
        using var client = TestClient.For(handler);

        // act
        await client.RunAsync("RETURN 1", null, CypherRunOptions.Read, TestContext.Current.CancellationToken);

        // assert
        handler.LastRequest.Version.Should().Be(HttpVersion.Version20);
        handler.LastRequest.VersionPolicy.Should().Be(HttpVersionPolicy.RequestVersionOrLower);
    }

    [Fact]
    public void The_default_handler_pools_and_recycles_connections()
    {
        // arrange
        var lifetime = TimeSpan.FromMinutes(2);

        // act
        using var handler = QueryApiHttp.CreateHandler(lifetime);
        using var defaults = QueryApiHttp.CreateHandler();

        // assert
        handler.PooledConnectionLifetime.Should().Be(lifetime);
        defaults.PooledConnectionLifetime.Should().Be(TimeSpan.FromMinutes(5));
        defaults.PooledConnectionIdleTimeout.Should().BePositive();
        defaults.EnableMultipleHttp2Connections.Should().BeTrue();
        defaults.AutomaticDecompression.Should().Be(DecompressionMethods.All);
    }

    [Fact]
    public void Create_builds_a_client_with_its_own_handler()
    {
        // arrange
        var options = At("http://localhost:7474") with { User = "neo4j", Password = "secret" };

        // act
        using var client = QueryApiClient.Create(options);

        // assert
        client.Options.Should().BeSameAs(options);
        client.Bookmarks.Should().BeEmpty();
    }
}
