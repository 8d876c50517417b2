namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>Where in the statement text a notification points (offset is zero-based, line and column one-based).</summary>
internal sealed record CypherInputPosition(int Offset, int Line, int Column);
