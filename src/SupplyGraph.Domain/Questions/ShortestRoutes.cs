using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Questions;

/// <summary>
/// The shortest routes from a walk's start, listed lazily, best first, from one shared predecessor graph: the walk's
/// steps from each level to the next. A node's routes are made from its predecessors' routes, each made once per
/// answer however many entities' routes pass through it, and only as many as are asked for, so listing up to
/// <c>maxPaths</c> routes for every reached entity costs what is listed, not the number of routes there are.
/// </summary>
/// <remarks>
/// The order is <see cref="Walk"/>'s: the weakest status on the route, then the sum of statuses, then the ids as text.
/// Extending routes by one step keeps their order only among routes whose weakest status is the same (a weaker step
/// can make two routes' weakest equal, and then the sum decides), so each node keeps one sorted list per weakest
/// status: extending a list by a step keeps it sorted, and a node's list for a status merges the lists of its
/// predecessors that the step brings to that status. Routes to one node all have the same length and end, so
/// comparing their ids position by position is comparing their joined text.
/// </remarks>
internal sealed class ShortestRoutes(GraphIndex graph, int start, Walk walk)
{
    private const int Statuses = 4;

    private readonly GraphIndex graph = graph;
    private readonly Walk walk = walk;

    // A node's lists, found through its listing slot in the walk (ListingSlot.Lists is an index + 1 into this).
    private readonly List<RouteList?[]> listGroups = [];

    /// <summary>Route extensions made so far: the work of listing, for the answer's exploration count.</summary>
    public long Extensions { get; private set; }

    /// <summary>Up to <paramref name="count"/> shortest routes to <paramref name="target"/>, best first, each from the start.</summary>
    public List<List<Walk.Step>> To(int target, int count)
    {
        var found = new List<List<Walk.Step>>();
        To(target, count, found);
        return found;
    }

    /// <summary>
    /// How many shortest routes to <paramref name="target"/> there are, up to <paramref name="count"/>; each added to
    /// <paramref name="found"/>, best first, when given. Counting makes the same routes (and counts the same work) as listing.
    /// </summary>
    public int To(int target, int count, List<List<Walk.Step>>? found)
    {
        if (target == start)
        {
            found?.Add([]);
            return 1;
        }

        var made = 0;
        var mask = WeakestMask(target, isLast: true);
        for (var weakest = 0; weakest < Statuses && made < count; weakest++)
        {
            if ((mask & (1 << weakest)) == 0)
            {
                continue;
            }

            var list = List(target, isLast: true, weakest);
            for (var index = 0; made < count && list.Get(index, this) is { } route; index++)
            {
                made++;
                found?.Add(route.ToSteps());
            }
        }

        return made;
    }

    /// <summary>
    /// Which weakest statuses the node's shortest routes have, one bit each: lists are made only for those, since most
    /// nodes' routes all share one.
    /// </summary>
    private int WeakestMask(int node, bool isLast)
    {
        if (node == start)
        {
            return isLast ? 0 : 1;
        }

        var shift = isLast ? 4 : 0;
        var known = isLast ? 0x200 : 0x100;
        var stored = walk.ListingOf(node).WeakestMasks;
        if ((stored & known) != 0)
        {
            return (stored >> shift) & 0xF;
        }

        var mask = 0;
        foreach (var step in walk.ShortestStepsInto(node, isLast))
        {
            mask |= Lift(WeakestMask(step.From, isLast: false), (int)graph.Status(step.Edge));
        }

        walk.ListingOf(node).WeakestMasks |= known | (mask << shift);
        return mask;
    }

    /// <summary>The weakest statuses of routes once a step of <paramref name="status"/> is added: those below it become it.</summary>
    private static int Lift(int mask, int status)
    {
        var below = (1 << status) - 1;
        return (mask & ~below) | ((mask & below) != 0 ? 1 << status : 0);
    }

    private RouteList List(int node, bool isLast, int weakest)
    {
        ref var listing = ref walk.ListingOf(node);
        if (listing.Lists == 0)
        {
            listGroups.Add(new RouteList?[2 * Statuses]);
            listing.Lists = listGroups.Count;
        }

        var group = listGroups[listing.Lists - 1];
        var slot = (isLast ? Statuses : 0) + weakest;
        return group[slot] ??= node == start
            ? RouteList.OfStart(weakest == 0)
            : new RouteList(node, isLast, weakest);
    }

    /// <summary>A route as a chain back to the start: routes share their beginnings.</summary>
    internal sealed class Route(Route? previous, Walk.Step step, int weakest, int statusSum, int length)
    {
        public static readonly Route Empty = new(null, default, 0, 0, 0);

        public Route? Previous { get; } = previous;

        public Walk.Step Step { get; } = step;

        public int Weakest { get; } = weakest;

        public int StatusSum { get; } = statusSum;

        public int Length { get; } = length;

        public Route Extend(Walk.Step next, GraphIndex graph)
        {
            var status = (int)graph.Status(next.Edge);
            return new Route(this, next, Math.Max(Weakest, status), StatusSum + status, Length + 1);
        }

        public List<Walk.Step> ToSteps()
        {
            var steps = new List<Walk.Step>(Length);
            System.Runtime.InteropServices.CollectionsMarshal.SetCount(steps, Length);
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(steps);
            var route = this;
            for (var index = Length - 1; index >= 0; index--)
            {
                span[index] = route.Step;
                route = route.Previous!;
            }

            return steps;
        }
    }

    /// <summary>The routes to one node (as a route's end or on its way) whose weakest status is one value, sorted, made on demand.</summary>
    private sealed class RouteList
    {
        private readonly int node;
        private readonly bool isLast;
        private readonly int weakest;
        private readonly List<Route> made = [];
        private PriorityQueue<Candidate, Candidate>? candidates;

        // A list fed by one predecessor list through one step (the common case) just extends that list's routes.
        private RouteList? onlySource;
        private Walk.Step onlyStep;
        private bool started;

        public RouteList(int node, bool isLast, int weakest)
        {
            this.node = node;
            this.isLast = isLast;
            this.weakest = weakest;
        }

        private RouteList(bool holdsTheEmptyRoute)
        {
            started = true;
            if (holdsTheEmptyRoute)
            {
                made.Add(Route.Empty);
            }
        }

        public static RouteList OfStart(bool holdsTheEmptyRoute) => new(holdsTheEmptyRoute);

        public Route? Get(int index, ShortestRoutes routes)
        {
            if (!started)
            {
                Start(routes);
            }

            if (onlySource is not null)
            {
                while (made.Count <= index && onlySource.Get(made.Count, routes) is { } before)
                {
                    routes.Extensions++;
                    made.Add(before.Extend(onlyStep, routes.graph));
                }

                return index < made.Count ? made[index] : null;
            }

            while (made.Count <= index && candidates is { Count: > 0 })
            {
                var best = candidates.Dequeue();
                made.Add(best.Route);
                if (best.Source.Get(best.SourceIndex + 1, routes) is { } next)
                {
                    Offer(routes, next.Extend(best.Step, routes.graph), best.Source, best.SourceIndex + 1, best.Step);
                }
            }

            return index < made.Count ? made[index] : null;
        }

        private void Start(ShortestRoutes routes)
        {
            started = true;
            var sources = new List<(RouteList Source, Walk.Step Step)>();
            foreach (var step in routes.walk.ShortestStepsInto(node, isLast))
            {
                var status = (int)routes.graph.Status(step.Edge);
                if (status > weakest)
                {
                    continue;
                }

                // Predecessor routes whose weakest, with this step's status, makes this list's weakest.
                var mask = routes.WeakestMask(step.From, isLast: false);
                for (var before = status == weakest ? 0 : weakest; before <= weakest; before++)
                {
                    if ((mask & (1 << before)) != 0)
                    {
                        sources.Add((routes.List(step.From, isLast: false, before), step));
                    }
                }
            }

            if (sources.Count == 1)
            {
                (onlySource, onlyStep) = sources[0];
                return;
            }

            foreach (var (source, step) in sources)
            {
                if (source.Get(0, routes) is { } first)
                {
                    Offer(routes, first.Extend(step, routes.graph), source, 0, step);
                }
            }
        }

        private void Offer(ShortestRoutes routes, Route route, RouteList source, int sourceIndex, Walk.Step step)
        {
            routes.Extensions++;
            candidates ??= new PriorityQueue<Candidate, Candidate>(new CandidateOrder(routes.graph));
            var candidate = new Candidate(route, source, sourceIndex, step);
            candidates.Enqueue(candidate, candidate);
        }
    }

    private readonly record struct Candidate(Route Route, RouteList Source, int SourceIndex, Walk.Step Step);

    /// <summary>Routes to one node with one weakest status: the smaller sum of statuses first, then the ids as text.</summary>
    private sealed class CandidateOrder(GraphIndex graph) : IComparer<Candidate>
    {
        public int Compare(Candidate x, Candidate y)
        {
            var left = x.Route;
            var right = y.Route;
            if (left.StatusSum != right.StatusSum)
            {
                return left.StatusSum.CompareTo(right.StatusSum);
            }

            // The first position where the routes differ decides, walking back from their common end.
            var decided = 0;
            while (left != right && left.Previous is not null && right.Previous is not null)
            {
                if (left.Step.To != right.Step.To)
                {
                    decided = CompareIdsInText(graph.Node(left.Step.To).Id, graph.Node(right.Step.To).Id);
                }

                left = left.Previous;
                right = right.Previous;
            }

            return decided;
        }

        /// <summary>Two ids as they compare inside joined route text, each followed by the separator.</summary>
        private static int CompareIdsInText(string left, string right)
        {
            const char Separator = '>';
            var length = Math.Min(left.Length, right.Length);
            var common = left.AsSpan(0, length).CommonPrefixLength(right.AsSpan(0, length));
            if (common < length)
            {
                return left[common].CompareTo(right[common]);
            }

            var l = left.Length > length ? left[length] : Separator;
            var r = right.Length > length ? right[length] : Separator;
            return l.CompareTo(r);
        }
    }
}
