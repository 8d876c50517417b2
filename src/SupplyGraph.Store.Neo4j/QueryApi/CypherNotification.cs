namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>A warning or hint about a statement, such as <c>Neo.ClientNotification.Statement.UnknownLabelWarning</c>.</summary>
internal sealed record CypherNotification(
    string Code,
    string Severity,
    string Title,
    string Description,
    string? Category,
    CypherInputPosition? Position);
