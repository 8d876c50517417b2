using System.Net;
using Microsoft.Extensions.Configuration;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.Hardening;

/// <summary>
/// Issue 11, point 6: a Host allowlist and CORS, off by default. Issue 21, point 2: introspection on in every
/// environment unless the setting turns it off, and bounded by the same limits as any query.
/// </summary>
public sealed class ExposureSettingsTests
{
    private const string Introspection = "{ __schema { queryType { name } } }";

    [Fact]
    public async Task Introspection_is_on_in_every_environment_by_default_and_the_setting_turns_it_off()
    {
        // arrange
        (string Environment, string? Setting, bool Answered)[] cases =
            [("Development", null, true), ("Production", null, true), ("Production", "false", false), ("Production", "true", true), ("Development", "false", false)];
        var seen = new List<(string, string?, bool)>();

        foreach (var (environment, setting, _) in cases)
        {
            await using var factory = new SupplyGraphApiFactory(
                settings: new Dictionary<string, string?> { ["SupplyGraph:Introspection"] = setting },
                environment: environment);
            using var client = factory.CreateClient();

            // act
            var response = await client.PostGraphQLAsync(Introspection);
            var typename = await client.PostGraphQLAsync("{ __typename }");

            // assert
            typename.Data.Str("__typename").Should().Be("Query", "__typename is not introspection of the schema");
            var answered = response.Errors.Count == 0 && response.Data.GetProperty("__schema").GetProperty("queryType").Str("name") == "Query";
            if (!answered)
            {
                response.SingleError().Code().Should().Be("GRAPHQL_VALIDATION_FAILED");
                response.SingleError().Str("message").Should().Contain("ntrospection");
            }

            seen.Add((environment, setting, answered));
        }

        seen.Should().Equal(cases.Select(c => (c.Environment, c.Setting, c.Answered)));
    }

    [Fact]
    public void SUPPLYGRAPH_INTROSPECTION_false_turns_introspection_off_in_production()
    {
        // arrange
        var environment = new System.Collections.Hashtable { ["SUPPLYGRAPH_INTROSPECTION"] = "false" };
        var production = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production" };

        // act
        var settings = SupplyGraph.Api.Hosting.FlatEnvironmentVariables.ToConfiguration(environment);
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection("SupplyGraph").Get<SupplyGraph.Api.Hosting.SupplyGraphOptions>()!;
        var allowedWhenSet = SupplyGraph.Api.Http.GraphQLHttpEndpoint.IntrospectionAllowed(options, production);
        var allowedByDefault = SupplyGraph.Api.Http.GraphQLHttpEndpoint.IntrospectionAllowed(new SupplyGraph.Api.Hosting.SupplyGraphOptions(), production);

        // assert
        settings.Should().Contain("SupplyGraph:Introspection", "false");
        allowedWhenSet.Should().BeFalse();
        allowedByDefault.Should().BeTrue();
    }

    [Fact]
    public async Task The_limits_bound_introspection_in_production_as_any_query()
    {
        // arrange: introspection is on in Production by default, so only the limits stand between it and a deep query.
        await using var factory = new SupplyGraphApiFactory(environment: "Production");
        using var client = factory.CreateClient();
        var tooDeep = "{ __schema { types { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", 20)) + "{ name }" + new string('}', 20) + " } } } }";
        var tooManyRoots = "{ " + string.Join(" ", Enumerable.Range(0, 21).Select(i => $"t{i}: __type(name: \"Query\") {{ name }}")) + " }";

        // act
        var deep = await client.PostGraphQLAsync(tooDeep);
        var roots = await client.PostGraphQLAsync(tooManyRoots);
        var allowed = await client.PostGraphQLAsync("{ __type(name: \"Query\") { name } }");

        // assert
        deep.SingleError().Code().Should().Be("QUERY_TOO_DEEP");
        roots.SingleError().Code().Should().Be("QUERY_TOO_LARGE");
        allowed.Data.GetProperty("__type").Str("name").Should().Be("Query");
    }

    [Fact]
    public async Task With_an_allowed_hosts_list_other_hosts_are_refused()
    {
        // arrange
        await using var factory = new SupplyGraphApiFactory(settings: new Dictionary<string, string?> { ["SupplyGraph:AllowedHosts"] = "api.example.com" });
        using var client = factory.CreateClient();
        await using var unrestricted = new SupplyGraphApiFactory();
        using var unrestrictedClient = unrestricted.CreateClient();

        // act
        var listed = await SendWithHostAsync(client, "api.example.com");
        var other = await SendWithHostAsync(client, "attacker.example");
        var byDefault = await SendWithHostAsync(unrestrictedClient, "attacker.example");

        // assert
        listed.Should().Be(HttpStatusCode.OK);
        other.Should().Be(HttpStatusCode.BadRequest);
        byDefault.Should().Be(HttpStatusCode.OK, "the allowlist is off by default");
    }

    [Fact]
    public async Task Cors_answers_only_configured_origins_and_is_off_by_default()
    {
        // arrange
        await using var configured = new SupplyGraphApiFactory(settings: new Dictionary<string, string?> { ["SupplyGraph:CorsOrigins:0"] = "https://app.example.com" });
        using var configuredClient = configured.CreateClient();
        await using var unconfigured = new SupplyGraphApiFactory();
        using var unconfiguredClient = unconfigured.CreateClient();

        // act
        var allowed = await PreflightAsync(configuredClient, "https://app.example.com");
        var otherOrigin = await PreflightAsync(configuredClient, "https://attacker.example");
        var byDefault = await PreflightAsync(unconfiguredClient, "https://app.example.com");

        // assert
        allowed.Should().Be("https://app.example.com");
        otherOrigin.Should().BeNull();
        byDefault.Should().BeNull();
    }

    private static async Task<string?> PreflightAsync(HttpClient client, string origin)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var response = await client.SendAsync(preflight, TestContext.Current.CancellationToken);
        return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
    }

    private static async Task<HttpStatusCode> SendWithHostAsync(HttpClient client, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ __typename }"));
        request.Headers.Host = host;
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
