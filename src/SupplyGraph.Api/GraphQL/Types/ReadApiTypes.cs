using GraphQL.Types;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Api.GraphQL.Types;

// The read API: filters (input objects that nest through and/or/not), orders, Relay connections and counts.
// Input objects are read as dictionaries and turned into the domain's filters by ReadApiArguments, which the domain
// then checks (depth, size, ranges), so the stores only ever see valid questions.

internal sealed class SortDirectionType : EnumerationGraphType<SortDirection>
{
    public SortDirectionType() => Name = "SortDirection";
}

internal sealed class EntityOrderFieldType : EnumerationGraphType<EntityOrderField>
{
    public EntityOrderFieldType() => Name = "EntityOrderField";
}

internal sealed class RelationshipOrderFieldType : EnumerationGraphType<RelationshipOrderField>
{
    public RelationshipOrderFieldType() => Name = "RelationshipOrderField";
}

internal sealed class RelationshipDirectionType : EnumerationGraphType<RelationshipDirection>
{
    public RelationshipDirectionType() => Name = "RelationshipDirection";
}

internal sealed class CountDimensionType : EnumerationGraphType<CountDimension>
{
    public CountDimensionType() => Name = "CountDimension";
}

internal sealed class EntityWhereInputType : InputObjectGraphType
{
    public EntityWhereInputType()
    {
        Name = "EntityWhere";
        Description = $"Which entities: every field given must hold. and/or/not nest filters, at most {ListingLimits.MaxFilterDepth} deep and {ListingLimits.MaxFilterConditions} filters in all.";
        Field<ListGraphType<NonNullGraphType<EntityKindType>>>("kind").Description("Any of these kinds.");
        Field<ListGraphType<NonNullGraphType<ActorCategoryType>>>("category").Description("Actors of any of these categories.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("country").Description("Any of these countries (ISO 3166-1 alpha-2, case-insensitive).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags").Description("Every one of these tags (case-insensitive).");
        Field<StringGraphType>("text").Description("Text the name or an alias contains (case-insensitive).");
        Field<ListGraphType<NonNullGraphType<EntityWhereInputType>>>("and").Description("Every one of these filters.");
        Field<ListGraphType<NonNullGraphType<EntityWhereInputType>>>("or").Description("At least one of these filters.");
        Field<EntityWhereInputType>("not").Description("Not this filter.");
    }
}

internal sealed class DayRangeInputType : InputObjectGraphType
{
    public DayRangeInputType()
    {
        Name = "DayRange";
        Description = "Days from one to another, both included; either end may be left open.";
        Field<CalendarDateType>("from");
        Field<CalendarDateType>("to");
    }
}

internal sealed class RelationshipWhereInputType : InputObjectGraphType
{
    public RelationshipWhereInputType()
    {
        Name = "RelationshipWhere";
        Description = $"Which relationships: every field given must hold. and/or/not nest filters, at most {ListingLimits.MaxFilterDepth} deep and {ListingLimits.MaxFilterConditions} filters in all. Without validOn or validDuring, relationships of every date match.";
        Field<ListGraphType<NonNullGraphType<RelationshipTypeType>>>("type").Description("Any of these types.");
        Field<RelationshipDirectionType>("direction").Description("Which way, seen from the entity whose relationships are asked. Not applicable to the whole graph's: relationships and counts without entity refuse it.");
        Field<ListGraphType<NonNullGraphType<RelationshipStatusType>>>("status").Description("Any of these statuses.");
        Field<CalendarDateType>("validOn").Description("Held on this day.");
        Field<DayRangeInputType>("validDuring").Description("Held on at least one day of this range.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("sourceDocument").Description("Has a source whose document is one of these (case-insensitive).");
        Field<ListGraphType<NonNullGraphType<RelationshipWhereInputType>>>("and").Description("Every one of these filters.");
        Field<ListGraphType<NonNullGraphType<RelationshipWhereInputType>>>("or").Description("At least one of these filters.");
        Field<RelationshipWhereInputType>("not").Description("Not this filter.");
    }
}

internal sealed class EntityOrderInputType : InputObjectGraphType
{
    public EntityOrderInputType()
    {
        Name = "EntityOrder";
        Description = "An order of entities; ties are broken by id. Entities without the value (a country; a model's RELEASE_DATE; a regulation's ANNOUNCED, EFFECTIVE, RESCINDED, which other kinds lack) come last in either direction.";
        Field<NonNullGraphType<EntityOrderFieldType>>("by");
        Field<SortDirectionType>("direction").DefaultValue(SortDirection.Ascending);
    }
}

internal sealed class RelationshipOrderInputType : InputObjectGraphType
{
    public RelationshipOrderInputType()
    {
        Name = "RelationshipOrder";
        Description = "An order of relationships; ties are broken by id. STATUS ascending is best established first (CONFIRMED, REPORTED, ALLEGED, DISPUTED); open dates (VALID_FROM, VALID_TO) come last in either direction; OTHER_END_NAME needs an entity.";
        Field<NonNullGraphType<RelationshipOrderFieldType>>("by");
        Field<SortDirectionType>("direction").DefaultValue(SortDirection.Ascending);
    }
}

/// <summary>Where a page stands: Relay's PageInfo, forward paging only.</summary>
internal sealed record PageInfo(bool HasNextPage, string? EndCursor);

internal sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(context => context.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Description("Pass it as after to ask the next page; null on an empty page.").Resolve(context => context.Source.EndCursor);
    }
}

/// <summary>One item of a page with its cursor: the edge of a Relay connection, the same shape for every node type.</summary>
internal abstract class EdgeType<TNode, TNodeGraphType> : ObjectGraphType<PageItem<TNode>>
    where TNodeGraphType : IGraphType
{
    protected EdgeType(string name, string what)
    {
        Name = name;
        Field<NonNullGraphType<StringGraphType>>("cursor").Description($"Opaque; pass it as after to start after this {what}.").Resolve(context => context.Source.Cursor);
        Field<NonNullGraphType<TNodeGraphType>>("node").Resolve(context => context.Source.Node);
    }
}

/// <summary>One page as a Relay connection: edges, where the page stands, and how many match over all pages.</summary>
internal abstract class ConnectionType<TNode, TEdgeGraphType> : ObjectGraphType<Page<TNode>>
    where TEdgeGraphType : IGraphType
{
    protected ConnectionType(string name, string description, string what)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeGraphType>>>>("edges").Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(context => new PageInfo(context.Source.HasNextPage, context.Source.EndCursor));
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description($"How many {what} the filter matches, over all pages.").Resolve(context => context.Source.TotalCount);
    }
}

internal sealed class EntityEdgeType() : EdgeType<Entity, EntityInterface>("EntityEdge", "entity");

internal sealed class EntityConnectionType() : ConnectionType<Entity, EntityEdgeType>("EntityConnection", "One page of entities.", "entities");

internal sealed class RelationshipEdgeType() : EdgeType<Relationship, RelationshipGraphType>("RelationshipEdge", "relationship");

internal sealed class RelationshipConnectionType()
    : ConnectionType<Relationship, RelationshipEdgeType>("RelationshipConnection", "One page of relationships (of an entity, or of the whole graph).", "relationships");

internal sealed class CountGroupType : ObjectGraphType<CountGroup>
{
    public CountGroupType()
    {
        Name = "CountGroup";
        Field<StringGraphType>("key").Description("The group: an enum value as the schema spells it (AI_LAB, TRAINED_ON) or a country code; null for entities without one.").Resolve(context => context.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(context => context.Source.Count);
    }
}

internal sealed class CountsType : ObjectGraphType<CountsAnswer>
{
    public CountsType()
    {
        Name = "Counts";
        Description = "Entities or relationships counted in groups, largest first, then by key.";
        Field<NonNullGraphType<CountDimensionType>>("by").Resolve(context => context.Source.By);
        Field<NonNullGraphType<IntGraphType>>("total").Description("The sum of the groups.").Resolve(context => context.Source.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGroupType>>>>("groups").Resolve(context => context.Source.Groups);
        Field<StringGraphType>("answeredAt").Description("Which state of the store answered (as on the other answers).").Resolve(context => context.Source.AnsweredAt);
    }
}
