using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Polly.Timeout;
using SupplyGraph.Store.Neo4j.Resilience;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// Sends one Query API request and turns the answer into a <see cref="QueryApiResponse"/> or a
/// <see cref="Neo4jException"/>; every request gets its own timeout (a Polly timeout strategy). Retrying is the callers' business.
/// </summary>
internal sealed class QueryApiSender
{
    private readonly HttpClient http;
    private readonly Neo4jConnectionOptions options;
    private readonly AuthenticationHeaderValue? authorization;

    public QueryApiSender(HttpClient http, Neo4jConnectionOptions options, Neo4jResilience resilience)
    {
        this.http = http;
        this.options = options;
        Resilience = resilience;
        authorization = options switch
        {
            { BearerToken: { } token } => new AuthenticationHeaderValue("Bearer", token),
            { User: { } user, Password: { } password } =>
                new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))),
            _ => null,
        };
    }

    /// <summary>The client's timeouts and retries.</summary>
    public Neo4jResilience Resilience { get; }

    public Task<QueryApiResponse> SendAsync(
        HttpMethod method,
        Uri uri,
        byte[]? body,
        string? clusterAffinity,
        CancellationToken cancellationToken) =>
        SendAsync(method, uri, body, clusterAffinity, Resilience.Request, cancellationToken);

    /// <param name="timeout">
    /// How long this request may take: <see cref="Neo4jResilience.Request"/> for work, the shorter
    /// <see cref="Neo4jResilience.Rollback"/> for a rollback sent while the caller is leaving.
    /// </param>
    public async Task<QueryApiResponse> SendAsync(
        HttpMethod method,
        Uri uri,
        byte[]? body,
        string? clusterAffinity,
        Neo4jResilience.RequestTimeout timeout,
        CancellationToken cancellationToken)
    {
        try
        {
            return await timeout.Pipeline.ExecuteAsync(
                static async (request, token) => await request.Sender.SendOnceAsync(request.Method, request.Uri, request.Body, request.ClusterAffinity, token),
                (Sender: this, Method: method, Uri: uri, Body: body, ClusterAffinity: clusterAffinity),
                cancellationToken);
        }
        catch (Exception timedOut) when (timedOut is TimeoutRejectedException
            || (timedOut is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The timeout strategy fired (or the HttpClient's own timeout), not the caller's token.
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"Neo4j did not answer {method} {uri.AbsolutePath} within {timeout.Timeout.TotalSeconds:0.###} s ({timeout.Setting} = {timeout.Timeout}).");
            throw new Neo4jException(Neo4jClientErrorCodes.Timeout, message, httpStatus: null, new TimeoutException(message, timedOut));
        }
        catch (HttpRequestException refused) when (refused.HttpRequestError == HttpRequestError.ConnectionError)
        {
            // The connection was never made (a server starting or down refuses it): nothing was sent.
            throw Neo4jException.NotSent(
                $"Could not connect to Neo4j at {uri.GetLeftPart(UriPartial.Authority)} for {method} {uri.AbsolutePath}: {refused.Message}",
                refused);
        }
        catch (Exception failure) when (failure is HttpRequestException or IOException)
        {
            // Sent, and the connection broke before the whole answer came (a server killed or stopping): what the
            // request did is unknown.
            throw new Neo4jException(
                Neo4jClientErrorCodes.ConnectionFailed,
                $"Could not reach Neo4j at {uri.GetLeftPart(UriPartial.Authority)} for {method} {uri.AbsolutePath}: {failure.Message}",
                httpStatus: null,
                failure);
        }
    }

    private async Task<QueryApiResponse> SendOnceAsync(HttpMethod method, Uri uri, byte[]? body, string? clusterAffinity, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(method, uri, body, clusterAffinity);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            return Interpret(method, uri, response, content) with { ReceivedBytes = content.Length };
        }
        catch (Neo4jException answeredWithError)
        {
            answeredWithError.ReceivedBytes = content.Length;
            throw;
        }
    }

    private static bool IsTypedJson(MediaTypeHeaderValue? contentType) =>
        contentType?.MediaType is not { } mediaType
        || mediaType.StartsWith(QueryApiProtocol.TypedJson, StringComparison.OrdinalIgnoreCase);

    private static string Snippet(byte[] content) =>
        content.Length == 0 ? "(empty body)" : Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 300));

    private static bool TryReadError(JsonElement root, out string code, out string message)
    {
        code = message = "";
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("errors", out var errors)
            || errors.ValueKind != JsonValueKind.Array
            || errors.GetArrayLength() == 0)
        {
            return false;
        }

        var first = errors[0];
        code = first.TryGetProperty("code", out var codeElement) ? codeElement.GetString() ?? "" : "";
        message = first.TryGetProperty("message", out var messageElement) ? messageElement.GetString() ?? "" : "";
        return true;
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, byte[]? body, string? clusterAffinity)
    {
        // HTTP/2 where the server offers it (TLS with ALPN), HTTP/1.1 otherwise.
        var request = new HttpRequestMessage(method, uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(QueryApiProtocol.TypedJson));
        request.Headers.Authorization = authorization;
        if (clusterAffinity is not null)
        {
            request.Headers.TryAddWithoutValidation(QueryApiProtocol.ClusterAffinityHeader, clusterAffinity);
        }

        // A POST without a body (a bare commit) still says what it is: Neo4j 5.26 answers an untyped one with
        // HTTP 500 "Request failed.".
        if (body is not null || method == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent(body ?? []);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(QueryApiProtocol.TypedJson);
        }

        return request;
    }

    private QueryApiResponse Interpret(HttpMethod method, Uri uri, HttpResponseMessage response, byte[] content)
    {
        var status = response.StatusCode;
        var affinity = response.Headers.TryGetValues(QueryApiProtocol.ClusterAffinityHeader, out var values)
            ? values.FirstOrDefault()
            : null;

        JsonDocument? document = null;
        if (content.Length > 0)
        {
            try
            {
                document = JsonDocument.Parse(content);
            }
            catch (JsonException notJson)
            {
                throw response.IsSuccessStatusCode
                    ? new Neo4jException(
                        Neo4jClientErrorCodes.InvalidResponse,
                        $"Neo4j answered {method} {uri.AbsolutePath} with {(int)status} but a body that is not JSON: {Snippet(content)}",
                        status,
                        notJson)
                    : HttpError(method, uri, status, content);
            }
        }

        using (document)
        {
            // Errors can come with a success status too: a statement that fails while streaming (1 / 0) answers 202.
            if (document is not null && TryReadError(document.RootElement, out var code, out var message))
            {
                throw new Neo4jException(code, status == HttpStatusCode.Unauthorized ? DescribeAuthFailure(message) : message, status);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw HttpError(method, uri, status, content);
            }

            if (document is null)
            {
                return QueryApiResponse.Empty(affinity);
            }

            try
            {
                return QueryApiResponse.Read(document.RootElement, IsTypedJson(response.Content.Headers.ContentType), affinity);
            }
            catch (Exception malformed) when (malformed is FormatException or InvalidOperationException or KeyNotFoundException
                or OverflowException or ArgumentException)
            {
                throw new Neo4jException(
                    Neo4jClientErrorCodes.InvalidResponse,
                    $"Could not read Neo4j's answer to {method} {uri.AbsolutePath}: {malformed.Message}",
                    status,
                    malformed);
            }
        }
    }

    private string DescribeAuthFailure(string serverMessage) => options switch
    {
        { BearerToken: not null } => $"Neo4j rejected the bearer token (Neo4jConnectionOptions.BearerToken): {serverMessage}",
        { User: { } user } =>
            $"Neo4j rejected the credentials of user '{user}'; check Neo4jConnectionOptions.User and Password. Server said: {serverMessage}",
        _ => "Neo4j requires authentication, but no credentials are configured; set Neo4jConnectionOptions.User and Password "
            + $"or BearerToken. Server said: {serverMessage}",
    };

    private static Neo4jException HttpError(HttpMethod method, Uri uri, HttpStatusCode status, byte[] content) => new(
        Neo4jClientErrorCodes.HttpError,
        $"Neo4j answered {method} {uri.AbsolutePath} with HTTP {(int)status} {status} and no Neo4j error: {Snippet(content)}",
        status);
}
