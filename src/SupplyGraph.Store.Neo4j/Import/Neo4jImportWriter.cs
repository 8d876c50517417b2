using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.Mapping;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j.Import;

/// <summary>
/// The writes of one import, in one explicit transaction: rows are upserted as they arrive, a batch of each kind or
/// type per statement (Cypher takes no label or type from a parameter). A relationship whose ends this import has not
/// written yet waits until <see cref="FinishAsync"/>: its ends may come later in the input, or be stored already.
/// Only the ids written and the waiting relationships are held, never the whole input. Document titles (which a reader
/// hands over after its last row) are upserted in the same transaction, so a failed import keeps none of them either.
/// </summary>
internal sealed class Neo4jImportWriter(ICypherTransaction transaction, int batchSize, string dataset, long? rowsTotal, Action<ImportProgress>? progress)
{
    private static readonly IReadOnlyDictionary<string, string> EntityUpserts = GeneratedCypher.EntityUpsertsByKind(CypherScripts.UpsertEntities);
    private static readonly IReadOnlyDictionary<string, string> RelationshipUpserts = GeneratedCypher.RelationshipUpsertsByType(CypherScripts.UpsertRelationships);

    private readonly HashSet<string> writtenIds = new(StringComparer.Ordinal);
    private readonly List<RelationshipRecord> waiting = [];
    private long entitiesSeen;
    private long entitiesAdded;
    private long entitiesUpdated;
    private long relationshipsSeen;
    private long relationshipsWritten;
    private long relationshipsAdded;
    private long relationshipsUpdated;
    private long rowsSent;

    public async Task WriteAsync(IReadOnlyList<Entity> entities, IReadOnlyList<RelationshipRecord> relationships, IReadOnlyList<DocumentTitle> documents, CancellationToken cancellationToken)
    {
        entitiesSeen += entities.Count;
        foreach (var group in entities.GroupBy(entity => entity.Kind.ToString(), GraphProperties.EntityRow))
        {
            var (added, updated, _) = await UpsertAsync(EntityUpserts[group.Key], group, cancellationToken);
            entitiesAdded += added;
            entitiesUpdated += updated;
        }

        writtenIds.UnionWith(entities.Select(entity => entity.Id));
        relationshipsSeen += relationships.Count;
        var ready = new List<RelationshipRecord>(relationships.Count);
        foreach (var relationship in relationships)
        {
            (writtenIds.Contains(relationship.From) && writtenIds.Contains(relationship.To) ? ready : waiting).Add(relationship);
        }

        await WriteRelationshipsAsync(ready, cancellationToken);
        await WriteDocumentsAsync(documents, cancellationToken);
    }

    /// <summary>Writes the relationships that waited; fails (the caller then rolls back) when an end is nowhere.</summary>
    public async Task<(ChangeCounts Entities, ChangeCounts Relationships)> FinishAsync(CancellationToken cancellationToken)
    {
        await WriteRelationshipsAsync(waiting, cancellationToken);
        if (relationshipsWritten < relationshipsSeen)
        {
            throw new DatasetValidationException(
                $"Import of {dataset} rolled back: {relationshipsSeen - relationshipsWritten} relationship(s) refer to entities that are neither in the dataset nor in the graph.");
        }

        return (
            new ChangeCounts(entitiesAdded, entitiesUpdated, entitiesSeen - entitiesAdded - entitiesUpdated),
            new ChangeCounts(relationshipsAdded, relationshipsUpdated, relationshipsSeen - relationshipsAdded - relationshipsUpdated));
    }

    private async Task WriteRelationshipsAsync(List<RelationshipRecord> relationships, CancellationToken cancellationToken)
    {
        foreach (var group in relationships.GroupBy(relationship => relationship.Type.Name(), GraphProperties.RelationshipRow))
        {
            var (added, updated, written) = await UpsertAsync(RelationshipUpserts[group.Key], group, cancellationToken);
            relationshipsAdded += added;
            relationshipsUpdated += updated;
            relationshipsWritten += written;
        }
    }

    private async Task WriteDocumentsAsync(IReadOnlyList<DocumentTitle> documents, CancellationToken cancellationToken)
    {
        // Titles are no rows of the graph: they count in no summary and no progress report.
        foreach (var batch in documents.Select(DocumentProperties.DocumentRow).Chunk(Math.Max(1, batchSize)))
        {
            await transaction.RunAsync(CypherScripts.UpsertDocuments.Statement, new Dictionary<string, object?> { ["rows"] = batch.ToList() }, cancellationToken: cancellationToken);
        }
    }

    private async Task<(long Added, long Updated, long Written)> UpsertAsync(string statement, IEnumerable<Dictionary<string, object?>> rows, CancellationToken cancellationToken)
    {
        long added = 0;
        long updated = 0;
        long written = 0;
        foreach (var batch in rows.Chunk(Math.Max(1, batchSize)))
        {
            var result = await transaction.RunAsync(statement, new Dictionary<string, object?> { ["rows"] = batch.ToList() }, cancellationToken: cancellationToken);
            var row = result.Rows[0];
            added += row.Get<long>("added");
            updated += row.Get<long>("updated");
            written += row.Fields.Contains("written") ? row.Get<long>("written") : batch.Length;
            rowsSent += batch.Length;
            progress?.Invoke(new ImportProgress(dataset, rowsSent, rowsTotal));
        }

        return (added, updated, written);
    }
}
