namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// A typed value whose <c>$type</c> this client does not know (a newer server's type, say), kept as the raw
/// JSON of its <c>_value</c> instead of failing the whole result.
/// </summary>
internal sealed record CypherUnsupportedValue(string Type, string RawJson);
