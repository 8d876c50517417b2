using GraphQL;
using GraphQL.Transport;
using Microsoft.Net.Http.Headers;
using SupplyGraph.Api.GraphQL.Errors;
using SupplyGraph.Api.Hosting;

namespace SupplyGraph.Api.Http;

/// <summary>A GraphQL-over-HTTP request read from GET parameters or a JSON POST body, or why it could not be read.</summary>
internal sealed record GraphQLHttpRequest(GraphQLRequest? Request, int? FailureStatus, string? FailureMessage, string? FailureCode = null)
{
    public static GraphQLHttpRequest Read(GraphQLRequest request) => new(request, null, null);

    public static GraphQLHttpRequest Fail(int status, string message, string? code = null) => new(null, status, message, code);

    /// <summary>Reads the query (or documentId), variables, operationName and extensions of a GET request from its query string.</summary>
    public static GraphQLHttpRequest FromQueryString(IQueryCollection parameters, IGraphQLTextSerializer serializer, RequestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(limits);
        string? query = parameters["query"];
        string? documentId = parameters["documentId"];

        // A persisted document request (documentId, or Apollo's extensions.persistedQuery) has no query: PersistedDocumentResolver reads it.
        if (string.IsNullOrWhiteSpace(query) && string.IsNullOrEmpty(documentId) && string.IsNullOrWhiteSpace(parameters["extensions"]))
        {
            return Fail(StatusCodes.Status400BadRequest, "The request has no \"query\" parameter.");
        }

        if (query is not null && QueryTooLong(query, limits) is { } tooLong)
        {
            return tooLong;
        }

        if (parameters["variables"].ToString().Length + parameters["extensions"].ToString().Length > limits.MaxBodyBytes)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, $"The \"variables\" and \"extensions\" parameters are longer than {limits.MaxBodyBytes} characters (SupplyGraph:Limits:MaxBodyBytes).", ErrorCodes.QueryTooLarge);
        }

        try
        {
            return Read(new GraphQLRequest
            {
                Query = query,
                DocumentId = NullIfEmpty(documentId),
                OperationName = NullIfEmpty(parameters["operationName"]),
                Variables = DeserializeMap(parameters["variables"], serializer),
                Extensions = DeserializeMap(parameters["extensions"], serializer),
            });
        }
        catch (Exception exception) when (IsMalformedJson(exception))
        {
            return Fail(StatusCodes.Status400BadRequest, $"The \"variables\" or \"extensions\" parameter is not a JSON object: {exception.Message}");
        }
    }

    /// <summary>Reads a POST body, which must be <c>application/json</c> holding an object with a string <c>query</c> (or <c>documentId</c>).</summary>
    public static async Task<GraphQLHttpRequest> FromBodyAsync(HttpRequest request, IGraphQLTextSerializer serializer, RequestLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(limits);
        if (!IsJsonContentType(request.ContentType))
        {
            return Fail(
                StatusCodes.Status415UnsupportedMediaType,
                $"POST bodies must be {GraphQLMediaTypes.Json} (UTF-8); got \"{request.ContentType ?? "no Content-Type"}\".");
        }

        var tooLarge = Fail(
            StatusCodes.Status413PayloadTooLarge,
            $"The request body is larger than {limits.MaxBodyBytes} bytes (SupplyGraph:Limits:MaxBodyBytes); send a shorter query or fewer variables.",
            ErrorCodes.QueryTooLarge);
        if (request.ContentLength > limits.MaxBodyBytes)
        {
            return tooLarge;
        }

        // Read at most the limit (and one byte more, to know it was passed) before parsing anything.
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int count;
        while ((count = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, count);
            if (buffer.Length > limits.MaxBodyBytes)
            {
                return tooLarge;
            }
        }

        buffer.Position = 0;
        GraphQLRequest? body;
        try
        {
            body = await serializer.ReadAsync<GraphQLRequest>(buffer, cancellationToken);
        }
        catch (Exception exception) when (IsMalformedJson(exception))
        {
            return Fail(StatusCodes.Status400BadRequest, $"The request body is not a valid GraphQL request object: {exception.Message}");
        }

        if (body is null || (string.IsNullOrWhiteSpace(body.Query) && string.IsNullOrEmpty(body.DocumentId) && body.Extensions is null))
        {
            return Fail(StatusCodes.Status400BadRequest, "The request body has no \"query\".");
        }

        return (body.Query is null ? null : QueryTooLong(body.Query, limits)) ?? Read(body);
    }

    private static GraphQLHttpRequest? QueryTooLong(string query, RequestLimits limits) =>
        query.Length > limits.MaxQueryLength
            ? Fail(
                StatusCodes.Status413PayloadTooLarge,
                $"The query is {query.Length} characters long; at most {limits.MaxQueryLength} are read (SupplyGraph:Limits:MaxQueryLength). Split it into several requests.",
                ErrorCodes.QueryTooLarge)
            : null;

    private static bool IsJsonContentType(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        return parsed.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
            && (!parsed.Charset.HasValue || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    private static Inputs? DeserializeMap(string? json, IGraphQLTextSerializer serializer) =>
        string.IsNullOrWhiteSpace(json) ? null : serializer.Deserialize<Inputs>(json);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool IsMalformedJson(Exception exception) =>
        exception is System.Text.Json.JsonException or FormatException or InvalidOperationException or NotSupportedException;
}
