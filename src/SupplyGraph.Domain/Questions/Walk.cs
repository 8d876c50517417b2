using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Questions;

/// <summary>
/// A bounded breadth-first walk that remembers, for every entity it reaches, every step that reached it,
/// so the evidence (paths) can be read back afterwards. What counts as a step is the question's business:
/// it passes an <see cref="Expander"/>.
/// </summary>
internal sealed class Walk : IDisposable
{
    private const int NoStep = -1;

    private readonly GraphIndex graph;
    private readonly int maxHops;
    private readonly WalkScratch scratch;
    private readonly List<Step> steps;
    private readonly List<int> nextStep;
    private readonly List<int> order;
    private readonly HashSet<TraversalLimit> cutBy = [];
    private ShortestRoutes? shortestRoutes;

    // What one target's search found, reused from target to target.
    private readonly List<int> shortestFound = [];
    private readonly List<List<Step>> longerFound = [];
    private Comparer<List<Step>>? routeOrder;
    private long examined;
    private long longerRouteSteps;

    // Set when the first routes are asked for: proportional to the walk, not to the routes found so far.
    private long? longerRouteBudget;
    private readonly Dictionary<int, Relationship> shownRelationships = [];
    private int deepest;
    private bool disposed;

    private readonly CancellationToken cancellationToken;

    public Walk(GraphIndex graph, int maxHops, CancellationToken cancellationToken = default)
    {
        this.graph = graph;
        this.maxHops = maxHops;
        this.cancellationToken = cancellationToken;
        scratch = WalkScratch.Rent(graph);
        steps = scratch.Steps;
        nextStep = scratch.NextStep;
        order = scratch.Order;
    }

    /// <summary>
    /// Keep only steps that reach a node at its shortest depth: enough for shortest routes, and far fewer to record
    /// when the caller never asks for longer ones.
    /// </summary>
    public bool ShortestStepsOnly { get; init; }

    /// <summary>What the walk and its listing may examine (see <see cref="WalkBudgets"/>).</summary>
    public WalkBudgets Budgets { get; init; } = WalkBudgets.Default;

    /// <summary>Offers the steps out of a node: call <see cref="StepSink.Offer"/> for each relationship to follow.</summary>
    public delegate void Expander(int node, StepSink sink);

    /// <summary>Entities in the order first reached, start first.</summary>
    public IReadOnlyList<int> Reached => order;

    public long Examined => examined;

    public int Deepest => deepest;

    public IReadOnlyCollection<TraversalLimit> CutBy => cutBy;

    public bool HasReached(int node) => scratch.Nodes[node].Stamp == scratch.Reached || scratch.Nodes[node].Stamp == scratch.ReachedAndExpanded;

    public int DepthOf(int node) => HasReached(node) ? scratch.Nodes[node].Depth : throw new KeyNotFoundException($"node {node} was not reached");

    /// <summary>
    /// True when a shortest step into <paramref name="node"/> (from the level before it) followed a relationship of
    /// <paramref name="type"/>. Only those steps are all known before the node is walked on from, whatever the
    /// order in which a store lists neighbours.
    /// </summary>
    public bool ReachedVia(int node, RelationshipType type)
    {
        if (!HasReached(node))
        {
            return false;
        }

        for (var index = scratch.Nodes[node].FirstStep; index != NoStep; index = nextStep[index])
        {
            var step = steps[index];
            if (graph.Type(step.Edge) == type && scratch.Nodes[step.From].Depth == scratch.Nodes[node].Depth - 1)
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerable<int> EdgesWalked() => steps.Select(step => step.Edge);

    public void Run(int start, Expander expand)
    {
        Reach(start, 0);
        MarkExpanded(start, 0);
        scratch.Frontier.Add(start);
        var sink = new StepSink(this);
        for (var level = 0; scratch.Frontier.Count > 0; level++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (level == maxHops)
            {
                // The horizon: anything new one step further means the hop limit cut the answer.
                sink.Begin(level, probeOnly: true);
                foreach (var node in scratch.Frontier)
                {
                    expand(node, sink);
                    if (sink.FoundBeyondHorizon)
                    {
                        cutBy.Add(TraversalLimit.MaxHops);
                        break;
                    }
                }

                return;
            }

            sink.Begin(level, probeOnly: false, scratch.NextFrontier);
            foreach (var node in scratch.Frontier)
            {
                if (examined > Budgets.Exploration)
                {
                    cutBy.Add(TraversalLimit.ExplorationBudget);
                    return;
                }

                expand(node, sink);
            }

            scratch.SwapFrontiers();
        }
    }

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            scratch.Return(graph);
        }
    }

    private void Reach(int node, int atDepth)
    {
        scratch.Nodes[node].Stamp = scratch.Reached;
        scratch.Nodes[node].Depth = atDepth;
        scratch.Nodes[node].FirstStep = NoStep;
        scratch.Nodes[node].LastStep = NoStep;
        order.Add(node);
        deepest = Math.Max(deepest, atDepth);
    }

    private bool MarkExpanded(int node, int atLevel)
    {
        if (scratch.Nodes[node].Stamp == scratch.ReachedAndExpanded)
        {
            return false;
        }

        scratch.Nodes[node].Stamp = scratch.ReachedAndExpanded;
        scratch.Nodes[node].MidDepth = atLevel;
        return true;
    }

    private void AddStep(Step step)
    {
        var index = steps.Count;
        steps.Add(step);
        nextStep.Add(NoStep);
        if (scratch.Nodes[step.To].LastStep == NoStep)
        {
            scratch.Nodes[step.To].FirstStep = index;
        }
        else
        {
            nextStep[scratch.Nodes[step.To].LastStep] = index;
        }

        scratch.Nodes[step.To].LastStep = index;
    }

    /// <summary>
    /// Simple routes from the walk's start to <paramref name="target"/>: shortest first, then best established
    /// (the weakest status on the route, then the sum of statuses), then by the entities' ids, so the order does
    /// not depend on how a store happens to list neighbours. Where two relationships join the same two entities
    /// (two claims about one fact), a route takes the better-established one. Returns one more than
    /// <paramref name="max"/> when there are more, so the caller can say the cap cut the list.
    /// With <paramref name="shortestOnly"/>, longer routes are not looked for.
    /// </summary>
    public List<List<Step>> PathsTo(int target, int start, int max, bool shortestOnly = false)
    {
        shortestFound.Clear();
        var longer = new List<List<Step>>();
        FindPathsTo(target, start, max, shortestOnly, shortestFound, longer);
        var found = new List<List<Step>>(shortestFound.Count + longer.Count);
        foreach (var route in shortestFound)
        {
            found.Add(shortestRoutes!.ToSteps(route));
        }

        found.AddRange(longer);
        return found.Count > max ? found[..(max + 1)] : found;
    }

    /// <summary>
    /// What <see cref="PathsTo"/> lists, as an answer shows it: the first <paramref name="max"/> routes as paths
    /// (see <see cref="ToPath"/>), and whether there were more. The shortest routes go straight from the shared
    /// predecessor graph into their paths, without a list of steps each.
    /// </summary>
    public GraphPath[] ShowPathsTo(int target, int start, int max, bool reversed, out bool capHit)
    {
        shortestFound.Clear();
        longerFound.Clear();
        var tally = FindPathsTo(target, start, max, shortestOnly: false, shortestFound, longerFound);
        capHit = tally.CapHit;
        var paths = new GraphPath[Math.Min(tally.Found, max)];
        for (var index = 0; index < paths.Length; index++)
        {
            paths[index] = index < shortestFound.Count
                ? RouteToPath(shortestFound[index], start, reversed)
                : ToPath(longerFound[index - shortestFound.Count], start, reversed);
        }

        longerFound.Clear();
        return paths;
    }

    /// <summary>
    /// What <see cref="PathsTo"/> would return, counted instead of listed: the same search, the same work counted and
    /// the same limits met, but no route is copied out. For an answer whose client does not want the paths.
    /// </summary>
    public PathTally CountPathsTo(int target, int start, int max, bool shortestOnly = false) =>
        FindPathsTo(target, start, max, shortestOnly, shortest: null, longer: null);

    /// <summary>
    /// The search behind <see cref="PathsTo"/> and <see cref="CountPathsTo"/>: the shortest routes found go to
    /// <paramref name="shortest"/> (by their number in <see cref="ShortestRoutes"/>), the longer ones to
    /// <paramref name="longer"/>, when given.
    /// </summary>
    private PathTally FindPathsTo(int target, int start, int max, bool shortestOnly, List<int>? shortest, List<List<Step>>? longer)
    {
        shortestOnly |= ShortestStepsOnly;
        var tally = new PathTally(max);
        if (!HasReached(target))
        {
            return tally;
        }

        var shortestLength = DepthOf(target);
        var longest = shortestOnly ? shortestLength : maxHops;

        // The whole answer, walk and listing, stays within the exploration budget.
        longerRouteBudget ??= Math.Min(Math.Max(Budgets.MinimumLongerRoutes, examined), Math.Max(0, Budgets.Exploration - examined));

        // The shortest routes come from the predecessor graph all targets share, as many as are asked for.
        shortestRoutes ??= new ShortestRoutes(graph, start, this, scratch.Routes);
        if (shortestRoutes.From != start)
        {
            // The predecessor graph (and each node's lists) belong to the walk's own start.
            throw new ArgumentException($"routes are listed from the walk's start {shortestRoutes.From}, not from {start}", nameof(start));
        }

        var extensionsBefore = shortestRoutes.Extensions;
        tally.Add(shortestRoutes.To(target, max + 1, shortest), shortestLength);
        examined += shortestRoutes.Extensions - extensionsBefore;
        for (var length = shortestLength + 1; length <= longest && tally.Found <= max; length++)
        {
            // A spent budget fails the search at its first step: skip it (exposure asks this of every entity).
            if (longerRouteSteps >= longerRouteBudget.Value)
            {
                cutBy.Add(TraversalLimit.ExplorationBudget);
                break;
            }

            var ofThisLength = RoutesOfLength(target, start, length, longerRouteBudget.Value, longer);
            if (ofThisLength < 0)
            {
                // An unfinished length would list whichever routes the search met first: keep none of it.
                cutBy.Add(TraversalLimit.ExplorationBudget);
                break;
            }

            tally.Add(ofThisLength, length);
        }

        return tally;
    }

    /// <summary>
    /// Every simple route of exactly <paramref name="length"/> steps, as <see cref="RoutesOfLength(int, int, int, long, List{List{Step}}?)"/>
    /// lists them; null when the search gave up.
    /// </summary>
    internal List<List<Step>>? RoutesOfLength(int target, int start, int length, long stepBudget)
    {
        var routes = new List<List<Step>>();
        return RoutesOfLength(target, start, length, stepBudget, routes) < 0 ? null : routes;
    }

    /// <summary>
    /// Every simple route of exactly <paramref name="length"/> steps from <paramref name="start"/> to
    /// <paramref name="target"/>, found by searching back from the target: how many, and added to
    /// <paramref name="routes"/> best first when given; -1 when the search passed <paramref name="stepBudget"/> steps
    /// (counted over every call) or found more than <see cref="WalkBudgets.RoutesPerLength"/> routes.
    /// </summary>
    private int RoutesOfLength(int target, int start, int length, long stepBudget, List<List<Step>>? routes)
    {
        var listedBefore = routes?.Count ?? 0;
        var search = new BackSearch(target, start, stepBudget, routes);
        scratch.Trail.Clear();
        if (!Backtrack(ref search, target, length, isLast: true))
        {
            // Nothing of an unfinished length is kept.
            routes?.RemoveRange(listedBefore, routes.Count - listedBefore);
            return -1;
        }

        if (routes is not null && search.Made > 1)
        {
            routes.Sort(listedBefore, search.Made, routeOrder ??= Comparer<List<Step>>.Create(CompareRoutes));
        }

        return search.Made;
    }

    /// <summary>One step back from <paramref name="node"/> along every best step into it; false when the search gives up.</summary>
    private bool Backtrack(ref BackSearch search, int node, int remaining, bool isLast)
    {
        if (search.Made >= Budgets.RoutesPerLength)
        {
            return false;
        }

        var trail = scratch.Trail;
        if (remaining == 0)
        {
            if (node == search.Start)
            {
                search.Made++;
                if (search.Routes is not null)
                {
                    var path = new List<Step>(trail);
                    path.Reverse();
                    search.Routes.Add(path);
                }
            }

            return true;
        }

        // A span over the arena stays readable while searching deeper appends to it (see GrowingArray).
        foreach (var step in BestStepsInto(node, isLast))
        {
            if (++examined % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (++longerRouteSteps > search.StepBudget)
            {
                return false;
            }

            if (IsOnTrail(step.From, search.Target) || scratch.Nodes[step.From].Depth > remaining - 1)
            {
                continue;
            }

            trail.Add(step);
            var complete = Backtrack(ref search, step.From, remaining - 1, isLast: false);
            trail.RemoveAt(trail.Count - 1);
            if (!complete)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A simple route visits a node once: the target, or where a step on the trail (at most <c>maxHops</c>) comes from.</summary>
    private bool IsOnTrail(int node, int target)
    {
        if (node == target)
        {
            return true;
        }

        foreach (var step in scratch.Trail)
        {
            if (step.From == node)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The steps into a node, one per entity they come from: where several relationships join the same two
    /// entities, the best established (then the smallest key). A terminal step may only end a route. Made once per node.
    /// </summary>
    private ReadOnlySpan<Step> BestStepsInto(int node, bool isLast)
    {
        ref var listing = ref ListingOf(node);
        var made = isLast ? listing.AnyStepsAsEnd : listing.AnyStepsOnTheWay;
        if (made == 0)
        {
            made = BestSteps(node, isLast, fromMidDepth: null) + 1;
            if (isLast)
            {
                listing.AnyStepsAsEnd = made;
            }
            else
            {
                listing.AnyStepsOnTheWay = made;
            }
        }

        return StepsOf(made - 1);
    }

    /// <summary>
    /// The edges of the shortest routes into a node: its best steps from nodes walked on from one level before the
    /// node's own shortest length, as a route's end (<paramref name="isLast"/>) or on the way to another.
    /// A span over the scratch's arena: it stays readable while more is appended (see <see cref="GrowingArray{T}"/>).
    /// </summary>
    internal ReadOnlySpan<Step> ShortestStepsInto(int node, bool isLast)
    {
        // Asked for every node on every listed route: kept in the node's listing slot.
        ref var listing = ref ListingOf(node);
        var made = isLast ? listing.StepsAsEnd : listing.StepsOnTheWay;
        if (made == 0)
        {
            var slot = scratch.Nodes[node];
            made = 1 + (!isLast && slot.Stamp != scratch.ReachedAndExpanded
                ? scratch.StepRanges.Add(new StepRange(0, 0))
                : BestSteps(node, isLast, fromMidDepth: (isLast ? slot.Depth : slot.MidDepth) - 1));
            if (isLast)
            {
                listing.StepsAsEnd = made;
            }
            else
            {
                listing.StepsOnTheWay = made;
            }
        }

        return StepsOf(made - 1);
    }

    private ReadOnlySpan<Step> StepsOf(int range)
    {
        var (start, count) = scratch.StepRanges[range];
        return scratch.StepsInto.Slice(start, count);
    }

    /// <summary>The node's listing slot in this walk, reset the first time this walk asks for it.</summary>
    internal ref ListingSlot ListingOf(int node)
    {
        ref var slot = ref scratch.Listing[node];
        if (slot.Stamp != scratch.Reached)
        {
            slot = new ListingSlot { Stamp = scratch.Reached };
        }

        return ref slot;
    }

    /// <summary>
    /// The steps into a node, one per entity they come from, optionally only from entities walked on from at
    /// <paramref name="fromMidDepth"/>: where several relationships join the same two entities, the best established
    /// (then the smallest key). A terminal step may only end a route. Appended to the scratch's steps: returns their range.
    /// </summary>
    private int BestSteps(int node, bool isLast, int? fromMidDepth)
    {
        // Most nodes have a step or two in: a scan finds a repeated entity; a hub's many steps go through per-node slots.
        const int ScanUpTo = 8;
        var best = scratch.StepsInto;
        var first = best.Count;
        var pass = 0;
        for (var index = scratch.Nodes[node].FirstStep; index != NoStep; index = nextStep[index])
        {
            var step = steps[index];
            if ((step.TerminalOnly && !isLast)
                || (fromMidDepth is { } depth && (scratch.Nodes[step.From].Stamp != scratch.ReachedAndExpanded || scratch.Nodes[step.From].MidDepth != depth)))
            {
                continue;
            }

            var count = best.Count - first;
            var at = -1;
            if (count <= ScanUpTo)
            {
                for (var i = 0; i < count; i++)
                {
                    if (best[first + i].From == step.From)
                    {
                        at = i;
                        break;
                    }
                }
            }
            else
            {
                var positions = scratch.Positions;
                if (pass == 0)
                {
                    pass = scratch.BeginPositions();
                    for (var i = 0; i < count; i++)
                    {
                        positions[best[first + i].From] = new PositionSlot { Stamp = pass, At = i };
                    }
                }

                at = positions[step.From].Stamp == pass ? positions[step.From].At : -1;
            }

            if (at < 0)
            {
                if (pass != 0)
                {
                    scratch.Positions[step.From] = new PositionSlot { Stamp = pass, At = count };
                }

                best.Add(step);
            }
            else if (IsBetterClaim(step, best[first + at]))
            {
                best[first + at] = step;
            }
        }

        return scratch.StepRanges.Add(new StepRange(first, best.Count - first));
    }

    private bool IsBetterClaim(Step step, Step current) =>
        graph.Status(step.Edge) < graph.Status(current.Edge)
        || (graph.Status(step.Edge) == graph.Status(current.Edge) && string.CompareOrdinal(graph.Key(step.Edge), graph.Key(current.Edge)) < 0);

    /// <summary>Best established first (weakest status, then the sum of statuses), then by the route's ids as text.</summary>
    private int CompareRoutes(List<Step> left, List<Step> right)
    {
        var (leftWeakest, leftSum) = Statuses(left);
        var (rightWeakest, rightSum) = Statuses(right);
        // As numbers: an enum's own CompareTo boxes both sides.
        var byStatus = leftWeakest != rightWeakest ? ((int)leftWeakest).CompareTo((int)rightWeakest) : leftSum.CompareTo(rightSum);
        return byStatus != 0 ? byStatus : CompareRouteText(left, right);
    }

    private (RelationshipStatus Weakest, int Sum) Statuses(List<Step> route)
    {
        var weakest = RelationshipStatus.Confirmed;
        var sum = 0;
        foreach (var step in route)
        {
            var status = graph.Status(step.Edge);
            weakest = status > weakest ? status : weakest;
            sum += (int)status;
        }

        return (weakest, sum);
    }

    /// <summary>
    /// Compares the routes as the ordinal comparison of their ids joined with "&gt;" would, without joining them:
    /// character by character, the end of an id counting as the separator.
    /// </summary>
    private int CompareRouteText(List<Step> left, List<Step> right)
    {
        const char Separator = '>';
        int leftStep = 0, leftChar = 0, rightStep = 0, rightChar = 0;
        while (true)
        {
            var leftEnd = leftStep == left.Count;
            var rightEnd = rightStep == right.Count;
            if (leftEnd || rightEnd)
            {
                return leftEnd && rightEnd ? 0 : leftEnd ? -1 : 1;
            }

            var leftId = graph.Node(left[leftStep].To).Id;
            var rightId = graph.Node(right[rightStep].To).Id;
            var l = leftChar < leftId.Length ? leftId[leftChar] : Separator;
            var r = rightChar < rightId.Length ? rightId[rightChar] : Separator;
            if (l != r)
            {
                // The joined text has no separator after the last id: there the text simply ends.
                var leftTextEnds = leftChar == leftId.Length && leftStep == left.Count - 1;
                var rightTextEnds = rightChar == rightId.Length && rightStep == right.Count - 1;
                return leftTextEnds ? -1 : rightTextEnds ? 1 : l.CompareTo(r);
            }

            (leftStep, leftChar) = leftChar == leftId.Length ? (leftStep + 1, 0) : (leftStep, leftChar + 1);
            (rightStep, rightChar) = rightChar == rightId.Length ? (rightStep + 1, 0) : (rightStep, rightChar + 1);
        }
    }

    /// <summary>The route as an answer shows it; <paramref name="reversed"/> lists it from its far end back to the start.</summary>
    public GraphPath ToPath(List<Step> steps, int start, bool reversed = false)
    {
        var entities = new Entity[steps.Count + 1];
        var relationships = new Relationship[steps.Count];
        entities[reversed ? steps.Count : 0] = graph.Node(start);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            relationships[reversed ? steps.Count - 1 - i : i] = Shown(step.Edge);
            entities[reversed ? steps.Count - 1 - i : i + 1] = graph.Node(step.To);
        }

        return new GraphPath(entities, relationships);
    }

    /// <summary>A shortest route (by its number in <see cref="ShortestRoutes"/>) as <see cref="ToPath"/> shows it, read back from its end.</summary>
    private GraphPath RouteToPath(int route, int start, bool reversed)
    {
        var routes = shortestRoutes!;
        var length = routes.LengthOf(route);
        var entities = new Entity[length + 1];
        var relationships = new Relationship[length];
        entities[reversed ? length : 0] = graph.Node(start);
        for (var i = length - 1; i >= 0; i--)
        {
            var step = routes.LastStepOf(route);
            relationships[reversed ? length - 1 - i : i] = Shown(step.Edge);
            entities[reversed ? length - 1 - i : i + 1] = graph.Node(step.To);
            route = routes.PreviousOf(route);
        }

        return new GraphPath(entities, relationships);
    }

    /// <summary>Routes share most of their relationships: each is made once per answer.</summary>
    private Relationship Shown(int edge)
    {
        if (!shownRelationships.TryGetValue(edge, out var relationship))
        {
            shownRelationships[edge] = relationship = graph.Relationship(edge);
        }

        return relationship;
    }

    public Exploration Exploration(params TraversalLimit[] extra) =>
        new(examined, order.Count, deepest, [.. cutBy.Union(extra).Order()]);

    /// <summary>
    /// Routes found to one entity, counted as <see cref="PathsTo"/> lists them: <see cref="Found"/> stops one past the
    /// cap (as the list does), <see cref="ListedLength"/> is the relationships of the first <c>max</c> routes.
    /// </summary>
    internal struct PathTally(int max)
    {
        public int Found { get; private set; }

        public long ListedLength { get; private set; }

        /// <summary>More than the cap were found: the list says so by holding one extra.</summary>
        public readonly bool CapHit => Found > max;

        /// <summary><paramref name="count"/> more routes, each of <paramref name="length"/> steps, in the order they are listed.</summary>
        public void Add(int count, int length)
        {
            var added = Math.Min(count, max + 1 - Found);
            ListedLength += (long)Math.Max(0, Math.Min(added, max - Found)) * length;
            Found += added;
        }
    }

    /// <summary>The state of one search back from a target: what <see cref="Backtrack"/> passes down instead of a closure.</summary>
    private struct BackSearch(int target, int start, long stepBudget, List<List<Step>>? routes)
    {
        public readonly int Target = target;
        public readonly int Start = start;
        public readonly long StepBudget = stepBudget;
        public readonly List<List<Step>>? Routes = routes;
        public int Made;
    }

    /// <summary>One step of a walk: along <see cref="Edge"/> from <see cref="From"/> to <see cref="To"/>.</summary>
    internal readonly record struct Step(int Edge, int From, int To, bool TerminalOnly);

    /// <summary>Receives the steps an expander offers; keeps the walk's bookkeeping in one place.</summary>
    internal sealed class StepSink(Walk walk)
    {
        private int level;
        private bool probeOnly;
        private List<int>? next;

        public bool FoundBeyondHorizon { get; private set; }

        internal void Begin(int currentLevel, bool probeOnly, List<int>? nextFrontier = null)
        {
            level = currentLevel;
            this.probeOnly = probeOnly;
            next = nextFrontier;
            FoundBeyondHorizon = false;
        }

        /// <summary>Counts a relationship looked at, whether or not it is followed.</summary>
        public void Examine() => walk.examined++;

        /// <summary>Follow <paramref name="edge"/> from <paramref name="from"/> to <paramref name="to"/>. A terminal step ends paths: its target is not walked on from.</summary>
        public void Offer(int edge, int from, int to, bool terminal = false)
        {
            if (probeOnly)
            {
                FoundBeyondHorizon |= !walk.HasReached(to);
                return;
            }

            if (!walk.HasReached(to))
            {
                walk.Reach(to, level + 1);
            }
            else if (walk.ShortestStepsOnly && walk.scratch.Nodes[to].Depth != level + 1)
            {
                return;
            }

            walk.AddStep(new Step(edge, from, to, terminal));
            if (!terminal && walk.MarkExpanded(to, level + 1))
            {
                next!.Add(to);
            }
        }

    }
}
