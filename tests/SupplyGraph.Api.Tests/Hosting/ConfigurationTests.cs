using System.Collections;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using SupplyGraph.Api.Hosting;
using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Store.Neo4j;

namespace SupplyGraph.Api.Tests.Hosting;

public sealed class ConfigurationTests
{
    [Fact]
    public void Flat_environment_variables_map_onto_the_section()
    {
        // arrange
        var environment = new Hashtable
        {
            ["SUPPLYGRAPH_PORT"] = "6000",
            ["SUPPLYGRAPH_BIND_ADDRESS"] = "0.0.0.0",
            ["SUPPLYGRAPH_DATA_DIR"] = "/var/lib/supplygraph",
            ["SUPPLYGRAPH_STORE"] = "memory",
            ["SUPPLYGRAPH_UNRELATED"] = "x",
            ["PATH"] = "/usr/bin",
        };

        // act
        var settings = FlatEnvironmentVariables.ToConfiguration(environment);

        // assert
        settings.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["SupplyGraph:Port"] = "6000",
            ["SupplyGraph:BindAddress"] = "0.0.0.0",
            ["SupplyGraph:DataDirectory"] = "/var/lib/supplygraph",
            ["SupplyGraph:Store"] = "memory",
        });
    }

    [Theory]
    [InlineData("127.0.0.1", 5080, "http://127.0.0.1:5080")]
    [InlineData("0.0.0.0", 8080, "http://0.0.0.0:8080")]
    [InlineData("::", 5080, "http://[::]:5080")]
    [InlineData("localhost", 1234, "http://localhost:1234")]
    public void Listen_url_is_built_from_bind_address_and_port(string bindAddress, int port, string expected)
    {
        // act
        var url = SupplyGraphConfigurationExtensions.ListenUrl(new SupplyGraphOptions { BindAddress = bindAddress, Port = port });

        // assert
        url.Should().Be(expected);
    }

    [Fact]
    public void Unsupported_store_fails_validation_listing_the_supported_stores()
    {
        // arrange
        var options = new SupplyGraphOptions { Store = "cassandra" };

        // act
        var result = new SupplyGraphOptionsValidator().Validate(null, options);

        // assert
        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("\"cassandra\"").And.Contain("Supported stores: embedded, memory, neo4j");
    }

    [Theory]
    [InlineData(null, "SUPPLYGRAPH_NEO4J_URI")]
    [InlineData("bolt://localhost:7687", "7474")]
    public void The_neo4j_store_needs_the_http_address_of_the_query_api(string? uri, string expectedHint)
    {
        var options = new SupplyGraphOptions { Store = "neo4j", Neo4j = new Neo4jSettings { Uri = uri, User = "neo4j", Password = "secret" } };

        var result = new SupplyGraphOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain(expectedHint);
    }

    [Fact]
    public void A_projection_refresh_below_zero_is_refused_by_name()
    {
        // arrange
        var options = new SupplyGraphOptions { Store = "neo4j", Neo4j = new Neo4jSettings { Uri = "http://localhost:7474", User = "neo4j", Password = "secret", ProjectionRefreshSeconds = -1 } };

        // act
        var result = new SupplyGraphOptionsValidator().Validate(null, options);

        // assert
        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("SUPPLYGRAPH_NEO4J_PROJECTION_REFRESH_SECONDS").And.Contain("got -1");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(int.MaxValue)]
    public void A_neo4j_request_timeout_outside_a_second_to_a_day_is_refused_by_name(int seconds)
    {
        // arrange
        var options = new SupplyGraphOptions { Store = "neo4j", Neo4j = new Neo4jSettings { Uri = "http://localhost:7474", User = "neo4j", Password = "secret", RequestTimeoutSeconds = seconds } };

        // act
        var result = new SupplyGraphOptionsValidator().Validate(null, options);

        // assert
        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("RequestTimeoutSeconds").And.Contain($"got {seconds}");
    }

    [Fact]
    public void A_valid_neo4j_configuration_passes()
    {
        var options = new SupplyGraphOptions { Store = "neo4j", Neo4j = new Neo4jSettings { Uri = "http://localhost:7474", User = "neo4j", Password = "secret" } };

        new SupplyGraphOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Embedded_store_keeps_its_file_in_the_data_directory_under_the_content_root()
    {
        // arrange
        var contentRoot = Directory.CreateTempSubdirectory("supplygraph-api-test-").FullName;
        try
        {
            await using (var factory = new SupplyGraphApiFactory(settings: new Dictionary<string, string?>
            {
                ["SupplyGraph:Store"] = "embedded",
                ["SupplyGraph:DataDirectory"] = "relative-data",
                [WebHostDefaults.ContentRootKey] = contentRoot,
            }))
            {
                using var client = factory.CreateClient();

                // act
                using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

                // assert
                response.StatusCode.Should().Be(HttpStatusCode.OK);
                var expectedFile = Path.Combine(contentRoot, "relative-data", "supplygraph.db");
                body.Str("store").Should().Be("embedded (supplygraph.db)", "health names the file, never its path");
                File.Exists(expectedFile).Should().BeTrue();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(contentRoot, recursive: true);
        }
    }
}
