using GraphQL;
using GraphQL.Types;
using SupplyGraph.Api.GraphQL.Types;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Api.GraphQL;

/// <summary>
/// The read API's arguments: the filters' input objects (read as dictionaries, since they nest) turned into the
/// domain's filters, and the paging arguments the two connections share.
/// </summary>
internal static class ReadApiArguments
{
    public static string FirstHelp => $"At most this many (0 to {ListingLimits.MaxPageSize}, default {ListingLimits.DefaultPageSize}).";

    public const string AfterHelp = "Start after this cursor (pageInfo.endCursor of the previous page, asked with the same order).";

    private const string RelationshipsHelp = "A page of this entity's relationships, of every date unless where says which (validOn, validDuring): filtered, ordered, with cursors.";

    /// <summary>The <c>relationships</c> field as the <c>Entity</c> interface declares it.</summary>
    public static void AddRelationshipsField(this InterfaceGraphType<Entity> type) =>
        type.Field<NonNullGraphType<RelationshipConnectionType>>("relationships")
            .Description(RelationshipsHelp)
            .Argument<RelationshipWhereInputType>("where")
            .Argument<RelationshipOrderInputType>("order", "Default: by id.")
            .Argument<IntGraphType>("first", FirstHelp)
            .Argument<StringGraphType>("after", AfterHelp);

    /// <summary>
    /// The <c>relationships</c> field of an entity type: one store call per entity shown, bounded by <c>first</c> like
    /// every page (the cost model weighs it so).
    /// </summary>
    public static void AddRelationshipsField<TEntity>(this ObjectGraphType<TEntity> type, IGraphQueries store)
        where TEntity : Entity =>
        type.Field<NonNullGraphType<RelationshipConnectionType>>("relationships")
            .Description(RelationshipsHelp)
            .Argument<RelationshipWhereInputType>("where")
            .Argument<RelationshipOrderInputType>("order", "Default: by id.")
            .Argument<IntGraphType>("first", FirstHelp)
            .Argument<StringGraphType>("after", AfterHelp)
            .ResolveAsync(async context =>
            {
                var question = RelationshipListQuestion.Create(
                    context.Source.Id,
                    RelationshipWhere(context.GetArgument<Dictionary<string, object?>?>("where"), "where"),
                    RelationshipOrder(context.GetArgument<Dictionary<string, object?>?>("order")),
                    context.GetArgument<int?>("first"),
                    context.GetArgument<string?>("after"));
                return await store.ListRelationshipsAsync(question, context.CancellationToken);
            });

    public static EntityFilter? EntityWhere(Dictionary<string, object?>? input, string argument) =>
        input is null ? null : ReadEntityWhere(input, argument, depth: 1);

    public static RelationshipFilter? RelationshipWhere(Dictionary<string, object?>? input, string argument) =>
        input is null ? null : ReadRelationshipWhere(input, argument, depth: 1);

    public static EntityOrder? EntityOrder(Dictionary<string, object?>? input) =>
        input is null ? null : new EntityOrder((EntityOrderField)input["by"]!, Direction(input));

    public static RelationshipOrder? RelationshipOrder(Dictionary<string, object?>? input) =>
        input is null ? null : new RelationshipOrder((RelationshipOrderField)input["by"]!, Direction(input));

    private static SortDirection Direction(Dictionary<string, object?> input) =>
        input.TryGetValue("direction", out var direction) && direction is SortDirection given ? given : SortDirection.Ascending;

    // The domain checks depth and size on the whole filter; this stops only a document nested far deeper than that
    // (the parser allows it) before it is read recursively.
    private static void CheckDepth(string argument, int depth)
    {
        if (depth > ListingLimits.MaxFilterDepth)
        {
            throw new InvalidArgumentException(argument, $"{argument} nests and/or/not {depth} deep; at most {ListingLimits.MaxFilterDepth} levels are read.");
        }
    }

    private static EntityFilter ReadEntityWhere(Dictionary<string, object?> input, string argument, int depth)
    {
        CheckDepth(argument, depth);
        return new EntityFilter
        {
            Kinds = ListOf<EntityKind>(input, "kind"),
            Categories = ListOf<ActorCategory>(input, "category"),
            Countries = ListOf<string>(input, "country"),
            Tags = ListOf<string>(input, "tags"),
            Text = input.GetValueOrDefault("text") as string,
            And = Nested(input, "and", inner => ReadEntityWhere(inner, argument, depth + 1)),
            Or = Nested(input, "or", inner => ReadEntityWhere(inner, argument, depth + 1)),
            Not = input.GetValueOrDefault("not") is Dictionary<string, object?> not ? ReadEntityWhere(not, argument, depth + 1) : null,
        };
    }

    private static RelationshipFilter ReadRelationshipWhere(Dictionary<string, object?> input, string argument, int depth)
    {
        CheckDepth(argument, depth);
        return new RelationshipFilter
        {
            Types = ListOf<RelationshipType>(input, "type"),
            Direction = input.GetValueOrDefault("direction") as RelationshipDirection?,
            Statuses = ListOf<RelationshipStatus>(input, "status"),
            ValidOn = input.GetValueOrDefault("validOn") as DateOnly?,
            ValidDuring = input.GetValueOrDefault("validDuring") is Dictionary<string, object?> range
                ? new DayRange(range.GetValueOrDefault("from") as DateOnly?, range.GetValueOrDefault("to") as DateOnly?)
                : null,
            SourceDocuments = ListOf<string>(input, "sourceDocument"),
            And = Nested(input, "and", inner => ReadRelationshipWhere(inner, argument, depth + 1)),
            Or = Nested(input, "or", inner => ReadRelationshipWhere(inner, argument, depth + 1)),
            Not = input.GetValueOrDefault("not") is Dictionary<string, object?> not ? ReadRelationshipWhere(not, argument, depth + 1) : null,
        };
    }

    private static List<T>? ListOf<T>(Dictionary<string, object?> input, string name) =>
        input.GetValueOrDefault(name) is IEnumerable<object?> values ? [.. values.OfType<T>()] : null;

    private static List<TFilter>? Nested<TFilter>(Dictionary<string, object?> input, string name, Func<Dictionary<string, object?>, TFilter> read) =>
        input.GetValueOrDefault(name) is IEnumerable<object?> values ? [.. values.OfType<Dictionary<string, object?>>().Select(read)] : null;
}
