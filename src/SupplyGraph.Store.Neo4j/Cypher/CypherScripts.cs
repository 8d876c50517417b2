namespace SupplyGraph.Store.Neo4j.Cypher;

/// <summary>Every Cypher file the Neo4j store runs, loaded once.</summary>
internal static class CypherScripts
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

    /// <summary>Whole-graph export: a page of entities by id.</summary>
    public static CypherScript ExportEntities { get; } = CypherScript.Load("export-entities");

    /// <summary>Whole-graph export: a page of relationships by key.</summary>
    public static CypherScript ExportRelationships { get; } = CypherScript.Load("export-relationships");

    /// <summary>Neighbourhood export: the ids one hop from a frontier.</summary>
    public static CypherScript ExportNeighbours { get; } = CypherScript.Load("export-neighbours");

    /// <summary>Neighbourhood export: the entities of a page of ids.</summary>
    public static CypherScript ExportEntitiesById { get; } = CypherScript.Load("export-entities-by-id");

    /// <summary>Neighbourhood export: a page of the relationships between the given entities, by key.</summary>
    public static CypherScript ExportRelationshipsAmong { get; } = CypherScript.Load("export-relationships-among");

    /// <summary>Start-up migration: regulations stored without <c>citationKeys</c>, a page at a time.</summary>
    public static CypherScript RegulationsWithoutCitationKeys { get; } = CypherScript.Load("regulations-without-citation-keys");

    /// <summary>Start-up migration: writes the citation keys the service made.</summary>
    public static CypherScript SetCitationKeys { get; } = CypherScript.Load("set-citation-keys");

    /// <summary>Deletes everything: for test servers only.</summary>
    public static CypherScript ClearDatabase { get; } = CypherScript.Load("clear-database");
}
