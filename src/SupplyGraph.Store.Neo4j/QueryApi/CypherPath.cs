namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>A path: nodes[i] and nodes[i + 1] are joined by relationships[i] (in either direction).</summary>
internal sealed record CypherPath(IReadOnlyList<CypherNode> Nodes, IReadOnlyList<CypherRelationship> Relationships)
{
    public CypherNode Start => Nodes[0];

    public CypherNode End => Nodes[^1];
}
