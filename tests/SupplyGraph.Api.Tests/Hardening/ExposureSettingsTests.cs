using System.Net;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.Hardening;

/// <summary>Issue 11, point 6: introspection by environment and setting; a Host allowlist and CORS, off by default.</summary>
public sealed class ExposureSettingsTests
{
    private const string Introspection = "{ __schema { queryType { name } } }";

    [Fact]
    public async Task Introspection_is_on_in_development_off_in_production_and_configurable()
    {
        // arrange
        (string Environment, string? Setting, bool Answered)[] cases =
            [("Development", null, true), ("Production", null, false), ("Production", "true", true), ("Development", "false", false)];
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
