using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.Mapping;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j.Projection;

/// <summary>
/// Reads the whole graph from Neo4j into the <see cref="GraphIndex"/> the embedded store walks too: entities a page at
/// a time in id order, each with the relationships it starts (<c>cypher/projection/topology-page.cypher</c>). Neo4j
/// reads are read-committed, not a snapshot, so the reader compares the last-commit bookmark before the first page
/// with the one after the last: equal, nothing committed meanwhile and the projection is the database as of that
/// bookmark; different, it reads again (a few times), and otherwise keeps the older bookmark so the next poll sees
/// the database moved and reads again. The document titles are read after the entities, in pages too
/// (<c>cypher/projection/documents-page.cypher</c>), inside the same bookmark check, so titles and graph are of one commit.
/// </summary>
internal sealed class TopologyReader(ICypherRunner runner, int pageSize)
{
    private const int ConsistentReadAttempts = 3;

    public async Task<ProjectedGraph> ReadAsync(CancellationToken cancellationToken)
    {
        ProjectedGraph? read = null;
        var pages = 0;
        for (var attempt = 1; attempt <= ConsistentReadAttempts; attempt++)
        {
            read = await ReadOnceAsync(cancellationToken);
            pages += read.Pages;
            if (read.Consistent)
            {
                break;
            }
        }

        return read! with { Pages = pages };
    }

    /// <summary>The bookmark naming the database's last commit, as one string (empty when the server sends none).</summary>
    public async Task<string> LastCommitAsync(CancellationToken cancellationToken)
    {
        var result = await runner.ReadAsync(CypherScripts.LastCommit.Statement, null, cancellationToken);
        return Bookmark(result);
    }

    private async Task<ProjectedGraph> ReadOnceAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var before = await LastCommitAsync(cancellationToken);
        var entities = new List<Entity>();
        var outgoing = new List<List<object?>>();
        var skipped = new List<string>();
        var after = string.Empty;
        var lastBookmark = before;
        var pages = 0;
        while (true)
        {
            var page = await runner.ReadAsync(
                CypherScripts.TopologyPage.Statement,
                new Dictionary<string, object?> { ["after"] = after, ["pageSize"] = (long)pageSize },
                cancellationToken);
            pages++;
            lastBookmark = Bookmark(page);
            foreach (var row in page.Rows)
            {
                var node = (CypherNode)row["entity"]!;
                after = node.Properties.GetValueOrDefault("id") as string ?? after;
                try
                {
                    entities.Add(GraphProperties.ToEntity(node));
                    outgoing.Add(row["outgoing"] as List<object?> ?? []);
                }
                catch (Exception exception) when (exception is DatasetValidationException or InvalidOperationException or FormatException)
                {
                    // A node made by hand in Neo4j Browser that is no entity of ours: left out, and said so in the log.
                    skipped.Add($"node {node.ElementId}: {exception.Message}");
                }
            }

            if (page.Rows.Count < pageSize)
            {
                break;
            }
        }

        var (titles, titlePages, titlesBookmark) = await ReadTitlesAsync(skipped, cancellationToken);
        lastBookmark = titlesBookmark;
        var graph = Build(entities, outgoing, skipped);
        return new ProjectedGraph(graph, before, Consistent: before == lastBookmark, skipped, System.Diagnostics.Stopwatch.GetElapsedTime(started), pages + titlePages)
        {
            Titles = titles,
        };
    }

    /// <summary>Every document title, a page at a time; a Document node that is none of ours (no title) is left out and noted.</summary>
    private async Task<(DocumentTitles Titles, int Pages, string LastBookmark)> ReadTitlesAsync(List<string> skipped, CancellationToken cancellationToken)
    {
        var titles = new List<DocumentTitle>();
        var after = string.Empty;
        var pages = 0;
        while (true)
        {
            var page = await runner.ReadAsync(
                CypherScripts.DocumentsPage.Statement,
                new Dictionary<string, object?> { ["after"] = after, ["pageSize"] = (long)pageSize },
                cancellationToken);
            pages++;
            foreach (var row in page.Rows)
            {
                after = row["document"] as string ?? after;
                if (DocumentProperties.ToDocumentTitle(row["document"], row["title"], row["url"], out var problem) is { } title)
                {
                    titles.Add(title);
                }
                else
                {
                    skipped.Add(problem!);
                }
            }

            if (page.Rows.Count < pageSize)
            {
                return (titles.Count == 0 ? DocumentTitles.None : new DocumentTitles(titles), pages, Bookmark(page));
            }
        }
    }

    private static GraphIndex Build(List<Entity> entities, List<List<object?>> outgoing, List<string> skipped)
    {
        // Neo4j orders strings by UTF-16 code unit, as the ordinal comparer does; sorted again all the same, since
        // node numbers decide the order walks meet neighbours in and must be the embedded store's.
        var order = Enumerable.Range(0, entities.Count).ToArray();
        Array.Sort([.. entities.Select(entity => entity.Id)], order, StringComparer.Ordinal);
        var builder = new GraphIndexBuilder(entities.Count, outgoing.Sum(list => list.Count));
        foreach (var index in order)
        {
            builder.AddNode(entities[index]);
        }

        // Equal sources texts share one parsed list, as the embedded store shares its source lists.
        // The builder puts edges in one canonical order, so the order Neo4j returns them in does not matter.
        var sourceLists = new Dictionary<string, IReadOnlyList<Source>>(StringComparer.Ordinal);
        foreach (var index in order)
        {
            var from = entities[index].Id;
            builder.TryGetNode(from, out var fromNode);
            foreach (var step in outgoing[index].OfType<Dictionary<string, object?>>())
            {
                if (!TryAddEdge(builder, fromNode, from, step, sourceLists, out var problem))
                {
                    skipped.Add(problem);
                }
            }
        }

        return builder.Build();
    }

    private static bool TryAddEdge(GraphIndexBuilder builder, int fromNode, string from, Dictionary<string, object?> step, Dictionary<string, IReadOnlyList<Source>> sourceLists, out string problem)
    {
        var typeName = step.GetValueOrDefault("type") as string;
        var to = step.GetValueOrDefault("to") as string;
        var statusText = step.GetValueOrDefault("status") as string;
        problem = $"relationship {from}-[:{typeName}]->{to}";
        if (!RelationshipTypes.TryParse(typeName, out var type))
        {
            problem += ": a relationship type SupplyGraph does not know";
            return false;
        }

        if (to is null || !builder.TryGetNode(to, out var toNode))
        {
            problem += ": its end is no entity of the projection";
            return false;
        }

        if (!WireNames.TryParse<RelationshipStatus>(statusText, out var status))
        {
            problem += $": status \"{statusText}\", which SupplyGraph does not know";
            return false;
        }

        var sourcesText = step.GetValueOrDefault("sources") as string ?? "[]";
        if (!sourceLists.TryGetValue(sourcesText, out var sources))
        {
            try
            {
                sources = DatasetReader.ReadSourcesJson(sourcesText, $"neo4j {problem}");
            }
            catch (DatasetValidationException exception)
            {
                problem += ": " + exception.Message;
                return false;
            }

            sourceLists[sourcesText] = sources;
        }

        var key = step.GetValueOrDefault("key") as string;
        var explicitKey = key is null || key == RelationshipRecord.DefaultKey(from, type, to) ? null : key;
        builder.AddEdge(fromNode, toNode, type, step.GetValueOrDefault("validFrom") as DateOnly?, step.GetValueOrDefault("validTo") as DateOnly?, status, explicitKey, step.GetValueOrDefault("note") as string, sources);
        return true;
    }

    private static string Bookmark(CypherResult result) => string.Join(",", result.Bookmarks);
}

/// <summary>
/// One read of the graph: the index, the bookmark it reflects, whether nothing committed during the read, and the
/// pages it took (over every try, when the database moved under a read), the document titles' pages included.
/// </summary>
internal sealed record ProjectedGraph(GraphIndex Graph, string Bookmark, bool Consistent, IReadOnlyList<string> Skipped, TimeSpan Elapsed, int Pages)
{
    /// <summary>The document titles read with the graph.</summary>
    public DocumentTitles Titles { get; init; } = DocumentTitles.None;
}
