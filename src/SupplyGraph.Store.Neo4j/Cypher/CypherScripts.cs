namespace SupplyGraph.Store.Neo4j.Cypher;

/// <summary>Every Cypher file the Neo4j store runs, loaded once. The question files of cypher/queries are for analysts: the store answers from its projection.</summary>
internal static class CypherScripts
{
    public static CypherScript Schema { get; } = CypherScript.Load("schema");

    public static CypherScript UpsertEntities { get; } = CypherScript.Load("upsert-entities");

    public static CypherScript UpsertRelationships { get; } = CypherScript.Load("upsert-relationships");

    /// <summary>The dataset's document titles, one node per document, in the import's transaction.</summary>
    public static CypherScript UpsertDocuments { get; } = CypherScript.Load("upsert-documents");

    public static CypherScript Statistics { get; } = CypherScript.Load("statistics");

    /// <summary>The projection: a page of entities in id order, each with the relationships it starts.</summary>
    public static CypherScript TopologyPage { get; } = CypherScript.Load("topology-page");

    /// <summary>The projection's document titles: a page of them in document order.</summary>
    public static CypherScript DocumentsPage { get; } = CypherScript.Load("documents-page");

    /// <summary>Asks nothing; its answer's bookmark names the database's last commit.</summary>
    public static CypherScript LastCommit { get; } = CypherScript.Load("last-commit");

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

    /// <summary>Export: the titles of a page of the documents the exported rows cite.</summary>
    public static CypherScript ExportDocuments { get; } = CypherScript.Load("export-documents");

    /// <summary>Deletes everything: for test servers only.</summary>
    public static CypherScript ClearDatabase { get; } = CypherScript.Load("clear-database");
}
