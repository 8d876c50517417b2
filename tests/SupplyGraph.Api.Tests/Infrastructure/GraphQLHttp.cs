using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SupplyGraph.Api.Tests.Infrastructure;

/// <summary>Sends GraphQL requests the way a client would and reads the answer as JSON.</summary>
public static class GraphQLHttp
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    public static Task<GraphQLResponse> PostGraphQLAsync(
        this HttpClient client, string query, object? variables = null, string? accept = GraphQLResponseJson, string? operationName = null)
    {
        var body = JsonSerializer.Serialize(new { query, variables, operationName });
        return client.PostRawAsync(body, Json, accept);
    }

    public static async Task<GraphQLResponse> PostRawAsync(this HttpClient client, string body, string? contentType, string? accept = GraphQLResponseJson)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql");
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return await client.SendGraphQLAsync(request, accept);
    }

    public static async Task<GraphQLResponse> GetGraphQLAsync(this HttpClient client, string query, string? variables = null, string? operationName = null, string? accept = GraphQLResponseJson)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query)
            + (variables is null ? string.Empty : "&variables=" + Uri.EscapeDataString(variables))
            + (operationName is null ? string.Empty : "&operationName=" + Uri.EscapeDataString(operationName));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await client.SendGraphQLAsync(request, accept);
    }

    public static async Task<GraphQLResponse> SendGraphQLAsync(this HttpClient client, HttpRequestMessage request, string? accept)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = text.Length == 0 ? null : JsonDocument.Parse(text);
        return new GraphQLResponse(
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            response.Content.Headers.ContentType?.CharSet,
            string.Join(", ", response.Content.Headers.Allow.Concat(response.Headers.TryGetValues("Allow", out var allow) ? allow : [])),
            document?.RootElement.Clone() ?? default,
            text);
    }
}

public sealed record GraphQLResponse(HttpStatusCode Status, string? MediaType, string? CharSet, string Allow, JsonElement Body, string Text)
{
    public bool HasData => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("data", out _);

    public JsonElement Data => Body.GetProperty("data");

    public IReadOnlyList<JsonElement> Errors =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray()] : [];

    public JsonElement SingleError()
    {
        Errors.Should().ContainSingle($"the response was {Text}");
        return Errors[0];
    }
}

public static class JsonElementReading
{
    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static List<string> Strings(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(item => item.GetString()!)];

    public static List<JsonElement> Items(this JsonElement element, string property) => [.. element.GetProperty(property).EnumerateArray()];

    public static List<string> Ids(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(item => item.Str("id"))];

    public static string Code(this JsonElement error) => error.GetProperty("extensions").Str("code");

    public static string? Extension(this JsonElement error, string key) =>
        error.GetProperty("extensions").TryGetProperty(key, out var value) ? value.GetString() : null;
}
