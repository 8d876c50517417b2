using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Exporting;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.Mapping;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j;

/// <summary>The export side of the Neo4j store: the graph read in pages, so no response holds all of it.</summary>
public sealed partial class Neo4jGraphStore
{
    private const string ExportName = "export";

    /// <summary>
    /// Reads the graph in pages (entities by id, then relationships by key, each page starting after the last row of
    /// the one before), so no response holds the whole graph. Around an entity, the neighbourhood is expanded here hop
    /// by hop, a page of ids per statement, and only its ids are held. Each page is its own read: an import
    /// committed while an export runs may show in its later pages only. After the rows come the titles of the documents
    /// they cite (as the embedded store exports them), so an export imports again with its titles and names no
    /// document it does not cite.
    /// </summary>
    public Task<DatasetHeader> ExportAsync(ExportScope scope, IDatasetSink sink, CancellationToken cancellationToken) =>
        Neo4jStoreFailures.TranslateAsync(() => ExportCoreAsync(scope, sink, cancellationToken));

    private async Task<DatasetHeader> ExportCoreAsync(ExportScope scope, IDatasetSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(sink);
        var citing = new CitingSink(sink);
        var header = await ExportRowsAsync(scope, citing, cancellationToken);
        await ExportTitlesAsync(citing.Cited, sink, cancellationToken);
        return header;
    }

    private async Task<DatasetHeader> ExportRowsAsync(ExportScope scope, IDatasetSink sink, CancellationToken cancellationToken)
    {
        var pageSize = Math.Max(1, options.ExportPageSize);
        if (scope.Entity is null)
        {
            var allEntities = await ExportEntityPagesAsync(sink, pageSize, cancellationToken);
            var allRelationships = await ExportRelationshipPagesAsync(CypherScripts.ExportRelationships, [], sink, pageSize, cancellationToken);
            return new DatasetHeader(ExportName, null, allEntities, allRelationships);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(scope.Hops);

        // Resolved as the resolve question does, so an unknown entity fails the same way, with suggestions.
        var focus = await ResolveAsync(scope.Entity, cancellationToken);
        var ids = await NeighbourhoodAsync(focus.Id, scope.Hops, pageSize, cancellationToken);

        // The entities their fields name join them (as the embedded store's GraphExport does), so the export is a
        // valid dataset; those are actors, which name nothing, so one more read is enough.
        var included = await EntitiesByIdAsync(ids, pageSize, cancellationToken);
        var named = included.SelectMany(entity => entity.ReferencedIds()).Except(ids, StringComparer.Ordinal).Distinct(StringComparer.Ordinal).ToArray();
        included.AddRange(await EntitiesByIdAsync(named, pageSize, cancellationToken));
        included.Sort((left, right) => string.CompareOrdinal(left.Id, right.Id));
        ids = [.. included.Select(entity => entity.Id)];
        foreach (var entity in included)
        {
            sink.OnEntity(entity);
        }

        long entities = included.Count;
        var relationships = await ExportRelationshipPagesAsync(CypherScripts.ExportRelationshipsAmong, new() { ["ids"] = ids.ToList() }, sink, pageSize, cancellationToken);
        return new DatasetHeader(ExportName, null, entities, relationships);
    }

    /// <summary>The titles of the cited documents, a page of documents per read, in ordinal document order (the embedded store's).</summary>
    private async Task ExportTitlesAsync(IReadOnlyCollection<string> cited, IDatasetSink sink, CancellationToken cancellationToken)
    {
        var documents = cited.ToArray();
        Array.Sort(documents, StringComparer.Ordinal);
        foreach (var page in documents.Chunk(Math.Max(1, options.ExportPageSize)))
        {
            var result = await runner.ReadAsync(CypherScripts.ExportDocuments.Statement, new Dictionary<string, object?> { ["documents"] = page.ToList() }, cancellationToken);

            // Sorted here, not by the server: the order must be .NET's ordinal one whatever characters a document holds.
            var titles = result.Rows
                .Select(row => DocumentProperties.ToDocumentTitle(row["document"], row["title"], row["url"], out _))
                .OfType<DocumentTitle>()
                .OrderBy(title => title.Document, StringComparer.Ordinal);
            foreach (var title in titles)
            {
                sink.OnDocument(title);
            }
        }
    }

    private async Task<long> ExportEntityPagesAsync(IDatasetSink sink, int pageSize, CancellationToken cancellationToken)
    {
        var order = new ExportOrder("entity ids");
        long written = 0;
        var after = string.Empty;
        while (true)
        {
            var result = await runner.ReadAsync(
                CypherScripts.ExportEntities.Statement, new Dictionary<string, object?> { ["after"] = after, ["pageSize"] = (long)pageSize }, cancellationToken);
            written += WriteEntities(result, sink, order);
            if (result.Rows.Count < pageSize)
            {
                return written;
            }

            after = order.Last!;
        }
    }

    /// <summary>Runs a relationship page statement until a page comes back short; each page starts after the last row of the one before.</summary>
    private async Task<long> ExportRelationshipPagesAsync(
        CypherScript script, Dictionary<string, object?> parameters, IDatasetSink sink, int pageSize, CancellationToken cancellationToken)
    {
        var order = new ExportOrder("relationship keys", allowRepeats: true);
        long written = 0;
        parameters["afterKey"] = string.Empty;
        parameters["afterElementId"] = string.Empty;
        parameters["pageSize"] = (long)pageSize;
        while (true)
        {
            var result = await runner.ReadAsync(script.Statement, parameters, cancellationToken);
            foreach (var row in result.Rows)
            {
                var record = GraphProperties.ToRelationship(row.Get<CypherRelationship>("relationship"), row.Get<string>("from"), row.Get<string>("to"));
                order.Next(record.Key);
                sink.OnRelationship(record);
                written++;
            }

            if (result.Rows.Count < pageSize)
            {
                return written;
            }

            var last = result.Rows[^1];
            parameters["afterKey"] = last.Get<string>("key");
            parameters["afterElementId"] = last.Get<string>("element");
        }
    }

    private static long WriteEntities(CypherResult result, IDatasetSink sink, ExportOrder order)
    {
        foreach (var row in result.Rows)
        {
            var entity = GraphProperties.ToEntity(row.Get<CypherNode>("entity"));
            order.Next(entity.Id);
            sink.OnEntity(entity);
        }

        return result.Rows.Count;
    }

    private async Task<List<Entity>> EntitiesByIdAsync(string[] ids, int pageSize, CancellationToken cancellationToken)
    {
        var entities = new List<Entity>(ids.Length);
        foreach (var page in ids.Chunk(pageSize))
        {
            var result = await runner.ReadAsync(CypherScripts.ExportEntitiesById.Statement, new Dictionary<string, object?> { ["ids"] = page.ToList() }, cancellationToken);
            entities.AddRange(result.Rows.Select(row => GraphProperties.ToEntity(row.Get<CypherNode>("entity"))));
        }

        return entities;
    }

    /// <summary>Every entity within <paramref name="hops"/> relationships of <paramref name="id"/>, either direction: ids in ordinal order.</summary>
    private async Task<string[]> NeighbourhoodAsync(string id, int hops, int pageSize, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { id };
        var frontier = new List<string> { id };
        for (var hop = 0; hop < hops && frontier.Count > 0; hop++)
        {
            var next = new List<string>();
            foreach (var page in frontier.Chunk(pageSize))
            {
                var parameters = new Dictionary<string, object?> { ["ids"] = page.ToList(), ["after"] = string.Empty, ["pageSize"] = (long)pageSize };
                CypherResult result;
                do
                {
                    result = await runner.ReadAsync(CypherScripts.ExportNeighbours.Statement, parameters, cancellationToken);
                    foreach (var row in result.Rows)
                    {
                        var neighbour = row.Get<string>("id");
                        if (seen.Add(neighbour))
                        {
                            next.Add(neighbour);
                        }

                        parameters["after"] = neighbour;
                    }
                }
                while (result.Rows.Count == pageSize);
            }

            frontier = next;
        }

        var ids = seen.ToArray();
        Array.Sort(ids, StringComparer.Ordinal);
        return ids;
    }

    /// <summary>Passes rows on and keeps the documents their sources cite, each once (rows share source lists: a list just seen adds nothing).</summary>
    private sealed class CitingSink(IDatasetSink inner) : IDatasetSink
    {
        private readonly HashSet<string> cited = new(StringComparer.Ordinal);
        private IReadOnlyList<Source>? lastList;

        public IReadOnlyCollection<string> Cited => cited;

        public void OnEntity(Entity entity)
        {
            inner.OnEntity(entity);
            Note(entity.Sources);
        }

        public void OnRelationship(RelationshipRecord relationship)
        {
            inner.OnRelationship(relationship);
            Note(relationship.Sources);
        }

        private void Note(IReadOnlyList<Source> sources)
        {
            if (ReferenceEquals(sources, lastList))
            {
                return;
            }

            lastList = sources;
            foreach (var source in sources)
            {
                cited.Add(source.Document);
            }
        }
    }

    /// <summary>
    /// Checks that rows arrive in ordinal order: paging relies on the server ordering strings as .NET does (ids and
    /// keys are ASCII, so they do), and a sink is promised that order.
    /// </summary>
    private sealed class ExportOrder(string what, bool allowRepeats = false)
    {
        public string? Last { get; private set; }

        public void Next(string value)
        {
            if (Last is not null && string.CompareOrdinal(Last, value) is var comparison && (comparison > 0 || (comparison == 0 && !allowRepeats)))
            {
                throw new InvalidOperationException($"Neo4j returned {what} out of order: \"{value}\" after \"{Last}\".");
            }

            Last = value;
        }
    }
}
