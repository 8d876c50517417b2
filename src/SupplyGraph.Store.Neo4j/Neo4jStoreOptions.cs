using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j;

/// <summary>How the Neo4j store reaches its server and how it writes.</summary>
public sealed record Neo4jStoreOptions
{
    public required Neo4jConnectionOptions Connection { get; init; }

    /// <summary>Rows sent per UNWIND statement during an import.</summary>
    public int ImportBatchSize { get; init; } = 1000;

    /// <summary>
    /// How often the store asks Neo4j for its last commit's bookmark and, when it moved (a write by any client, Neo4j
    /// Browser included), reads the projection again; the old one answers until the new one is ready. Zero: never
    /// (the store then refreshes only after its own imports).
    /// </summary>
    public TimeSpan ProjectionRefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Entities (each with the relationships it starts) per page when the projection is read.</summary>
    public int ProjectionPageSize { get; init; } = 2000;

    /// <summary>Rows asked for per statement during an export, so no response holds a whole graph.</summary>
    public int ExportPageSize { get; init; } = 5000;
}
