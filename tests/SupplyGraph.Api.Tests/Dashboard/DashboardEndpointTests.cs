using System.Net;
using System.Net.Http.Headers;
using SupplyGraph.Api.Http;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.Dashboard;

/// <summary>The service serves its own dashboard (built into the assembly) and GraphiQL, and GraphQL clients see no change.</summary>
[Collection(SmallGraphCollection.Name)]
public sealed class DashboardEndpointTests(SmallGraphHost host)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/entity/deepseek")]
    [InlineData("/paths?from=deepseek&to=asml")]
    public async Task Every_page_route_serves_the_dashboard_page(string path)
    {
        // act
        using var response = await host.Client.GetAsync(path, Token);
        var html = await response.Content.ReadAsStringAsync(Token);

        // assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("/dashboard/app.js").And.NotContain("http://").And.NotContain("https://", "nothing loads from another origin");
    }

    [Fact]
    public async Task A_browser_asking_for_graphql_gets_graphiql()
    {
        // arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        // act
        using var response = await host.Client.SendAsync(request, Token);

        // assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync(Token)).Should().Contain("/dashboard/graphiql.js");
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json, text/html;q=0.5")]
    public async Task A_graphql_client_still_gets_graphql(string accept)
    {
        // arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        request.Headers.Accept.ParseAdd(accept);

        // act
        using var response = await host.Client.SendAsync(request, Token);

        // assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().EndWith("json");
        (await response.Content.ReadAsStringAsync(Token)).Should().Contain("\"__typename\":\"Query\"");
    }

    [Fact]
    public async Task Assets_are_sent_gzipped_with_an_etag_and_revalidate_to_304()
    {
        // arrange
        using var first = new HttpRequestMessage(HttpMethod.Get, "/dashboard/app.js");
        first.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await host.Client.SendAsync(first, Token);
        var etag = response.Headers.ETag;

        // act
        using var again = new HttpRequestMessage(HttpMethod.Get, "/dashboard/app.js");
        again.Headers.IfNoneMatch.Add(etag!);
        using var revalidated = await host.Client.SendAsync(again, Token);

        // assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().Equal("gzip");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        etag.Should().NotBeNull();
        revalidated.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task An_unknown_asset_is_404_naming_it()
    {
        // act
        using var response = await host.Client.GetAsync("/dashboard/no-such-file.js", Token);

        // assert
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Token)).Should().Contain("no-such-file.js");
    }

    [Theory]
    [InlineData("text/html", true)]
    [InlineData("text/html,application/xhtml+xml,*/*;q=0.8", true)]
    [InlineData("*/*", false)]
    [InlineData("application/json, text/html", false)]
    [InlineData("", false)]
    public void Html_is_preferred_only_when_it_outranks_json(string accept, bool expected)
    {
        // act
        var prefers = ResponseMediaTypeNegotiator.PrefersHtml(accept);

        // assert
        prefers.Should().Be(expected);
    }
}
