using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Questions;

/// <summary>Limits shared by the traversing questions, checked once here so every store sees valid values.</summary>
public sealed record TraversalOptions
{
    private TraversalOptions(DateOnly? asOf, int maxHops, int maxPaths)
    {
        AsOf = asOf;
        MaxHops = maxHops;
        MaxPaths = maxPaths;
    }

    /// <summary>The day the answer is about; null means today.</summary>
    public DateOnly? AsOf { get; }

    public int MaxHops { get; }

    /// <summary>Paths kept per hit (or per answer, for <see cref="PathsQuestion"/>).</summary>
    public int MaxPaths { get; }

    public static TraversalOptions Default { get; } = new(null, QueryLimits.DefaultMaxHops, QueryLimits.DefaultMaxPaths);

    public static TraversalOptions Create(DateOnly? asOf = null, int? maxHops = null, int? maxPaths = null)
    {
        var hops = maxHops ?? QueryLimits.DefaultMaxHops;
        if (hops < 1 || hops > QueryLimits.MaxMaxHops)
        {
            throw new InvalidArgumentException("maxHops", $"maxHops must be between 1 and {QueryLimits.MaxMaxHops}; got {hops}.");
        }

        var paths = maxPaths ?? QueryLimits.DefaultMaxPaths;
        if (paths < 1 || paths > QueryLimits.MaxMaxPaths)
        {
            throw new InvalidArgumentException("maxPaths", $"maxPaths must be between 1 and {QueryLimits.MaxMaxPaths}; got {paths}.");
        }

        return new TraversalOptions(asOf, hops, paths);
    }

    public DateOnly Day(TimeProvider clock) => QuestionDay.Or(AsOf, clock);
}

/// <summary>One entity with every relationship it takes part in on the day: what an entity page shows.</summary>
public sealed record ProfileQuestion(string Entity, DateOnly? AsOf)
{
    public DateOnly Day(TimeProvider clock) => QuestionDay.Or(AsOf, clock);
}

/// <summary>The day a question is about when it names none: today in UTC, by the store's clock. One rule for every store.</summary>
internal static class QuestionDay
{
    public static DateOnly Or(DateOnly? asOf, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return asOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }
}

/// <summary>"Silicon to deployment": everything upstream and downstream of an entity, in stages.</summary>
public sealed record SupplyChainQuestion(string Entity, TraversalOptions Options);

/// <summary>"Which export rules touch this entity": regulations on it or on anything it depends on.</summary>
public sealed record ExportControlsQuestion(string Entity, TraversalOptions Options);

/// <summary>The reverse of export controls: every entity a regulation touches.</summary>
public sealed record ExposureQuestion(string Regulation, TraversalOptions Options)
{
    /// <summary>
    /// False when the client will not read the paths (a GraphQL query that does not select them): each exposed
    /// entity's paths are then left empty, and everything else in the answer is as it would be with them (the same
    /// entities, <c>partial</c> and exploration), since the routes are still searched, only not copied out.
    /// </summary>
    public bool WithPaths { get; init; } = true;
}

/// <summary>Shortest paths between two entities, in either direction, optionally over some relationship types.</summary>
public sealed record PathsQuestion(string From, string To, IReadOnlyCollection<RelationshipType>? Types, TraversalOptions Options);

/// <summary>Entities whose id, name, alias or citation contains the text.</summary>
public sealed record SearchQuestion(string Text, IReadOnlyCollection<EntityKind>? Kinds, int First)
{
    public static SearchQuestion Create(string text, IReadOnlyCollection<EntityKind>? kinds = null, int? first = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidArgumentException("text", "text must not be empty.");
        }

        var count = first ?? QueryLimits.DefaultSearchResults;
        if (count < 1 || count > QueryLimits.MaxSearchResults)
        {
            throw new InvalidArgumentException("first", $"first must be between 1 and {QueryLimits.MaxSearchResults}; got {count}.");
        }

        return new SearchQuestion(text.Trim(), kinds, count);
    }
}
