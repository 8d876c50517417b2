using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Questions;

/// <summary>
/// "What changed around this entity between two days": the differences between its supply chain and its export
/// controls on <see cref="From"/> and on <see cref="To"/>. The same day twice is allowed (nothing changed);
/// <see cref="To"/> before <see cref="From"/> is an error naming both arguments.
/// </summary>
public sealed record ChangesQuestion
{
    private ChangesQuestion(string entity, DateOnly from, DateOnly to, int maxHops)
    {
        Entity = entity;
        From = from;
        To = to;
        MaxHops = maxHops;
    }

    public string Entity { get; }

    public DateOnly From { get; }

    public DateOnly To { get; }

    /// <summary>How far each of the four walks goes: the same bound, and default, as supplyChain's and exportControls'.</summary>
    public int MaxHops { get; }

    public static ChangesQuestion Create(string entity, DateOnly from, DateOnly to, int? maxHops = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        if (to < from)
        {
            throw new InvalidArgumentException("from", $"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd}): changes are asked from the earlier day to the later one; swap from and to.");
        }

        // Checked as the underlying questions check it, so the error names maxHops the same way.
        var options = TraversalOptions.Create(from, maxHops);
        return new ChangesQuestion(entity, from, to, options.MaxHops);
    }

    /// <summary>The supply-chain question on one of the two days (maxPaths is left at its default, as in supplyChain).</summary>
    public SupplyChainQuestion SupplyChainOn(DateOnly day) => new(Entity, TraversalOptions.Create(day, MaxHops));

    /// <summary>The export-controls question on one of the two days, with exportControls' default maxPaths, so its partial is that answer's.</summary>
    public ExportControlsQuestion ExportControlsOn(DateOnly day) => new(Entity, TraversalOptions.Create(day, MaxHops));
}

/// <summary>A member of a supply chain in the stage it is in on the day (an entity that changes stage leaves one and enters another).</summary>
public sealed record StagedEntity(SupplyChainStage Stage, Entity Entity);

/// <summary>One side of a change: the stage members, relationships and regulations in one day's answers and not in the other's.</summary>
public sealed record ChangeSide(IReadOnlyList<StagedEntity> Entities, IReadOnlyList<Relationship> Relationships, IReadOnlyList<Regulation> Regulations)
{
    public static ChangeSide Empty { get; } = new([], [], []);

    public bool IsEmpty => Entities.Count == 0 && Relationships.Count == 0 && Regulations.Count == 0;
}

/// <summary>
/// What entered (in the answers on <see cref="To"/>, not on <see cref="From"/>) and left (the reverse) an entity's
/// supply chain and export controls. <see cref="Partial"/> when any of the four underlying answers is partial.
/// </summary>
public sealed record ChangesAnswer(Entity Entity, DateOnly From, DateOnly To, ChangeSide Entered, ChangeSide Left, bool Partial)
{
    /// <summary>Which state of the store answered: a Neo4j bookmark, or the embedded file's change counter; null when the store has none.</summary>
    public string? AnsweredAt { get; init; }

    /// <summary>
    /// The exact set differences of two days' answers: stage members by (stage, entity id), relationships by key,
    /// regulations by id. Each side keeps its answer's order (stages, then nearest; relationships by key; regulations as
    /// exportControls orders its hits), so a client can check it against supplyChain and exportControls.
    /// </summary>
    public static ChangesAnswer Between(SupplyChainAnswer chainFrom, SupplyChainAnswer chainTo, ExportControlsAnswer controlsFrom, ExportControlsAnswer controlsTo)
    {
        ArgumentNullException.ThrowIfNull(chainFrom);
        ArgumentNullException.ThrowIfNull(chainTo);
        ArgumentNullException.ThrowIfNull(controlsFrom);
        ArgumentNullException.ThrowIfNull(controlsTo);
        var membersFrom = Members(chainFrom);
        var membersTo = Members(chainTo);
        var entered = new ChangeSide(
            Except(membersTo, membersFrom, Membership),
            Except(chainTo.Relationships, chainFrom.Relationships, relationship => relationship.Record.Key),
            Except(Regulations(controlsTo), Regulations(controlsFrom), regulation => regulation.Id));
        var left = new ChangeSide(
            Except(membersFrom, membersTo, Membership),
            Except(chainFrom.Relationships, chainTo.Relationships, relationship => relationship.Record.Key),
            Except(Regulations(controlsFrom), Regulations(controlsTo), regulation => regulation.Id));
        var partial = chainFrom.Partial || chainTo.Partial || controlsFrom.Partial || controlsTo.Partial;
        return new ChangesAnswer(chainTo.Focus, chainFrom.AsOf, chainTo.AsOf, entered, left, partial) { AnsweredAt = chainTo.AnsweredAt };
    }

    private static List<StagedEntity> Members(SupplyChainAnswer chain) =>
        [.. chain.Stages.SelectMany(stage => stage.Entities.Select(entity => new StagedEntity(stage.Stage, entity)))];

    private static List<Regulation> Regulations(ExportControlsAnswer controls) => [.. controls.Hits.Select(hit => hit.Regulation)];

    private static string Membership(StagedEntity member) => $"{WireNames.ToWire(member.Stage)}/{member.Entity.Id}";

    private static List<T> Except<T>(IReadOnlyList<T> these, IReadOnlyList<T> those, Func<T, string> key)
    {
        var known = those.Select(key).ToHashSet(StringComparer.Ordinal);
        return [.. these.Where(item => !known.Contains(key(item)))];
    }
}

/// <summary>The changes question over the same <see cref="GraphQuestions"/> every store answers with.</summary>
public static class ChangeQuestions
{
    /// <summary>Asks supplyChain and exportControls on both days, over one state of the graph, and takes the differences.</summary>
    public static ChangesAnswer Changes(this GraphQuestions questions, ChangesQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(question);
        return ChangesAnswer.Between(
            questions.SupplyChain(question.SupplyChainOn(question.From), cancellationToken),
            questions.SupplyChain(question.SupplyChainOn(question.To), cancellationToken),
            questions.ExportControls(question.ExportControlsOn(question.From), cancellationToken),
            questions.ExportControls(question.ExportControlsOn(question.To), cancellationToken));
    }
}
