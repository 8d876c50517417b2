namespace SupplyGraph.Store.Neo4j.Cypher;

/// <summary>Every Cypher file the Neo4j store runs, loaded once.</summary>
public static class CypherScripts
{
    public static CypherScript Schema { get; } = CypherScript.Load("schema");

    public static CypherScript UpsertEntities { get; } = CypherScript.Load("upsert-entities");

    public static CypherScript UpsertRelationships { get; } = CypherScript.Load("upsert-relationships");

    public static CypherScript Statistics { get; } = CypherScript.Load("statistics");

    public static CypherScript Resolve { get; } = CypherScript.Load("resolve");

    public static CypherScript Suggest { get; } = CypherScript.Load("suggest");

    public static CypherScript Search { get; } = CypherScript.Load("search");

    public static CypherScript SupplyChain { get; } = CypherScript.Load("supply-chain");

    public static CypherScript ExportControls { get; } = CypherScript.Load("export-controls");

    public static CypherScript Exposure { get; } = CypherScript.Load("exposure");

    public static CypherScript Paths { get; } = CypherScript.Load("paths");

    public static CypherScript EntityProfile { get; } = CypherScript.Load("entity-profile");

    /// <summary>Deletes everything: for test servers only.</summary>
    public static CypherScript ClearDatabase { get; } = CypherScript.Load("clear-database");
}
