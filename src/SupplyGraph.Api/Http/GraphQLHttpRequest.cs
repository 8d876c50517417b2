using GraphQL;
using GraphQL.Transport;
using Microsoft.Net.Http.Headers;

namespace SupplyGraph.Api.Http;

/// <summary>A GraphQL-over-HTTP request read from GET parameters or a JSON POST body, or why it could not be read.</summary>
public sealed record GraphQLHttpRequest(GraphQLRequest? Request, int? FailureStatus, string? FailureMessage)
{
    public static GraphQLHttpRequest Read(GraphQLRequest request) => new(request, null, null);

    public static GraphQLHttpRequest Fail(int status, string message) => new(null, status, message);

    /// <summary>Reads the query, variables, operationName and extensions of a GET request from its query string.</summary>
    public static GraphQLHttpRequest FromQueryString(IQueryCollection parameters, IGraphQLTextSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(serializer);
        string? query = parameters["query"];
        if (string.IsNullOrWhiteSpace(query))
        {
            return Fail(StatusCodes.Status400BadRequest, "The request has no \"query\" parameter.");
        }

        try
        {
            return Read(new GraphQLRequest
            {
                Query = query,
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

    /// <summary>Reads a POST body, which must be <c>application/json</c> holding an object with a string <c>query</c>.</summary>
    public static async Task<GraphQLHttpRequest> FromBodyAsync(HttpRequest request, IGraphQLTextSerializer serializer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(serializer);
        if (!IsJsonContentType(request.ContentType))
        {
            return Fail(
                StatusCodes.Status415UnsupportedMediaType,
                $"POST bodies must be {GraphQLMediaTypes.Json} (UTF-8); got \"{request.ContentType ?? "no Content-Type"}\".");
        }

        GraphQLRequest? body;
        try
        {
            body = await serializer.ReadAsync<GraphQLRequest>(request.Body, cancellationToken);
        }
        catch (Exception exception) when (IsMalformedJson(exception))
        {
            return Fail(StatusCodes.Status400BadRequest, $"The request body is not a valid GraphQL request object: {exception.Message}");
        }

        if (body is null || string.IsNullOrWhiteSpace(body.Query))
        {
            return Fail(StatusCodes.Status400BadRequest, "The request body has no \"query\".");
        }

        return Read(body);
    }

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
