using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j;

/// <summary>How the Neo4j store reaches its server and how it writes.</summary>
public sealed record Neo4jStoreOptions
{
    public required Neo4jConnectionOptions Connection { get; init; }

    /// <summary>Rows sent per UNWIND statement during an import.</summary>
    public int ImportBatchSize { get; init; } = 1000;

    /// <summary>Rows asked for per statement during an export, so no response holds a whole graph.</summary>
    public int ExportPageSize { get; init; } = 5000;
}
