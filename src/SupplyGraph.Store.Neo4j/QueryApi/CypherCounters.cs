namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>How a statement changed the database (the Query API's <c>counters</c>).</summary>
internal sealed record CypherCounters
{
    public bool ContainsUpdates { get; init; }

    public int NodesCreated { get; init; }

    public int NodesDeleted { get; init; }

    public int PropertiesSet { get; init; }

    public int RelationshipsCreated { get; init; }

    public int RelationshipsDeleted { get; init; }

    public int LabelsAdded { get; init; }

    public int LabelsRemoved { get; init; }

    public int IndexesAdded { get; init; }

    public int IndexesRemoved { get; init; }

    public int ConstraintsAdded { get; init; }

    public int ConstraintsRemoved { get; init; }

    public bool ContainsSystemUpdates { get; init; }

    public int SystemUpdates { get; init; }
}
