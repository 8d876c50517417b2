namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>A relationship as returned by a query, with the element ids of the nodes it connects.</summary>
internal sealed record CypherRelationship(
    string ElementId,
    string Type,
    string StartNodeElementId,
    string EndNodeElementId,
    IReadOnlyDictionary<string, object?> Properties);
