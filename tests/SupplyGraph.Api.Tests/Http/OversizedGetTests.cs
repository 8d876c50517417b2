using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using SupplyGraph.Api.Hosting;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.Http;

/// <summary>
/// Issue 20, point 7: a GET over Kestrel's default 8 KB request line got a bare 414 with no body. Through a real
/// Kestrel (the test server enforces none of its limits): a long GET within our limits is answered, one over our bound
/// gets our coded <c>QUERY_TOO_LARGE</c> with a JSON body, and Kestrel still bounds the line beyond that.
/// </summary>
public sealed class OversizedGetTests : IAsyncLifetime
{
    // MaxBodyBytes, the bound on an address, as the default; Kestrel reads lines up to twice it.
    private const int AddressBound = 256 * 1024;

    private WebApplication app = null!;
    private Uri address = null!;

    public async ValueTask InitializeAsync()
    {
        app = SupplyGraphWebHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Testing",
            "--SupplyGraph:Store=memory",
            "--SupplyGraph:SeedOnEmptyStore=false",
        ]);
        await app.StartAsync(TestContext.Current.CancellationToken);
        address = new Uri(app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_GET_of_20_KB_within_the_documented_limits_is_answered()
    {
        // arrange: 7,000 spaces, each written %20 in the address
        var query = "{" + new string(' ', 7_000) + "__typename}";
        var target = "/graphql?query=" + Uri.EscapeDataString(query);
        target.Length.Should().BeGreaterThan(20_000);

        // act
        var response = await GetAsync(target);

        // assert
        response.Status.Should().Be(200, response.Body);
        JsonDocument.Parse(response.Body).RootElement.GetProperty("data").Str("__typename").Should().Be("Query");
    }

    [Fact]
    public async Task A_GET_over_the_address_bound_gets_our_coded_error_with_a_JSON_body()
    {
        // arrange: 300 KB of address, between our bound (256 KB) and Kestrel's line (512 KB)
        var target = "/graphql?query=%7B__typename%7D&variables=" + new string('x', 300 * 1024);

        // act
        var response = await GetAsync(target);

        // assert
        response.Status.Should().Be(414);
        response.ContentType.Should().StartWith("application/json");
        var error = JsonDocument.Parse(response.Body).RootElement.GetProperty("errors")[0];
        error.Code().Should().Be("QUERY_TOO_LARGE");
        error.Str("message").Should().Contain($"at most {AddressBound}").And.Contain("MaxBodyBytes").And.Contain("POST");
    }

    [Fact]
    public async Task A_request_line_beyond_kestrels_raised_bound_is_still_refused()
    {
        // arrange: the line stays bounded (twice our bound)
        var target = "/graphql?query=%7B__typename%7D&variables=" + new string('x', (2 * AddressBound) + 1024);

        // act
        var response = await GetAsync(target);

        // assert
        response.Status.Should().Be(414);
    }

    /// <summary>
    /// A GET sent over a plain socket: <see cref="Uri"/> (and so HttpClient) refuses addresses over 65,519 characters.
    /// HTTP/1.0, so that the answer is not chunked and ends when the server closes.
    /// </summary>
    private async Task<RawResponse> GetAsync(string target)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port, cancellationToken);
        await using var stream = client.GetStream();
        var request = Encoding.ASCII.GetBytes($"GET {target} HTTP/1.0\r\nHost: {address.Authority}\r\nAccept: application/json\r\n\r\n");
        try
        {
            await stream.WriteAsync(request, cancellationToken);
        }
        catch (IOException)
        {
            // The server may answer and close before it read the whole line.
        }

        using var answer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(answer, cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (IOException)
        {
            // A reset after the answer was sent.
        }

        var text = Encoding.UTF8.GetString(answer.ToArray());
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = headerEnd < 0 ? text : text[..headerEnd];
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var contentType = head.Split("\r\n").FirstOrDefault(line => line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?["Content-Type:".Length..].Trim() ?? string.Empty;
        return new RawResponse(status, contentType, headerEnd < 0 ? string.Empty : text[(headerEnd + 4)..]);
    }

    private sealed record RawResponse(int Status, string ContentType, string Body);
}
