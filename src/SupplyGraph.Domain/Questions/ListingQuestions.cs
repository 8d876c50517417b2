using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Questions;

/// <summary>Bounds of the read API: a page's size, and how far a filter may nest and grow.</summary>
public static class ListingLimits
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>How deep <c>and</c>/<c>or</c>/<c>not</c> may nest: deeper filters say nothing a flatter one cannot.</summary>
    public const int MaxFilterDepth = 5;

    /// <summary>Conditions (filter objects) in one filter, nested ones included, so evaluating it per item stays cheap.</summary>
    public const int MaxFilterConditions = 50;

    /// <summary>Values in one list of a filter (kinds, countries, tags, documents).</summary>
    public const int MaxFilterValues = 100;

    /// <summary>The length of a text filter, like a search's reference.</summary>
    public const int MaxFilterText = 200;

    internal static int PageSize(int? first)
    {
        var size = first ?? DefaultPageSize;
        if (size < 0 || size > MaxPageSize)
        {
            throw new InvalidArgumentException("first", $"first must be between 0 and {MaxPageSize} (the largest page); got {size}. Ask for the next page with after: pageInfo.endCursor.");
        }

        return size;
    }
}

/// <summary>
/// Which entities to list. Every condition given must hold (they combine with AND); <see cref="And"/>, <see cref="Or"/>
/// and <see cref="Not"/> nest other filters. An empty filter matches every entity.
/// </summary>
public sealed record EntityFilter
{
    /// <summary>Any of these kinds.</summary>
    public IReadOnlyList<EntityKind>? Kinds { get; init; }

    /// <summary>Actors of any of these categories (other kinds have none, so they do not match).</summary>
    public IReadOnlyList<ActorCategory>? Categories { get; init; }

    /// <summary>Any of these countries (ISO 3166-1 alpha-2, case-insensitive).</summary>
    public IReadOnlyList<string>? Countries { get; init; }

    /// <summary>Every one of these tags (case-insensitive).</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Text the name or an alias contains (case-insensitive).</summary>
    public string? Text { get; init; }

    public IReadOnlyList<EntityFilter>? And { get; init; }

    public IReadOnlyList<EntityFilter>? Or { get; init; }

    public EntityFilter? Not { get; init; }

    public static EntityFilter All { get; } = new();

    internal IEnumerable<EntityFilter> Nested => (And ?? []).Concat(Or ?? []).Concat(Not is null ? [] : [Not]);

    public bool Matches(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return (Kinds is null || Kinds.Contains(entity.Kind))
            && (Categories is null || (entity is Actor actor && Categories.Contains(actor.Category)))
            && (Countries is null || (entity.Country is { } country && Countries.Contains(country, StringComparer.OrdinalIgnoreCase)))
            && (Tags is null || Tags.All(tag => entity.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)))
            && (Text is null || NameContains(entity, Text))
            && (And is null || And.All(filter => filter.Matches(entity)))
            && (Or is null || Or.Any(filter => filter.Matches(entity)))
            && (Not is null || !Not.Matches(entity));
    }

    /// <summary>Checks the filter's size and values; the argument named in errors is <paramref name="argument"/> (e.g. <c>where</c>).</summary>
    public void Validate(string argument)
    {
        var conditions = 0;
        FilterShape.Check(this, argument, depth: 1, ref conditions, filter => filter.Nested, filter =>
        {
            FilterShape.CheckValues(argument, "kind", filter.Kinds?.Count);
            FilterShape.CheckValues(argument, "category", filter.Categories?.Count);
            FilterShape.CheckValues(argument, "country", filter.Countries?.Count);
            FilterShape.CheckValues(argument, "tags", filter.Tags?.Count);
            FilterShape.CheckText(argument, "text", filter.Text);
        });
    }

    private static bool NameContains(Entity entity, string text) =>
        entity.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || entity.Aliases.Any(alias => alias.Contains(text, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Which way a relationship runs, seen from the entity whose relationships are listed.</summary>
public enum RelationshipDirection
{
    /// <summary>Both ways.</summary>
    Both,

    /// <summary>From the entity.</summary>
    Outgoing,

    /// <summary>To the entity.</summary>
    Incoming,
}

/// <summary>A range of days, both ends included; either end may be open.</summary>
public sealed record DayRange(DateOnly? From, DateOnly? To);

/// <summary>
/// Which relationships to list or count. Every condition given must hold; <see cref="And"/>, <see cref="Or"/> and
/// <see cref="Not"/> nest other filters. An empty filter matches every relationship, whatever its dates.
/// </summary>
public sealed record RelationshipFilter
{
    /// <summary>Any of these types.</summary>
    public IReadOnlyList<RelationshipType>? Types { get; init; }

    /// <summary>Which way, seen from the listed entity; only where relationships are of one entity.</summary>
    public RelationshipDirection? Direction { get; init; }

    /// <summary>Any of these statuses.</summary>
    public IReadOnlyList<RelationshipStatus>? Statuses { get; init; }

    /// <summary>Held on this day (its <c>validFrom</c> on or before it, its <c>validTo</c> on or after it).</summary>
    public DateOnly? ValidOn { get; init; }

    /// <summary>Held on at least one day of this range.</summary>
    public DayRange? ValidDuring { get; init; }

    /// <summary>Has a source whose document is one of these (case-insensitive).</summary>
    public IReadOnlyList<string>? SourceDocuments { get; init; }

    public IReadOnlyList<RelationshipFilter>? And { get; init; }

    public IReadOnlyList<RelationshipFilter>? Or { get; init; }

    public RelationshipFilter? Not { get; init; }

    public static RelationshipFilter All { get; } = new();

    internal IEnumerable<RelationshipFilter> Nested => (And ?? []).Concat(Or ?? []).Concat(Not is null ? [] : [Not]);

    internal bool UsesDirection => Direction is not null || Nested.Any(filter => filter.UsesDirection);

    /// <param name="outgoing">True when the listed entity is the relationship's from end; null when no entity is listed.</param>
    public bool Matches(RelationshipRecord relationship, bool? outgoing)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        return (Types is null || Types.Contains(relationship.Type))
            && (Direction is null or RelationshipDirection.Both || (Direction == RelationshipDirection.Outgoing) == outgoing)
            && (Statuses is null || Statuses.Contains(relationship.Status))
            && (ValidOn is not { } day || Overlaps(relationship, day, day))
            && (ValidDuring is null || Overlaps(relationship, ValidDuring.From, ValidDuring.To))
            && (SourceDocuments is null || relationship.Sources.Any(source => SourceDocuments.Contains(source.Document, StringComparer.OrdinalIgnoreCase)))
            && (And is null || And.All(filter => filter.Matches(relationship, outgoing)))
            && (Or is null || Or.Any(filter => filter.Matches(relationship, outgoing)))
            && (Not is null || !Not.Matches(relationship, outgoing));
    }

    /// <summary>Checks the filter's size and values; the argument named in errors is <paramref name="argument"/>.</summary>
    public void Validate(string argument)
    {
        var conditions = 0;
        FilterShape.Check(this, argument, depth: 1, ref conditions, filter => filter.Nested, filter =>
        {
            FilterShape.CheckValues(argument, "type", filter.Types?.Count);
            FilterShape.CheckValues(argument, "status", filter.Statuses?.Count);
            FilterShape.CheckValues(argument, "sourceDocument", filter.SourceDocuments?.Count);
            if (filter.ValidDuring is { From: { } from, To: { } to } && to < from)
            {
                throw new InvalidArgumentException(argument, $"{argument}.validDuring runs from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}: its to must not be before its from.");
            }
        });
    }

    private static bool Overlaps(RelationshipRecord relationship, DateOnly? from, DateOnly? to) =>
        (to is null || relationship.ValidFrom is null || relationship.ValidFrom <= to)
        && (from is null || relationship.ValidTo is null || relationship.ValidTo >= from);
}

/// <summary>The bounds every filter shares, checked once, before any store reads it.</summary>
internal static class FilterShape
{
    public static void Check<TFilter>(TFilter filter, string argument, int depth, ref int conditions, Func<TFilter, IEnumerable<TFilter>> nested, Action<TFilter> values)
    {
        if (depth > ListingLimits.MaxFilterDepth)
        {
            throw new InvalidArgumentException(argument, $"{argument} nests and/or/not {depth} deep; at most {ListingLimits.MaxFilterDepth} levels are read.");
        }

        if (++conditions > ListingLimits.MaxFilterConditions)
        {
            throw new InvalidArgumentException(argument, $"{argument} holds more than {ListingLimits.MaxFilterConditions} filter objects; write it with fewer.");
        }

        values(filter);
        foreach (var inner in nested(filter))
        {
            Check(inner, argument, depth + 1, ref conditions, nested, values);
        }
    }

    public static void CheckValues(string argument, string field, int? count)
    {
        if (count > ListingLimits.MaxFilterValues)
        {
            throw new InvalidArgumentException(argument, $"{argument}.{field} lists {count} values; at most {ListingLimits.MaxFilterValues} are read.");
        }
    }

    public static void CheckText(string argument, string field, string? text)
    {
        if (text is not null && (text.Length == 0 || text.Length > ListingLimits.MaxFilterText))
        {
            throw new InvalidArgumentException(argument, $"{argument}.{field} must hold 1 to {ListingLimits.MaxFilterText} characters; got {text.Length}.");
        }
    }
}

public enum SortDirection
{
    Ascending,
    Descending,
}

public enum EntityOrderField
{
    Name,
    Kind,
    Country,
    Id,

    /// <summary>A model's release date; entities without one (other kinds, models without a date) come last.</summary>
    ReleaseDate,

    /// <summary>The day a regulation was announced; entities without one come last.</summary>
    Announced,

    /// <summary>The day a regulation took effect; entities that are not regulations come last.</summary>
    Effective,

    /// <summary>The day a regulation was rescinded; entities without one (regulations in force, other kinds) come last.</summary>
    Rescinded,
}

/// <summary>
/// An order of entities; ties are broken by id, so the order is total and pages never overlap. Entities without the
/// value ordered by (a country, a date) come last in either direction.
/// </summary>
public sealed record EntityOrder(EntityOrderField Field, SortDirection Direction = SortDirection.Ascending)
{
    public static EntityOrder Default { get; } = new(EntityOrderField.Name);
}

public enum RelationshipOrderField
{
    /// <summary>By key (<c>from/TYPE/to</c> or the explicit id).</summary>
    Key,
    Type,

    /// <summary>Best established first, ascending: confirmed, reported, alleged, disputed.</summary>
    Status,
    ValidFrom,
    ValidTo,

    /// <summary>The name of the end that is not the listed entity.</summary>
    OtherEndName,
}

/// <summary>An order of relationships; ties are broken by key.</summary>
public sealed record RelationshipOrder(RelationshipOrderField Field, SortDirection Direction = SortDirection.Ascending)
{
    public static RelationshipOrder Default { get; } = new(RelationshipOrderField.Key);
}

/// <summary>One page of entities (Relay's <c>entities(where:, order:, first:, after:)</c>).</summary>
public sealed record EntityListQuestion(EntityFilter Where, EntityOrder Order, int First, string? After)
{
    public static EntityListQuestion Create(EntityFilter? where = null, EntityOrder? order = null, int? first = null, string? after = null)
    {
        var filter = where ?? EntityFilter.All;
        filter.Validate("where");
        return new EntityListQuestion(filter, order ?? EntityOrder.Default, ListingLimits.PageSize(first), after);
    }
}

/// <summary>One page of the relationships of one entity (<see cref="Entity"/>, a reference) or, without one, of the whole graph.</summary>
public sealed record RelationshipListQuestion(string? Entity, RelationshipFilter Where, RelationshipOrder Order, int First, string? After)
{
    public static RelationshipListQuestion Create(string? entity, RelationshipFilter? where = null, RelationshipOrder? order = null, int? first = null, string? after = null)
    {
        if (entity is not null && string.IsNullOrWhiteSpace(entity))
        {
            throw new InvalidArgumentException("entity", "entity must name an entity (id, name or alias); leave it out to list the relationships of the whole graph.");
        }

        var filter = where ?? RelationshipFilter.All;
        var sorted = order ?? RelationshipOrder.Default;
        if (entity is null && filter.UsesDirection)
        {
            throw new InvalidArgumentException("where", "where.direction is seen from an entity: give entity (or ask an entity's relationships), or leave direction out.");
        }

        if (entity is null && sorted.Field == RelationshipOrderField.OtherEndName)
        {
            throw new InvalidArgumentException("order", "order by OTHER_END_NAME is by the end that is not the entity listed: give entity (or ask an entity's relationships), or order by another field.");
        }

        filter.Validate("where");
        return new RelationshipListQuestion(entity, filter, sorted, ListingLimits.PageSize(first), after);
    }
}

public sealed record PageItem<T>(string Cursor, T Node);

/// <summary>A page: its items with their cursors, whether more follow, and how many match in all.</summary>
public sealed record Page<T>(IReadOnlyList<PageItem<T>> Edges, bool HasNextPage, int TotalCount)
{
    public string? EndCursor => Edges.Count > 0 ? Edges[^1].Cursor : null;
}

/// <summary>What <c>counts</c> groups by.</summary>
public enum CountDimension
{
    EntityKind,
    EntityCategory,
    EntityCountry,

    /// <summary>The stages of one entity's supply chain (needs the entity).</summary>
    SupplyChainStage,
    RelationshipType,
    RelationshipStatus,
}

/// <summary>
/// Counts in groups. Entity groups count the entities <see cref="Where"/> matches (in the supply chain of
/// <see cref="Entity"/> on <see cref="AsOf"/>, for stages); relationship groups count the relationships
/// <see cref="RelationshipWhere"/> matches, valid on <see cref="AsOf"/> when given, of <see cref="Entity"/> when given.
/// </summary>
public sealed record CountQuestion(CountDimension By, EntityFilter? Where, RelationshipFilter? RelationshipWhere, DateOnly? AsOf, string? Entity)
{
    public bool CountsRelationships => By is CountDimension.RelationshipType or CountDimension.RelationshipStatus;

    public static CountQuestion Create(CountDimension by, EntityFilter? where = null, RelationshipFilter? relationshipWhere = null, DateOnly? asOf = null, string? entity = null)
    {
        var question = new CountQuestion(by, where, relationshipWhere, asOf, entity);
        if (question.CountsRelationships && where is not null)
        {
            throw new InvalidArgumentException("where", $"where filters entities; counts by {WireNames.ToWire(by)} count relationships: use relationshipWhere.");
        }

        if (!question.CountsRelationships && relationshipWhere is not null)
        {
            throw new InvalidArgumentException("relationshipWhere", $"relationshipWhere filters relationships; counts by {WireNames.ToWire(by)} count entities: use where.");
        }

        if (by == CountDimension.SupplyChainStage && string.IsNullOrWhiteSpace(entity))
        {
            throw new InvalidArgumentException("entity", "counts by SUPPLY_CHAIN_STAGE need entity: the stages are those of that entity's supply chain.");
        }

        if (by is CountDimension.EntityKind or CountDimension.EntityCategory or CountDimension.EntityCountry && (entity is not null || asOf is not null))
        {
            throw new InvalidArgumentException(entity is not null ? "entity" : "asOf", $"counts by {WireNames.ToWire(by)} count every entity where matches: entity and asOf apply to stage and relationship counts.");
        }

        if (question.CountsRelationships && entity is null && relationshipWhere?.UsesDirection == true)
        {
            throw new InvalidArgumentException("relationshipWhere", "relationshipWhere.direction is seen from an entity: give entity, or leave direction out.");
        }

        where?.Validate("where");
        relationshipWhere?.Validate("relationshipWhere");
        return question;
    }
}

/// <summary>One group: its key as the API spells it (an enum's CONSTANT_CASE, a country code; null when unset) and its size.</summary>
public sealed record CountGroup(string? Key, int Count);

/// <summary>Groups by size, largest first, then by key; <see cref="Total"/> is their sum.</summary>
public sealed record CountsAnswer(CountDimension By, IReadOnlyList<CountGroup> Groups, int Total)
{
    public string? AnsweredAt { get; init; }
}
