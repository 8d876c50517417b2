using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SupplyGraph.Domain.Graph;

namespace SupplyGraph.Domain.Questions;

/// <summary>
/// Per-node arrays a <see cref="Walk"/> writes into, reused from walk to walk. A walk stamps the nodes it touches
/// with its own number, so starting a walk costs nothing however large the graph: it never clears the arrays.
/// A few sets are kept per graph (more concurrent walks simply make more, which the collector takes back).
/// </summary>
internal sealed class WalkScratch
{
    private const int KeptPerGraph = 8;
    private static readonly ConditionalWeakTable<GraphIndex, ConcurrentBag<WalkScratch>> Pools = new();

    private ListingSlot[]? listing;

    private WalkScratch(int nodes) => Nodes = new NodeSlot[nodes];

    /// <summary>What the walk knows of each node, together in one slot: a node costs one cache line, not four.</summary>
    public NodeSlot[] Nodes { get; }

    /// <summary>Lists a walk fills, kept with their capacity: large walks would otherwise allocate (and collect) large arrays each time.</summary>
    public List<Walk.Step> Steps { get; } = [];

    /// <summary>
    /// What listing routes keeps per node, stamped like <see cref="Nodes"/>: made by the first walk of this set that
    /// lists routes, then reused (a fresh array per question would be a large allocation and a full collection each).
    /// </summary>
    public ListingSlot[] Listing => listing ??= new ListingSlot[Nodes.Length];

    public List<int> NextStep { get; } = [];

    public List<int> Order { get; } = [];

    public List<int> Frontier { get; private set; } = [];

    public List<int> NextFrontier { get; private set; } = [];

    public int Reached { get; private set; }

    public int ReachedAndExpanded => Reached + 1;

    public static WalkScratch Rent(GraphIndex graph)
    {
        var pool = Pools.GetValue(graph, _ => []);
        var scratch = pool.TryTake(out var kept) ? kept : new WalkScratch(graph.NodeCount);
        scratch.Begin();
        return scratch;
    }

    public void Return(GraphIndex graph)
    {
        var pool = Pools.GetValue(graph, _ => []);
        if (pool.Count < KeptPerGraph)
        {
            pool.Add(this);
        }
    }

    private void Begin()
    {
        if (Reached >= int.MaxValue - 4)
        {
            Array.Clear(Nodes);
            if (listing is not null)
            {
                Array.Clear(listing);
            }

            Reached = 0;
        }

        Reached += 2;
        Steps.Clear();
        NextStep.Clear();
        Order.Clear();
        Frontier.Clear();
        NextFrontier.Clear();
    }

    /// <summary>The next level becomes the frontier; the old frontier, emptied, collects the level after.</summary>
    public void SwapFrontiers()
    {
        (Frontier, NextFrontier) = (NextFrontier, Frontier);
        NextFrontier.Clear();
    }
}

/// <summary>A node's state in one walk.</summary>
internal struct NodeSlot
{
    /// <summary><c>2 × walk</c> when the node was reached in this walk; <c>2 × walk + 1</c> when also walked on from.</summary>
    public int Stamp;

    /// <summary>The length of the shortest routes that end at the node (a terminal step may end a route).</summary>
    public int Depth;

    /// <summary>
    /// The length of the shortest routes that pass through the node: the level it was walked on from. It differs from
    /// <see cref="Depth"/> when a terminal step reached the node first. Set only once the node is marked walked on from.
    /// </summary>
    public int MidDepth;

    /// <summary>The first and last step into the node (indexes into the walk's steps, chained in order).</summary>
    public int FirstStep;

    public int LastStep;
}

/// <summary>A node's listing state in one walk: indexes + 1 into the walk's lists (0: not made yet) and its masks.</summary>
internal struct ListingSlot
{
    /// <summary>The walk's number (<see cref="WalkScratch.Reached"/>) when the slot was last reset.</summary>
    public int Stamp;

    /// <summary>The shortest steps into the node as a route's end, and on the way to another.</summary>
    public int StepsAsEnd;

    public int StepsOnTheWay;

    /// <summary>The node's route lists.</summary>
    public int Lists;

    /// <summary>The weakest statuses of the node's routes: bits 0-3 on the way, 4-7 as an end; bits 8 and 9 once each is known.</summary>
    public int WeakestMasks;
}
