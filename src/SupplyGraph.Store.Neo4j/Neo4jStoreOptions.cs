using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j;

/// <summary>How the Neo4j store reaches its server and how it writes.</summary>
public sealed record Neo4jStoreOptions
{
    public required Neo4jConnectionOptions Connection { get; init; }

    /// <summary>Rows sent per UNWIND statement during an import.</summary>
    public int ImportBatchSize { get; init; } = 1000;

    /// <summary>
    /// Relationships one walk question reads from Neo4j at most (each level's file returns at most what is left);
    /// past it the answer is what was read, marked partial (cut by the exploration budget). Bounds a hub question's
    /// time and memory: about 30 µs a relationship on the 2-core machine of benchmarks/RESULTS.md.
    /// </summary>
    public int WalkReadBudget { get; init; } = 20_000;

    /// <summary>Rows asked for per statement during an export, so no response holds a whole graph.</summary>
    public int ExportPageSize { get; init; } = 5000;
}
