using System.Runtime.InteropServices;
using SupplyGraph.Domain.Graph;

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
/// <para>
/// Routes, lists, their merge queues and what they have made are structs in the walk's <see cref="RouteArena"/>,
/// reused from answer to answer: a hub's answer makes a few hundred thousand of each, which as objects were most of
/// its garbage. Counting routes (an answer without paths) makes the same routes as listing them: the work an answer
/// reports (<see cref="Extensions"/>) depends on which predecessor's routes a merge takes first, so only making them
/// keeps it exact.
/// </para>
/// </remarks>
internal sealed class ShortestRoutes
{
    private const int Statuses = 4;
    private const int NoRoute = -1;
    private const int NoList = -1;
    private const int FirstMadeCapacity = 4;

    private readonly GraphIndex graph;
    private readonly int start;
    private readonly Walk walk;
    private readonly RouteArena arena;

    public ShortestRoutes(GraphIndex graph, int start, Walk walk, RouteArena arena)
    {
        this.graph = graph;
        this.start = start;
        this.walk = walk;
        this.arena = arena;
        arena.Clear();
        arena.Routes.Add(new RouteEntry(NoRoute, default, 0, 0, 0));
    }

    /// <summary>The route with no step: the start's own.</summary>
    private static int EmptyRoute => 0;

    /// <summary>Where every route starts: the walk's start.</summary>
    public int From => start;

    /// <summary>Route extensions made so far: the work of listing, for the answer's exploration count.</summary>
    public long Extensions { get; private set; }

    /// <summary>
    /// How many shortest routes to <paramref name="target"/> there are, up to <paramref name="count"/>; each added to
    /// <paramref name="found"/> (by its number, see <see cref="ToSteps"/>), best first, when given. Counting makes the
    /// same routes (and counts the same work) as listing.
    /// </summary>
    public int To(int target, int count, List<int>? found)
    {
        if (target == start)
        {
            found?.Add(EmptyRoute);
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
            for (var index = 0; made < count && Get(list, index) is var route and not NoRoute; index++)
            {
                made++;
                found?.Add(route);
            }
        }

        return made;
    }

    /// <summary>How many steps a route made in this answer has.</summary>
    public int LengthOf(int route) => arena.Routes[route].Length;

    /// <summary>A route's last step.</summary>
    public Walk.Step LastStepOf(int route) => arena.Routes[route].Step;

    /// <summary>The route that <paramref name="route"/> extends by its last step.</summary>
    public int PreviousOf(int route) => arena.Routes[route].Previous;

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

    /// <summary>The node's list of routes (as a route's end or on the way) with one weakest status, made on first use.</summary>
    private int List(int node, bool isLast, int weakest)
    {
        var groups = arena.Groups;
        ref var listing = ref walk.ListingOf(node);
        if (listing.Lists == 0)
        {
            var group = groups.Reserve(2 * Statuses);
            for (var slot = 0; slot < 2 * Statuses; slot++)
            {
                groups[group + slot] = 0;
            }

            listing.Lists = group + 1;
        }

        var at = listing.Lists - 1 + (isLast ? Statuses : 0) + weakest;
        if (groups[at] == 0)
        {
            var made = node == start ? StartList(holdsTheEmptyRoute: weakest == 0) : arena.Lists.Add(new RouteListEntry(node, isLast, weakest));
            groups[at] = made + 1;
        }

        return groups[at] - 1;
    }

    /// <summary>The start's list: the empty route, or (for a weakest status above the best) nothing.</summary>
    private int StartList(bool holdsTheEmptyRoute)
    {
        var list = arena.Lists.Add(new RouteListEntry(start, isLast: false, weakest: 0) { Started = true });
        if (holdsTheEmptyRoute)
        {
            AddMade(list, EmptyRoute);
        }

        return list;
    }

    /// <summary>The route at <paramref name="index"/> of a list (made on demand), or <see cref="NoRoute"/> past its end.</summary>
    private int Get(int list, int index)
    {
        var lists = arena.Lists;
        if (!lists[list].Started)
        {
            Open(list);
        }

        // Nothing below holds a reference into an arena across a call that may grow it: indexes only.
        if (lists[list].OnlySource != NoList)
        {
            while (lists[list].MadeCount <= index)
            {
                var before = Get(lists[list].OnlySource, lists[list].MadeCount);
                if (before == NoRoute)
                {
                    break;
                }

                Extensions++;
                AddMade(list, Extend(before, lists[list].OnlyStep));
            }
        }
        else
        {
            while (lists[list].MadeCount <= index && lists[list].QueueCount > 0)
            {
                var best = Dequeue(list);
                AddMade(list, best.Route);
                var next = Get(best.Source, best.SourceIndex + 1);
                if (next != NoRoute)
                {
                    Offer(list, Extend(next, arena.Routes[best.Route].Step), best.Source, best.SourceIndex + 1);
                }
            }
        }

        ref var entry = ref lists[list];
        return index < entry.MadeCount ? arena.Made[entry.MadeStart + index] : NoRoute;
    }

    /// <summary>Finds the predecessor lists that feed a list and, when there are several, offers each one's best route.</summary>
    private void Open(int list)
    {
        var lists = arena.Lists;
        var pending = arena.Pending;
        lists[list].Started = true;
        var (node, isLast, weakest) = (lists[list].Node, lists[list].IsLast, lists[list].Weakest);

        // The sources go on a stack: offering their first routes starts other lists, which push (and pop) their own above.
        var first = pending.Count;
        foreach (var step in walk.ShortestStepsInto(node, isLast))
        {
            var status = (int)graph.Status(step.Edge);
            if (status > weakest)
            {
                continue;
            }

            // Predecessor routes whose weakest, with this step's status, makes this list's weakest.
            var mask = WeakestMask(step.From, isLast: false);
            for (var before = status == weakest ? 0 : weakest; before <= weakest; before++)
            {
                if ((mask & (1 << before)) != 0)
                {
                    pending.Add(new PendingSource(List(step.From, isLast: false, before), step));
                }
            }
        }

        var sources = pending.Count - first;
        if (sources == 1)
        {
            // A list fed by one predecessor list through one step (the common case) just extends that list's routes.
            lists[list].OnlySource = pending[first].List;
            lists[list].OnlyStep = pending[first].Step;
            pending.Truncate(first);
            return;
        }

        // At most one route from each source waits in the queue at a time.
        lists[list].QueueStart = arena.Queues.Reserve(sources);
        for (var source = first; source < first + sources; source++)
        {
            var (from, step) = (pending[source].List, pending[source].Step);
            var route = Get(from, 0);
            if (route != NoRoute)
            {
                Offer(list, Extend(route, step), from, 0);
            }
        }

        pending.Truncate(first);
    }

    private int Extend(int route, Walk.Step step)
    {
        var status = (int)graph.Status(step.Edge);
        ref var before = ref arena.Routes[route];
        return arena.Routes.Add(new RouteEntry(route, step, Math.Max(before.Weakest, status), before.StatusSum + status, before.Length + 1));
    }

    private void AddMade(int list, int route)
    {
        var made = arena.Made;
        ref var entry = ref arena.Lists[list];
        if (entry.MadeCount == entry.MadeCapacity)
        {
            var capacity = Math.Max(FirstMadeCapacity, entry.MadeCapacity * 2);
            if (entry.MadeCapacity > 0 && entry.MadeStart + entry.MadeCapacity == made.Count)
            {
                // The last segment grows where it is.
                made.Reserve(capacity - entry.MadeCapacity);
            }
            else
            {
                // Another grows at the end; its old segment lies unused until the arena is emptied.
                var moved = made.Reserve(capacity);
                for (var index = 0; index < entry.MadeCount; index++)
                {
                    made[moved + index] = made[entry.MadeStart + index];
                }

                entry.MadeStart = moved;
            }

            entry.MadeCapacity = capacity;
        }

        made[entry.MadeStart + entry.MadeCount++] = route;
    }

    /// <summary>Adds a candidate route to a list's merge queue (a binary heap in the list's segment of the queue arena).</summary>
    private void Offer(int list, int route, int source, int sourceIndex)
    {
        Extensions++;
        var queues = arena.Queues;
        var (first, count) = (arena.Lists[list].QueueStart, arena.Lists[list].QueueCount++);
        var candidate = new Candidate(route, source, sourceIndex);
        var at = count;
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (Compare(queues[first + parent].Route, route) <= 0)
            {
                break;
            }

            queues[first + at] = queues[first + parent];
            at = parent;
        }

        queues[first + at] = candidate;
    }

    private Candidate Dequeue(int list)
    {
        var queues = arena.Queues;
        var first = arena.Lists[list].QueueStart;
        var count = --arena.Lists[list].QueueCount;
        var best = queues[first];
        var last = queues[first + count];
        var at = 0;
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && Compare(queues[first + child + 1].Route, queues[first + child].Route) < 0)
            {
                child++;
            }

            if (Compare(last.Route, queues[first + child].Route) <= 0)
            {
                break;
            }

            queues[first + at] = queues[first + child];
            at = child;
        }

        queues[first + at] = last;
        return best;
    }

    /// <summary>
    /// Routes to one node with one weakest status: the smaller sum of statuses first, then the ids as text. No two
    /// routes in a list tie: one step joins two entities, so two routes with the same ids are the same route.
    /// </summary>
    private int Compare(int leftRoute, int rightRoute)
    {
        var routes = arena.Routes;
        var (left, right) = (leftRoute, rightRoute);
        if (routes[left].StatusSum != routes[right].StatusSum)
        {
            return routes[left].StatusSum.CompareTo(routes[right].StatusSum);
        }

        // The first position where the routes differ decides, walking back from their common end.
        var decided = 0;
        while (left != right && routes[left].Previous != NoRoute && routes[right].Previous != NoRoute)
        {
            if (routes[left].Step.To != routes[right].Step.To)
            {
                decided = CompareIdsInText(graph.Node(routes[left].Step.To).Id, graph.Node(routes[right].Step.To).Id);
            }

            left = routes[left].Previous;
            right = routes[right].Previous;
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

    /// <summary>A route's steps, from the start.</summary>
    public List<Walk.Step> ToSteps(int route)
    {
        var length = arena.Routes[route].Length;
        var steps = new List<Walk.Step>(length);
        CollectionsMarshal.SetCount(steps, length);
        var span = CollectionsMarshal.AsSpan(steps);
        for (var index = length - 1; index >= 0; index--)
        {
            span[index] = arena.Routes[route].Step;
            route = arena.Routes[route].Previous;
        }

        return steps;
    }

    /// <summary>A route as a link back to the route it extends: routes share their beginnings.</summary>
    internal readonly record struct RouteEntry(int Previous, Walk.Step Step, int Weakest, int StatusSum, int Length);

    /// <summary>
    /// The routes to one node (as a route's end or on its way) whose weakest status is one value, sorted, made on
    /// demand: the routes made so far (a segment of <see cref="RouteArena.Made"/>), and either the one predecessor
    /// list it extends or a merge queue over several (a segment of <see cref="RouteArena.Queues"/>).
    /// </summary>
    internal struct RouteListEntry(int node, bool isLast, int weakest)
    {
        public readonly int Node = node;
        public readonly bool IsLast = isLast;
        public readonly int Weakest = weakest;
        public bool Started;
        public int OnlySource = NoList;
        public Walk.Step OnlyStep;
        public int MadeStart;
        public int MadeCount;
        public int MadeCapacity;
        public int QueueStart;
        public int QueueCount;
    }

    /// <summary>A route waiting in a merge: the <paramref name="SourceIndex"/>th of its source list, extended by one step.</summary>
    internal readonly record struct Candidate(int Route, int Source, int SourceIndex);

    /// <summary>A list feeding one being started, and the step that extends its routes.</summary>
    internal readonly record struct PendingSource(int List, Walk.Step Step);
}

/// <summary>The arenas <see cref="ShortestRoutes"/> keeps its routes and lists in, one set per <see cref="WalkScratch"/>.</summary>
internal sealed class RouteArena
{
    public GrowingArray<ShortestRoutes.RouteEntry> Routes { get; } = new(1024);

    public GrowingArray<ShortestRoutes.RouteListEntry> Lists { get; } = new(1024);

    /// <summary>Each list's routes made so far, by route index: a segment per list, moved to the end when it grows.</summary>
    public GrowingArray<int> Made { get; } = new(4096);

    /// <summary>Each merging list's queue, a segment as long as it has sources.</summary>
    public GrowingArray<ShortestRoutes.Candidate> Queues { get; } = new(1024);

    /// <summary>A stack of the sources of the lists being started.</summary>
    public GrowingArray<ShortestRoutes.PendingSource> Pending { get; } = new(64);

    /// <summary>Each node's lists (two per weakest status: as an end, on the way), as list index + 1, 0 for none yet.</summary>
    public GrowingArray<int> Groups { get; } = new(1024);

    public long Bytes => Routes.Bytes + Lists.Bytes + Made.Bytes + Queues.Bytes + Pending.Bytes + Groups.Bytes;

    public void Clear()
    {
        Routes.Clear();
        Lists.Clear();
        Made.Clear();
        Queues.Clear();
        Pending.Clear();
        Groups.Clear();
    }
}
