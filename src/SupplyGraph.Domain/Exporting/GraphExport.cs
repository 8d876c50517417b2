using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Exporting;

/// <summary>Hands part of a <see cref="GraphIndex"/> to a sink in the export order: entities by id, then relationships by key.</summary>
public static class GraphExport
{
    /// <summary>
    /// The nodes within <paramref name="hops"/> relationships of the entity <paramref name="id"/>, either direction,
    /// and the entities their fields name (<see cref="EntityReferences.ReferencedIds"/>), so the export is a valid dataset.
    /// </summary>
    public static int[] Neighbourhood(GraphIndex graph, string id, int hops)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(hops);
        if (!graph.TryGetNode(id, out var start))
        {
            throw new ArgumentException($"No entity has the id \"{id}\".", nameof(id));
        }

        var seen = new HashSet<int> { start };
        var frontier = new List<int> { start };
        for (var hop = 0; hop < hops && frontier.Count > 0; hop++)
        {
            var next = new List<int>();
            foreach (var node in frontier)
            {
                foreach (var edge in graph.Outgoing(node))
                {
                    if (seen.Add(graph.To(edge)))
                    {
                        next.Add(graph.To(edge));
                    }
                }

                foreach (var edge in graph.Incoming(node))
                {
                    if (seen.Add(graph.From(edge)))
                    {
                        next.Add(graph.From(edge));
                    }
                }
            }

            frontier = next;
        }

        foreach (var node in seen.ToArray())
        {
            foreach (var referenced in graph.Node(node).ReferencedIds())
            {
                if (graph.TryGetNode(referenced, out var reference))
                {
                    seen.Add(reference);
                }
            }
        }

        return [.. seen];
    }

    /// <summary>Writes the given nodes and every relationship between two of them (no document titles).</summary>
    public static DatasetHeader Write(GraphIndex graph, IReadOnlyCollection<int> nodes, IDatasetSink sink, CancellationToken cancellationToken) =>
        Write(graph, nodes, sink, titles: null, cancellationToken);

    /// <summary>
    /// Writes the given nodes and every relationship between two of them, then the <paramref name="titles"/> of the
    /// documents their sources cite (so an export imports again with its titles, and names no document it does not cite).
    /// </summary>
    public static DatasetHeader Write(GraphIndex graph, IReadOnlyCollection<int> nodes, IDatasetSink sink, IDocumentTitles? titles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(sink);
        var cited = new CitedTitles(titles);
        var included = new bool[graph.NodeCount];
        foreach (var node in nodes)
        {
            included[node] = true;
        }

        var byId = nodes.ToArray();
        Array.Sort(byId, (left, right) => string.CompareOrdinal(graph.Node(left).Id, graph.Node(right).Id));
        var edges = new List<int>();
        for (var i = 0; i < byId.Length; i++)
        {
            if (i % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var entity = graph.Node(byId[i]);
            sink.OnEntity(entity);
            cited.Note(entity.Sources);
            foreach (var edge in graph.Outgoing(byId[i]))
            {
                if (included[graph.To(edge)])
                {
                    edges.Add(edge);
                }
            }
        }

        var keys = edges.Select(graph.Key).ToArray();
        var byKey = edges.ToArray();
        Array.Sort(keys, byKey, StringComparer.Ordinal);
        for (var i = 0; i < byKey.Length; i++)
        {
            if (i % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var relationship = graph.Edge(byKey[i]);
            sink.OnRelationship(relationship);
            cited.Note(relationship.Sources);
        }

        foreach (var document in cited.InDocumentOrder())
        {
            sink.OnDocument(document);
        }

        return new DatasetHeader("export", null, byId.Length, byKey.Length);
    }

    /// <summary>The titled documents the written rows cite, each once.</summary>
    private sealed class CitedTitles(IDocumentTitles? titles)
    {
        private readonly Dictionary<string, DocumentTitle> byDocument = new(StringComparer.Ordinal);
        private IReadOnlyList<Source>? lastList;

        public void Note(IReadOnlyList<Source> sources)
        {
            // Rows share source lists: a list just seen adds nothing.
            if (titles is null || ReferenceEquals(sources, lastList))
            {
                return;
            }

            lastList = sources;
            foreach (var source in sources)
            {
                if (!byDocument.ContainsKey(source.Document) && titles.FindTitle(source.Document) is { } title)
                {
                    byDocument.Add(source.Document, title);
                }
            }
        }

        public IEnumerable<DocumentTitle> InDocumentOrder() => byDocument.Values.OrderBy(title => title.Document, StringComparer.Ordinal);
    }
}
