namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>Whether a unit of work only reads or may write; clusters route reads to any member.</summary>
internal enum AccessMode
{
    Write,
    Read,
}
