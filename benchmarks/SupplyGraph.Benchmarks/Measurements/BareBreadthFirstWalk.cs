using SupplyGraph.Domain.Graph;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// The design's floor: a breadth-first walk over the same index with nothing but a visited mark per node and a
/// queue, following relationships both ways, stopping after as many relationships as the question examined.
/// No types, dates, steps or answers. A question's time per relationship is compared with this walk's.
/// </summary>
public sealed class BareBreadthFirstWalk(GraphIndex graph)
{
    // Marks are stamped with a walk number, so a walk costs what it visits, not the size of the graph.
    private readonly int[] visitedInWalk = new int[graph.NodeCount];
    private readonly int[] queue = new int[graph.NodeCount];
    private int walk;

    /// <summary>Walks from <paramref name="start"/> until <paramref name="relationshipLimit"/> relationships are examined or nothing is left; returns how many were.</summary>
    public long Run(int start, long relationshipLimit)
    {
        walk++;
        var head = 0;
        var tail = 0;
        queue[tail++] = start;
        visitedInWalk[start] = walk;
        long examined = 0;
        while (head < tail)
        {
            var node = queue[head++];
            foreach (var edge in graph.Outgoing(node))
            {
                if (++examined >= relationshipLimit)
                {
                    return examined;
                }

                Visit(graph.To(edge), ref tail);
            }

            foreach (var edge in graph.Incoming(node))
            {
                if (++examined >= relationshipLimit)
                {
                    return examined;
                }

                Visit(graph.From(edge), ref tail);
            }
        }

        return examined;
    }

    private void Visit(int node, ref int tail)
    {
        if (visitedInWalk[node] != walk)
        {
            visitedInWalk[node] = walk;
            queue[tail++] = node;
        }
    }
}
