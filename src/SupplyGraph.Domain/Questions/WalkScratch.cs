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

    /// <summary>
    /// Route arenas larger than this are let go when the walk ends rather than kept for the next: a rare huge answer
    /// (on a graph of millions) should not pin its memory in every kept set.
    /// </summary>
    private const long KeptArenaBytes = 64L << 20;
    private static readonly ConditionalWeakTable<GraphIndex, ConcurrentBag<WalkScratch>> Pools = new();

    private ListingSlot[]? listing;
    private PositionSlot[]? positions;
    private RouteArena? routes;
    private int positionsStamp;

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

    /// <summary>The routes <see cref="ShortestRoutes"/> makes: made by the first walk of this set that lists routes, then reused.</summary>
    public RouteArena Routes => routes ??= new RouteArena();

    /// <summary>The steps into nodes that listing routes uses, one range per node and kind (see <see cref="ListingSlot"/>).</summary>
    public GrowingArray<Walk.Step> StepsInto { get; } = new();

    /// <summary>Where each range of <see cref="StepsInto"/> starts, and how long it is.</summary>
    public GrowingArray<StepRange> StepRanges { get; } = new();

    /// <summary>The steps of the route being searched back from its end (longer routes).</summary>
    public List<Walk.Step> Trail { get; } = [];

    public List<int> NextStep { get; } = [];

    public List<int> Order { get; } = [];

    public List<int> Frontier { get; private set; } = [];

    public List<int> NextFrontier { get; private set; } = [];

    public int Reached { get; private set; }

    public int ReachedAndExpanded => Reached + 1;

    /// <summary>
    /// Per-node positions for one pass that finds each entity once among a node's steps in (see
    /// <see cref="BeginPositions"/>): stamped, so a pass costs nothing to start.
    /// </summary>
    public PositionSlot[] Positions => positions ??= new PositionSlot[Nodes.Length];

    /// <summary>Starts a pass over <see cref="Positions"/>: slots stamped with the returned number are this pass's.</summary>
    public int BeginPositions()
    {
        if (positionsStamp == int.MaxValue)
        {
            Array.Clear(Positions);
            positionsStamp = 0;
        }

        return ++positionsStamp;
    }

    public static WalkScratch Rent(GraphIndex graph)
    {
        var pool = Pools.GetValue(graph, _ => []);
        var scratch = pool.TryTake(out var kept) ? kept : new WalkScratch(graph.NodeCount);
        scratch.Begin();
        return scratch;
    }

    public void Return(GraphIndex graph)
    {
        if (routes is not null && routes.Bytes > KeptArenaBytes)
        {
            routes = null;
        }

        if (StepsInto.Bytes > KeptArenaBytes)
        {
            StepsInto.TrimTo(16);
        }

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
        routes?.Clear();
        StepsInto.Clear();
        StepRanges.Clear();
        Trail.Clear();
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

/// <summary>A node's listing state in one walk: indexes + 1 into the scratch's ranges and arenas (0: not made yet) and its masks.</summary>
internal struct ListingSlot
{
    /// <summary>The walk's number (<see cref="WalkScratch.Reached"/>) when the slot was last reset.</summary>
    public int Stamp;

    /// <summary>The shortest steps into the node as a route's end, and on the way to another (<see cref="WalkScratch.StepRanges"/>).</summary>
    public int StepsAsEnd;

    public int StepsOnTheWay;

    /// <summary>The node's route lists: where its group starts in <see cref="RouteArena.Groups"/>.</summary>
    public int Lists;

    /// <summary>The weakest statuses of the node's routes: bits 0-3 on the way, 4-7 as an end; bits 8 and 9 once each is known.</summary>
    public int WeakestMasks;

    /// <summary>The best steps into the node from any level (for longer routes), as a route's end and on the way to another.</summary>
    public int AnyStepsAsEnd;

    public int AnyStepsOnTheWay;
}

/// <summary>A run of <see cref="WalkScratch.StepsInto"/>.</summary>
internal readonly record struct StepRange(int Start, int Count);

/// <summary>Where a node's entity stands in the list being made, for the pass stamped <see cref="Stamp"/>.</summary>
internal struct PositionSlot
{
    public int Stamp;

    public int At;
}
