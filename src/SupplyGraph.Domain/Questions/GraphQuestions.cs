using System.Buffers;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Questions;

/// <summary>
/// What each question means, answered over a <see cref="GraphIndex"/>. The embedded store answers with its
/// whole index; another store can answer with an index of the neighbourhood it fetched.
/// </summary>
/// <remarks>
/// The walk rules, shared by all questions:
/// an entity's <b>upstream</b> is what it depends on (the upstream end of every dependency relationship it is the
/// downstream end of, see <see cref="RelationshipTypes"/>), followed transitively; its <b>scope</b> is itself plus
/// its own products (a lab's models, a designer's chips), whose upstream counts as its own. Relationships not
/// valid on the day, and regulations not in force on it, are left out.
/// </remarks>
/// <param name="answeredAt">Which state of the store <paramref name="graph"/> is (a Neo4j bookmark, say); every answer carries it.</param>
public sealed class GraphQuestions(GraphIndex graph, TimeProvider clock, string? answeredAt = null)
{
    private readonly EntityFinder finder = new(graph);

    /// <summary>The budgets every walk of these questions stays within: the defaults, but for tests of the cuts.</summary>
    internal WalkBudgets Budgets { get; init; } = WalkBudgets.Default;

    public GraphIndex Graph => graph;

    /// <summary>The entity a reference names (id, then name, then alias; see <see cref="EntityFinder.Resolve"/>).</summary>
    public Entity Resolve(string reference, CancellationToken cancellationToken = default) => finder.Resolve(reference, cancellationToken);

    public IReadOnlyList<Entity> Search(SearchQuestion question, CancellationToken cancellationToken = default) => finder.Search(question, cancellationToken);

    /// <summary>One page of the entities the filter matches, in the order asked (see <see cref="Listing"/>).</summary>
    public Page<Entity> ListEntities(EntityListQuestion question, CancellationToken cancellationToken = default) =>
        new Listing(graph).Entities(question, cancellationToken);

    /// <summary>One page of the relationships the filter matches, of one entity or of the whole graph, in the order asked.</summary>
    public Page<Relationship> ListRelationships(RelationshipListQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        int? node = question.Entity is null ? null : Node(question.Entity, cancellationToken);
        return new Listing(graph).Relationships(node, question, cancellationToken);
    }

    /// <summary>
    /// Counts in groups. Stages are those of the entity's supply chain on the day (the answer of <see cref="SupplyChain"/>,
    /// the entity itself included), each entity counted once.
    /// </summary>
    public CountsAnswer Count(CountQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.By == CountDimension.SupplyChainStage)
        {
            var chain = SupplyChain(new SupplyChainQuestion(question.Entity!, TraversalOptions.Create(question.AsOf)), cancellationToken);
            var stageKeys = chain.Stages.SelectMany(stage => stage.Entities
                .Where(entity => question.Where?.Matches(entity) != false)
                .Select(_ => (string?)WireNames.ToWire(stage.Stage)));
            return Listing.Grouped(question.By, stageKeys) with { AnsweredAt = answeredAt };
        }

        int? node = question.Entity is null ? null : Node(question.Entity, cancellationToken);
        return new Listing(graph).Count(question, node, cancellationToken) with { AnsweredAt = answeredAt };
    }

    /// <summary>The entity and every relationship it takes part in, valid on the day, to or from anything in force.</summary>
    public EntityProfile Profile(ProfileQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        const int CancellationStride = 1024;
        var node = Node(question.Entity, cancellationToken);
        var date = question.Day(clock);
        var relationships = new List<Relationship>();
        var examined = 0;
        foreach (var edge in graph.Outgoing(node))
        {
            if (examined++ % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (graph.IsValidOn(edge, date.DayNumber) && IsInForceIfRegulation(graph.To(edge), date))
            {
                relationships.Add(graph.Relationship(edge));
            }
        }

        foreach (var edge in graph.Incoming(node))
        {
            if (examined++ % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (graph.IsValidOn(edge, date.DayNumber) && IsInForceIfRegulation(graph.From(edge), date))
            {
                relationships.Add(graph.Relationship(edge));
            }
        }

        return new EntityProfile(
            graph.Node(node),
            date,
            [.. relationships.OrderBy(relationship => relationship.Type).ThenBy(relationship => relationship.Record.Key, StringComparer.Ordinal)]) { AnsweredAt = answeredAt };
    }

    public SupplyChainAnswer SupplyChain(SupplyChainQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        var focus = Node(question.Entity, cancellationToken);
        var day = question.Options.Day(clock).DayNumber;

        using var upstream = new Walk(graph, question.Options.MaxHops, cancellationToken) { Budgets = Budgets };
        upstream.Run(focus, (node, sink) =>
        {
            StepUpstream(node, node == focus, day, sink);
            if (node == focus)
            {
                StepToProducts(node, day, sink);
            }
        });

        using var downstream = new Walk(graph, question.Options.MaxHops, cancellationToken) { Budgets = Budgets };
        downstream.Run(focus, (node, sink) =>
        {
            // Deployment is where the chain ends: what a platform serves besides the focus's models is not the focus's chain.
            if (node != focus && SupplyChainStages.StageOf(graph.Node(node), ServesModels(downstream, node)) == SupplyChainStage.Deployment)
            {
                return;
            }

            StepDownstream(node, day, sink);
        });

        var stages = new Dictionary<SupplyChainStage, List<(int Depth, Entity Entity)>>();
        AddToStage(focus, 0, servesModels: false);
        foreach (var node in upstream.Reached.Skip(1))
        {
            AddToStage(node, upstream.DepthOf(node), servesModels: false);
        }

        foreach (var node in downstream.Reached.Skip(1))
        {
            AddToStage(node, downstream.DepthOf(node), ServesModels(downstream, node));
        }

        var groups = stages
            .OrderBy(pair => pair.Key)
            .Select(pair => new StageGroup(pair.Key, [.. pair.Value
                .GroupBy(item => item.Entity.Id, StringComparer.Ordinal)
                .Select(group => group.MinBy(item => item.Depth))
                .OrderBy(item => item.Depth)
                .ThenBy(item => item.Entity.Name, StringComparer.OrdinalIgnoreCase)
                .Select(item => item.Entity)]))
            .ToList();

        // Every walked relationship is in the answer, so its record (and key) is made anyway: sort the records.
        var relationships = upstream.EdgesWalked().Concat(downstream.EdgesWalked()).Distinct().Select(graph.Relationship).ToList();
        relationships.Sort((left, right) => string.CompareOrdinal(left.Record.Key, right.Record.Key));

        var explored = new Exploration(
            upstream.Examined + downstream.Examined,
            upstream.Reached.Union(downstream.Reached).Count(),
            Math.Max(upstream.Deepest, downstream.Deepest),
            [.. upstream.CutBy.Union(downstream.CutBy).Order()]);
        return new SupplyChainAnswer(graph.Node(focus), DateOnly.FromDayNumber(day), groups, relationships, explored) { AnsweredAt = answeredAt };

        void AddToStage(int node, int depth, bool servesModels)
        {
            if (SupplyChainStages.StageOf(graph.Node(node), servesModels) is { } stage)
            {
                if (!stages.TryGetValue(stage, out var list))
                {
                    stages[stage] = list = [];
                }

                list.Add((depth, graph.Node(node)));
            }
        }
    }

    public ExportControlsAnswer ExportControls(ExportControlsQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        var focus = Node(question.Entity, cancellationToken);
        var day = question.Options.Day(clock).DayNumber;
        using var walk = new Walk(graph, question.Options.MaxHops, cancellationToken) { Budgets = Budgets };
        walk.Run(focus, (node, sink) =>
        {
            StepUpstream(node, node == focus, day, sink);
            if (node == focus)
            {
                StepToProducts(node, day, sink);
            }

            StepToRestrictingRegulations(node, day, sink);
        });

        var pathCapHit = false;
        var hits = new List<ControlHit>();
        foreach (var node in walk.Reached.Skip(1))
        {
            if (graph.Node(node) is not Regulation regulation)
            {
                continue;
            }

            var paths = walk.ShowPathsTo(node, focus, question.Options.MaxPaths, reversed: false, out var capHit);
            pathCapHit |= capHit;
            hits.Add(new ControlHit(regulation, paths));
        }

        hits = [.. hits
            .OrderBy(hit => hit.Paths.Count > 0 ? hit.Paths[0].Length : int.MaxValue)
            .ThenBy(hit => hit.Regulation.Effective)
            .ThenBy(hit => hit.Regulation.Id, StringComparer.Ordinal)];
        var explored = pathCapHit ? walk.Exploration(TraversalLimit.MaxPaths) : walk.Exploration();
        return new ExportControlsAnswer(graph.Node(focus), DateOnly.FromDayNumber(day), hits, explored) { AnsweredAt = answeredAt };
    }

    public ExposureAnswer Exposure(ExposureQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        var start = Node(question.Regulation, cancellationToken);
        if (graph.Node(start) is not Regulation regulation)
        {
            throw new InvalidArgumentException("regulation", $"\"{question.Regulation}\" is a {graph.Node(start).Kind}, not a regulation.");
        }

        var date = question.Options.Day(clock);
        var day = date.DayNumber;
        using var walk = new Walk(graph, question.Options.MaxHops, cancellationToken) { Budgets = Budgets };
        var inForce = regulation.IsInForce(date);
        if (inForce)
        {
            walk.Run(start, (node, sink) =>
            {
                if (node == start)
                {
                    StepToRestrictedSubjects(node, day, sink);
                    return;
                }

                StepDownstream(node, day, sink);
                StepToOwners(node, day, sink);
            });
        }

        var pathCapHit = false;
        var listingCut = false;
        var listed = 0L;
        var reached = walk.Reached;

        // Where each exposed entity goes, as keys to sort (from a shared pool: the answer keeps none of them), and
        // its paths when asked for, by walk order.
        var keys = ArrayPool<ExposedOrder>.Shared.Rent(Math.Max(1, reached.Count - 1));
        var pathsInWalkOrder = question.WithPaths ? new GraphPath[Math.Max(0, reached.Count - 1)][] : null;
        var count = 0;

        // Reached in walk order, nearest first: a listing cut short keeps the nearest exposed entities.
        for (var index = 1; index < reached.Count; index++)
        {
            var node = reached[index];
            if (listed > Budgets.ListedRelationships)
            {
                listingCut = true;
                break;
            }

            if (pathsInWalkOrder is null)
            {
                // Counted, not copied out: the listing cut and the cap still fall where they would with the paths.
                var tally = walk.CountPathsTo(node, start, question.Options.MaxPaths);
                pathCapHit |= tally.CapHit;
                listed += tally.ListedLength;
            }
            else
            {
                var paths = walk.ShowPathsTo(node, start, question.Options.MaxPaths, reversed: true, out var capHit);
                pathCapHit |= capHit;
                foreach (var path in paths)
                {
                    listed += path.Length;
                }

                pathsInWalkOrder[count] = paths;
            }

            keys[count] = new ExposedOrder(walk.DepthOf(node), graph.Kind(node), graph.Node(node).Name, count, node);
            count++;
        }

        // Nearest first, then by kind and name; ties keep walk order. The keys are copied out first: comparing through
        // each answer's entity would cost two cache misses a side.
        Array.Sort(keys, 0, count);
        var ordered = new ExposedEntity[count];
        for (var index = 0; index < count; index++)
        {
            var key = keys[index];
            ordered[index] = new ExposedEntity(graph.Node(key.Node), pathsInWalkOrder?[key.WalkOrder] ?? []);
        }

        // Cleared: the keys hold names, which the pool should not keep alive.
        ArrayPool<ExposedOrder>.Shared.Return(keys, clearArray: true);
        TraversalLimit[] cuts = [.. pathCapHit ? [TraversalLimit.MaxPaths] : Array.Empty<TraversalLimit>(), .. listingCut ? [TraversalLimit.ExplorationBudget] : Array.Empty<TraversalLimit>()];
        return new ExposureAnswer(regulation, date, inForce, ordered, walk.Exploration(cuts)) { AnsweredAt = answeredAt };
    }

    /// <remarks>
    /// The search goes to the hard cap (<see cref="QueryLimits.MaxMaxHops"/> + 1) whatever <c>maxHops</c> is, so that
    /// <c>partial</c> means one thing in every store: a shortest path exists, but it is longer than <c>maxHops</c>.
    /// A regulation not in force on the day is not on any path, not even at an end.
    /// </remarks>
    public PathAnswer Paths(PathsQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        var from = Node(question.From, cancellationToken);
        var to = Node(question.To, cancellationToken);
        var date = question.Options.Day(clock);
        var day = date.DayNumber;
        var allowed = question.Types is { Count: > 0 } types ? types.ToHashSet() : null;
        using var walk = new Walk(graph, QueryLimits.MaxMaxHops + 1, cancellationToken) { ShortestStepsOnly = true, Budgets = Budgets };
        var endsInForce = IsInForceIfRegulation(from, date) && IsInForceIfRegulation(to, date);
        if (endsInForce)
        {
            walk.Run(from, (node, sink) =>
            {
                // All shortest paths: once the target is reached, finish that level and go no deeper.
                if (walk.HasReached(to) && walk.DepthOf(to) <= walk.DepthOf(node))
                {
                    return;
                }

                foreach (var edge in graph.Outgoing(node))
                {
                    OfferEither(edge, graph.To(edge));
                }

                foreach (var edge in graph.Incoming(node))
                {
                    OfferEither(edge, graph.From(edge));
                }

                void OfferEither(int edge, int neighbour)
                {
                    sink.Examine();
                    if ((allowed is null || allowed.Contains(graph.Type(edge)))
                        && graph.IsValidOn(edge, day)
                        && IsInForceIfRegulation(neighbour, date))
                    {
                        sink.Offer(edge, node, neighbour);
                    }
                }
            });
        }

        var reachedWithinLimit = walk.HasReached(to) && walk.DepthOf(to) <= question.Options.MaxHops;
        List<List<Walk.Step>> found = !endsInForce ? [] : from == to ? [[]] : reachedWithinLimit ? walk.PathsTo(to, from, question.Options.MaxPaths, shortestOnly: true) : [];
        var shortest = found.Count > 0 ? found.Min(steps => steps.Count) : 0;
        var paths = found.Where(steps => steps.Count == shortest).ToList();
        var limits = new List<TraversalLimit>();
        if (endsInForce && from != to && walk.HasReached(to) && !reachedWithinLimit)
        {
            limits.Add(TraversalLimit.MaxHops);
        }

        if (paths.Count > question.Options.MaxPaths)
        {
            limits.Add(TraversalLimit.MaxPaths);
        }

        if (walk.CutBy.Contains(TraversalLimit.ExplorationBudget))
        {
            limits.Add(TraversalLimit.ExplorationBudget);
        }

        var explored = new Exploration(walk.Examined, walk.Reached.Count, walk.Deepest, limits);
        return new PathAnswer(
            graph.Node(from),
            graph.Node(to),
            date,
            [.. paths.Take(question.Options.MaxPaths).Select(steps => walk.ToPath(steps, from))],
            explored) { AnsweredAt = answeredAt };
    }

    private static bool ServesModels(Walk downstream, int node) => downstream.ReachedVia(node, RelationshipType.AvailableOn);

    /// <summary>The node of a reference, resolved as <see cref="Resolve"/> does.</summary>
    private int Node(string reference, CancellationToken cancellationToken)
    {
        graph.TryGetNode(Resolve(reference, cancellationToken).Id, out var node);
        return node;
    }

    /// <summary>What <paramref name="node"/> depends on. What a platform serves counts only for the focus itself.</summary>
    private void StepUpstream(int node, bool isFocus, int day, Walk.StepSink sink)
    {
        foreach (var edge in graph.Outgoing(node))
        {
            sink.Examine();
            var info = RelationshipTypes.Info(graph.Type(edge));
            if (info.IsDependency && info.UpstreamEnd == RelationshipEnd.To && (isFocus || info.Role != RelationshipRole.Serving) && graph.IsValidOn(edge, day))
            {
                sink.Offer(edge, node, graph.To(edge));
            }
        }

        foreach (var edge in graph.Incoming(node))
        {
            sink.Examine();
            var info = RelationshipTypes.Info(graph.Type(edge));
            if (info.IsDependency && info.UpstreamEnd == RelationshipEnd.From && (isFocus || info.Role != RelationshipRole.Serving) && graph.IsValidOn(edge, day))
            {
                sink.Offer(edge, node, graph.From(edge));
            }
        }
    }

    /// <summary>What depends on <paramref name="node"/>. A platform serving a model ends the walk: it is reached, not walked on from.</summary>
    private void StepDownstream(int node, int day, Walk.StepSink sink)
    {
        foreach (var edge in graph.Outgoing(node))
        {
            sink.Examine();
            var info = RelationshipTypes.Info(graph.Type(edge));
            if (info.IsDependency && info.UpstreamEnd == RelationshipEnd.From && graph.IsValidOn(edge, day))
            {
                sink.Offer(edge, node, graph.To(edge), terminal: info.Role == RelationshipRole.Serving);
            }
        }

        foreach (var edge in graph.Incoming(node))
        {
            sink.Examine();
            var info = RelationshipTypes.Info(graph.Type(edge));
            if (info.IsDependency && info.UpstreamEnd == RelationshipEnd.To && graph.IsValidOn(edge, day))
            {
                sink.Offer(edge, node, graph.From(edge), terminal: info.Role == RelationshipRole.Serving);
            }
        }
    }

    /// <summary>An entity's own products count as part of it: a lab is touched by what its models depend on.</summary>
    private void StepToProducts(int node, int day, Walk.StepSink sink)
    {
        foreach (var edge in graph.Outgoing(node))
        {
            sink.Examine();
            if (RelationshipTypes.Info(graph.Type(edge)).Role == RelationshipRole.Product && graph.IsValidOn(edge, day))
            {
                sink.Offer(edge, node, graph.To(edge));
            }
        }
    }

    /// <summary>The reverse of <see cref="StepToProducts"/>: a product's owner is exposed, and the walk ends there.</summary>
    private void StepToOwners(int node, int day, Walk.StepSink sink)
    {
        foreach (var edge in graph.Incoming(node))
        {
            sink.Examine();
            if (RelationshipTypes.Info(graph.Type(edge)).Role == RelationshipRole.Product && graph.IsValidOn(edge, day))
            {
                sink.Offer(edge, node, graph.From(edge), terminal: true);
            }
        }
    }

    private void StepToRestrictingRegulations(int node, int day, Walk.StepSink sink)
    {
        var date = DateOnly.FromDayNumber(day);
        foreach (var edge in graph.Outgoing(node))
        {
            sink.Examine();
            if (graph.Type(edge) == RelationshipType.RestrictedBy
                && graph.IsValidOn(edge, day)
                && graph.Node(graph.To(edge)) is Regulation regulation
                && regulation.IsInForce(date))
            {
                sink.Offer(edge, node, graph.To(edge), terminal: true);
            }
        }
    }

    private void StepToRestrictedSubjects(int node, int day, Walk.StepSink sink)
    {
        foreach (var edge in graph.Incoming(node))
        {
            sink.Examine();
            if (graph.Type(edge) == RelationshipType.RestrictedBy && graph.IsValidOn(edge, day))
            {
                sink.Offer(edge, node, graph.From(edge));
            }
        }
    }

    // The kind is read from the index's own array: touching every neighbour's entity object costs a cache miss each.
    private bool IsInForceIfRegulation(int node, DateOnly date) =>
        graph.Kind(node) != EntityKind.Regulation || ((Regulation)graph.Node(node)).IsInForce(date);
}

/// <summary>Where an exposed entity (<paramref name="Node"/>) goes in the answer: nearest first, then by kind and name, then as the walk met it.</summary>
internal readonly record struct ExposedOrder(int Depth, EntityKind Kind, string Name, int WalkOrder, int Node) : IComparable<ExposedOrder>
{
    public int CompareTo(ExposedOrder other)
    {
        var byDepth = Depth.CompareTo(other.Depth);
        if (byDepth != 0)
        {
            return byDepth;
        }

        // As numbers: an enum's own CompareTo takes an object, boxing both sides on every comparison (45 MB on a hub).
        var byKind = ((int)Kind).CompareTo((int)other.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        var byName = string.Compare(Name, other.Name, StringComparison.OrdinalIgnoreCase);
        return byName != 0 ? byName : WalkOrder.CompareTo(other.WalkOrder);
    }
}
