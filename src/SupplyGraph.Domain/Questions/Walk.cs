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

    public Walk(GraphIndex graph, int maxHops)
    {
        this.graph = graph;
        this.maxHops = maxHops;
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

    /// <summary>True when some step into <paramref name="node"/> followed a relationship of <paramref name="type"/>.</summary>
    public bool ReachedVia(int node, RelationshipType type) =>
        stepsInto.TryGetValue(node, out var steps) && steps.Exists(step => graph.Type(step.Edge) == type);

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
    /// Simple paths from the walk's start to <paramref name="target"/>, shortest first, at most <paramref name="max"/>.
    /// Returns more than <paramref name="max"/> only to say that the cap cut the list (the caller trims).
    /// </summary>
    public List<List<Step>> PathsTo(int target, int start, int max)
    {
        var found = new List<List<Step>>();
        if (!depth.TryGetValue(target, out var shortest))
        {
            return found;
        }

        var trail = new List<Step>();
        var onTrail = new HashSet<int> { target };
        for (var length = shortest; length <= maxHops && found.Count <= max; length++)
        {
            Backtrack(target, length, isLast: true);
        }

        return found;

        void Backtrack(int node, int remaining, bool isLast)
        {
            if (found.Count > max)
            {
                return;
            }

            if (remaining == 0)
            {
                if (node == start)
                {
                    var path = new List<Step>(trail);
                    path.Reverse();
                    found.Add(path);
                }

                return;
            }

            if (!stepsInto.TryGetValue(node, out var steps))
            {
                return;
            }

            foreach (var step in steps)
            {
                examined++;
                if ((step.TerminalOnly && !isLast) || onTrail.Contains(step.From) || depth[step.From] > remaining - 1)
                {
                    continue;
                }

                trail.Add(step);
                onTrail.Add(step.From);
                Backtrack(step.From, remaining - 1, isLast: false);
                onTrail.Remove(step.From);
                trail.RemoveAt(trail.Count - 1);
            }
        }
    }

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
