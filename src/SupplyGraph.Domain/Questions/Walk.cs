using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Questions;

/// <summary>
/// A bounded breadth-first walk that remembers, for every entity it reaches, every step that reached it,
/// so the evidence (paths) can be read back afterwards. What counts as a step is the question's business:
/// it passes an <see cref="Expander"/>.
/// </summary>
internal sealed class Walk
{
    private readonly GraphIndex graph;
    private readonly int maxHops;
    private readonly Dictionary<int, int> depth = [];
    private readonly Dictionary<int, List<Step>> stepsInto = [];
    private readonly HashSet<int> expanded = [];
    private readonly List<int> order = [];
    private readonly HashSet<TraversalLimit> cutBy = [];
    private long examined;
    private int deepest;

    private readonly CancellationToken cancellationToken;

    public Walk(GraphIndex graph, int maxHops, CancellationToken cancellationToken = default)
    {
        this.graph = graph;
        this.maxHops = maxHops;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Offers the steps out of a node: call <see cref="StepSink.Offer"/> for each relationship to follow.</summary>
    public delegate void Expander(int node, StepSink sink);

    /// <summary>Entities in the order first reached, start first.</summary>
    public IReadOnlyList<int> Reached => order;

    public long Examined => examined;

    public int Deepest => deepest;

    public IReadOnlyCollection<TraversalLimit> CutBy => cutBy;

    public bool HasReached(int node) => depth.ContainsKey(node);

    public int DepthOf(int node) => depth[node];

    /// <summary>
    /// True when a shortest step into <paramref name="node"/> (from the level before it) followed a relationship of
    /// <paramref name="type"/>. Only those steps are all known before the node is walked on from, whatever the
    /// order in which a store lists neighbours.
    /// </summary>
    public bool ReachedVia(int node, RelationshipType type) =>
        stepsInto.TryGetValue(node, out var steps)
        && steps.Exists(step => graph.Type(step.Edge) == type && depth[step.From] == depth[node] - 1);

    public IEnumerable<int> EdgesWalked() => stepsInto.Values.SelectMany(steps => steps).Select(step => step.Edge);

    public void Run(int start, Expander expand)
    {
        depth[start] = 0;
        order.Add(start);
        var frontier = new List<int> { start };
        expanded.Add(start);
        var sink = new StepSink(this);
        for (var level = 0; frontier.Count > 0; level++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (level == maxHops)
            {
                // The horizon: anything new one step further means the hop limit cut the answer.
                sink.Begin(level, probeOnly: true);
                foreach (var node in frontier)
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

            var next = new List<int>();
            sink.Begin(level, probeOnly: false, next);
            foreach (var node in frontier)
            {
                if (examined > QueryLimits.ExplorationBudget)
                {
                    cutBy.Add(TraversalLimit.ExplorationBudget);
                    return;
                }

                expand(node, sink);
            }

            frontier = next;
        }
    }

    /// <summary>
    /// Simple routes from the walk's start to <paramref name="target"/>: shortest first, then best established
    /// (the weakest status on the route, then the sum of statuses), then by the entities' ids, so the order does
    /// not depend on how a store happens to list neighbours. Where two relationships join the same two entities
    /// (two claims about one fact), a route takes the better-established one. Returns one more than
    /// <paramref name="max"/> when there are more, so the caller can say the cap cut the list.
    /// </summary>
    public List<List<Step>> PathsTo(int target, int start, int max)
    {
        const int RoutesPerLengthBudget = 10_000;
        var found = new List<List<Step>>();
        if (!depth.TryGetValue(target, out var shortest))
        {
            return found;
        }

        var trail = new List<Step>();
        var onTrail = new HashSet<int> { target };
        for (var length = shortest; length <= maxHops && found.Count <= max; length++)
        {
            var ofThisLength = new List<List<Step>>();
            Backtrack(target, length, isLast: true, ofThisLength);
            found.AddRange(ofThisLength.OrderBy(WeakestStatus).ThenBy(StatusSum).ThenBy(RouteText, StringComparer.Ordinal));
        }

        return found.Count > max ? found[..(max + 1)] : found;

        void Backtrack(int node, int remaining, bool isLast, List<List<Step>> routes)
        {
            if (routes.Count >= RoutesPerLengthBudget || examined > QueryLimits.ExplorationBudget)
            {
                cutBy.Add(TraversalLimit.ExplorationBudget);
                return;
            }

            if (remaining == 0)
            {
                if (node == start)
                {
                    var path = new List<Step>(trail);
                    path.Reverse();
                    routes.Add(path);
                }

                return;
            }

            if (!stepsInto.TryGetValue(node, out var steps))
            {
                return;
            }

            var tried = new HashSet<int>();
            foreach (var candidate in steps)
            {
                if (++examined % 4096 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (!tried.Add(candidate.From)
                    || onTrail.Contains(candidate.From)
                    || depth[candidate.From] > remaining - 1
                    || BestStepFrom(steps, candidate.From, isLast) is not { } step)
                {
                    continue;
                }

                trail.Add(step);
                onTrail.Add(step.From);
                Backtrack(step.From, remaining - 1, isLast: false, routes);
                onTrail.Remove(step.From);
                trail.RemoveAt(trail.Count - 1);
            }
        }
    }

    private Step? BestStepFrom(List<Step> steps, int from, bool isLast)
    {
        Step? best = null;
        foreach (var step in steps)
        {
            if (step.From != from || (step.TerminalOnly && !isLast))
            {
                continue;
            }

            if (best is not { } current
                || graph.Edge(step.Edge).Status < graph.Edge(current.Edge).Status
                || (graph.Edge(step.Edge).Status == graph.Edge(current.Edge).Status
                    && string.CompareOrdinal(graph.Edge(step.Edge).Key, graph.Edge(current.Edge).Key) < 0))
            {
                best = step;
            }
        }

        return best;
    }

    private RelationshipStatus WeakestStatus(List<Step> route) => route.Max(step => graph.Edge(step.Edge).Status);

    private int StatusSum(List<Step> route) => route.Sum(step => (int)graph.Edge(step.Edge).Status);

    private string RouteText(List<Step> route) => string.Join(">", route.Select(step => graph.Node(step.To).Id));

    public GraphPath ToPath(List<Step> steps, int start)
    {
        var entities = new List<Entity>(steps.Count + 1) { graph.Node(start) };
        var relationships = new List<Relationship>(steps.Count);
        foreach (var step in steps)
        {
            relationships.Add(graph.Relationship(step.Edge));
            entities.Add(graph.Node(step.To));
        }

        return new GraphPath(entities, relationships);
    }

    public Exploration Exploration(params TraversalLimit[] extra) =>
        new(examined, order.Count, deepest, [.. cutBy.Union(extra).Order()]);

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
                FoundBeyondHorizon |= !walk.depth.ContainsKey(to);
                return;
            }

            var reachedAt = level + 1;
            if (!walk.depth.ContainsKey(to))
            {
                walk.depth[to] = reachedAt;
                walk.order.Add(to);
                walk.deepest = Math.Max(walk.deepest, reachedAt);
            }

            if (!walk.stepsInto.TryGetValue(to, out var steps))
            {
                walk.stepsInto[to] = steps = new List<Step>(2);
            }

            steps.Add(new Step(edge, from, to, terminal));
            if (!terminal && walk.expanded.Add(to))
            {
                next!.Add(to);
            }
        }
    }
}
