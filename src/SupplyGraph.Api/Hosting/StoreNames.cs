namespace SupplyGraph.Api.Hosting;

/// <summary>The stores the service can run on, by the name <c>SupplyGraph:Store</c> (SUPPLYGRAPH_STORE) gives.</summary>
internal static class StoreNames
{
    public const string Embedded = "embedded";
    public const string Memory = "memory";
    public const string Neo4j = "neo4j";

    public static IReadOnlyList<string> All { get; } = [Embedded, Memory, Neo4j];

    /// <summary>The supported name <paramref name="name"/> means (case and surrounding spaces ignored), or null.</summary>
    public static string? Normalize(string? name) =>
        All.FirstOrDefault(known => string.Equals(known, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
