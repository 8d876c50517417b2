namespace SupplyGraph.Api.Http;

internal static class GraphQLMediaTypes
{
    /// <summary>The GraphQL-over-HTTP response type; its status codes tell request errors (400) from results (200).</summary>
    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary>The legacy response type, and the only request body type accepted.</summary>
    public const string Json = "application/json";
}
