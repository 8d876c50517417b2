namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>A node as returned by a query.</summary>
internal sealed record CypherNode(
    string ElementId,
    IReadOnlyList<string> Labels,
    IReadOnlyDictionary<string, object?> Properties);
