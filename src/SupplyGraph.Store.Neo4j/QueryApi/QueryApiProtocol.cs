namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>Names fixed by the Query API protocol.</summary>
internal static class QueryApiProtocol
{
    /// <summary>Typed JSON, both for what we send (typed parameters) and what we accept (typed results).</summary>
    public const string TypedJson = "application/vnd.neo4j.query";

    /// <summary>The header by which a cluster pins an explicit transaction to the member that opened it.</summary>
    public const string ClusterAffinityHeader = "neo4j-cluster-affinity";
}
