using System.Text.Json;
using SupplyGraph.Api.Http.PersistedDocuments;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.Http.PersistedDocuments;

/// <summary>The dashboard's trusted documents as its build embedded them, and persisted document requests sent as a client sends them.</summary>
internal static class PersistedDocumentRequests
{
    /// <summary>Values for every variable the dashboard's documents use, on <see cref="SmallGraph"/>; extra ones are ignored.</summary>
    public static readonly object Variables = new
    {
        text = "acme",
        first = 5,
        entity = SmallGraph.Lab,
        regulation = SmallGraph.Rule,
        from = SmallGraph.Lab,
        to = SmallGraph.Quartz,
    };

    /// <summary>The embedded manifest: id to text.</summary>
    public static Dictionary<string, string> Manifest() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(
            TrustedDocumentStore.EmbeddedManifest() ?? throw new InvalidOperationException("The API was built without the dashboard: its persisted-documents.json is not embedded."))!;

    /// <summary>Each trusted document's id, for theories.</summary>
    public static TheoryData<string> Ids() => [.. Manifest().Keys];

    /// <summary>The id of the trusted document whose text starts with <paramref name="start"/>.</summary>
    public static string IdOf(string start) => Manifest().Single(entry => entry.Value.StartsWith(start, StringComparison.Ordinal)).Key;

    public static Task<GraphQLResponse> PostDocumentIdAsync(this HttpClient client, string documentId, object? variables = null, string? accept = GraphQLHttp.GraphQLResponseJson) =>
        client.PostRawAsync(JsonSerializer.Serialize(new { documentId, variables = variables ?? Variables }), GraphQLHttp.Json, accept);

    public static async Task<GraphQLResponse> GetDocumentIdAsync(this HttpClient client, string documentId, object? variables = null)
    {
        var url = "/graphql?documentId=" + Uri.EscapeDataString(documentId)
            + "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables ?? Variables));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await client.SendGraphQLAsync(request, GraphQLHttp.GraphQLResponseJson);
    }
}
