namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// Codes of the <see cref="Neo4jException"/>s this client raises itself, when no Neo4j status code exists:
/// the server never answered, or answered with something other than Query API JSON.
/// </summary>
internal static class Neo4jClientErrorCodes
{
    /// <summary>No answer within <see cref="Neo4jConnectionOptions.RequestTimeout"/>.</summary>
    public const string Timeout = "SupplyGraph.QueryApi.Timeout";

    /// <summary>The connection could not be made or broke off.</summary>
    public const string ConnectionFailed = "SupplyGraph.QueryApi.ConnectionFailed";

    /// <summary>An HTTP error without a Neo4j error body, e.g. a 502 from a proxy in front of the server.</summary>
    public const string HttpError = "SupplyGraph.QueryApi.HttpError";

    /// <summary>A success status whose body is not the JSON the Query API documents.</summary>
    public const string InvalidResponse = "SupplyGraph.QueryApi.InvalidResponse";
}
