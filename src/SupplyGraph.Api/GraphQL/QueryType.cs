using GraphQL;
using GraphQL.Types;
using SupplyGraph.Api.GraphQL.Types;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Api.GraphQL;

/// <summary>
/// The root fields. Each one asks the store one question and gets the whole answer, evidence included;
/// nested fields only read that answer, so a query costs one store call per root field. Every root field is nullable,
/// as the GraphQL specification advises: one that fails (an unknown entity, say) is null with its error, and the
/// others keep their answers.
/// </summary>
internal sealed class QueryType : ObjectGraphType
{
    private const string ReferenceHelp = "An id, name, alias or regulation citation such as 88 FR 73458 (case-insensitive).";
    private const string AsOfHelp = "The day the answer is about; today when omitted.";

    public QueryType(IGraphQueries store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Name = "Query";

        Field<EntityInterface>("entity")
            .Description("One entity by id, name, alias or citation.")
            .Argument<NonNullGraphType<StringGraphType>>("ref", ReferenceHelp)
            .ResolveAsync(async context => await store.ResolveAsync(context.GetArgument<string>("ref"), context.CancellationToken));

        Field<ListGraphType<NonNullGraphType<EntityInterface>>>("search")
            .Description("Entities whose id, name, alias or citation contains the text; exact matches first, then prefixes, then word starts.")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<ListGraphType<NonNullGraphType<EntityKindType>>>("kinds", "Only these kinds.")
            .Argument<IntGraphType>("first", $"At most this many (1 to {QueryLimits.MaxSearchResults}, default {QueryLimits.DefaultSearchResults}).")
            .ResolveAsync(async context =>
            {
                var question = SearchQuestion.Create(
                    context.GetArgument<string>("text"),
                    context.GetArgument<List<EntityKind>?>("kinds"),
                    context.GetArgument<int?>("first"));
                return await store.SearchAsync(question, context.CancellationToken);
            });

        Field<ProfileType>("profile")
            .Description("One entity with every relationship it takes part in on the day: what an entity page shows.")
            .Argument<NonNullGraphType<StringGraphType>>("entity", ReferenceHelp)
            .Argument<CalendarDateType>("asOf", AsOfHelp)
            .ResolveAsync(async context =>
            {
                var question = new ProfileQuestion(context.GetArgument<string>("entity"), context.GetArgument<DateOnly?>("asOf"));
                return await store.ProfileAsync(question, context.CancellationToken);
            });

        Field<SupplyChainType>("supplyChain")
            .Description("Silicon to deployment: everything upstream and downstream of an entity, in stages.")
            .Argument<NonNullGraphType<StringGraphType>>("entity", ReferenceHelp)
            .Argument<CalendarDateType>("asOf", AsOfHelp)
            .Argument<IntGraphType>("maxHops", MaxHopsHelp)
            .ResolveAsync(async context =>
            {
                var question = new SupplyChainQuestion(context.GetArgument<string>("entity"), Options(context, withMaxPaths: false));
                return await store.SupplyChainAsync(question, context.CancellationToken);
            });

        Field<ExportControlsType>("exportControls")
            .Description("The regulations in force that restrict an entity or anything it depends on.")
            .Argument<NonNullGraphType<StringGraphType>>("entity", ReferenceHelp)
            .Argument<CalendarDateType>("asOf", AsOfHelp)
            .Argument<IntGraphType>("maxHops", MaxHopsHelp)
            .Argument<IntGraphType>("maxPaths", MaxPathsHelp)
            .ResolveAsync(async context =>
            {
                var question = new ExportControlsQuestion(context.GetArgument<string>("entity"), Options(context, withMaxPaths: true));
                return await store.ExportControlsAsync(question, context.CancellationToken);
            });

        Field<ExposureType>("exposure")
            .Description("Every entity a regulation touches, with the paths as evidence.")
            .Argument<NonNullGraphType<StringGraphType>>("regulation", "A regulation's id, name, alias or citation (88 FR 73458, however written).")
            .Argument<CalendarDateType>("asOf", AsOfHelp)
            .Argument<IntGraphType>("maxHops", MaxHopsHelp)
            .Argument<IntGraphType>("maxPaths", MaxPathsHelp)
            .ResolveAsync(async context =>
            {
                var question = new ExposureQuestion(context.GetArgument<string>("regulation"), Options(context, withMaxPaths: true))
                {
                    // A hub's paths are most of the answer's work and memory: made only when the query reads them.
                    WithPaths = Selections.Asks(context, "exposed", "paths"),
                };
                return await store.ExposureAsync(question, context.CancellationToken);
            });

        Field<PathResultType>("paths")
            .Description("The shortest paths between two entities, in either direction.")
            .Argument<NonNullGraphType<StringGraphType>>("from", ReferenceHelp)
            .Argument<NonNullGraphType<StringGraphType>>("to", ReferenceHelp)
            .Argument<IntGraphType>("maxHops", MaxHopsHelp)
            .Argument<ListGraphType<NonNullGraphType<RelationshipTypeType>>>("types", "Only walk these relationship types.")
            .Argument<CalendarDateType>("asOf", AsOfHelp)
            .Argument<IntGraphType>("maxPaths", MaxPathsHelp)
            .ResolveAsync(async context =>
            {
                var question = new PathsQuestion(
                    context.GetArgument<string>("from"),
                    context.GetArgument<string>("to"),
                    context.GetArgument<List<RelationshipType>?>("types"),
                    Options(context, withMaxPaths: true));
                return await store.PathsAsync(question, context.CancellationToken);
            });

        Field<ChangesType>("changes")
            .Description("What changed around an entity between two days: what entered and left its supply chain and the export rules that touch it.")
            .Argument<NonNullGraphType<StringGraphType>>("entity", ReferenceHelp)
            .Argument<NonNullGraphType<CalendarDateType>>("from", "The earlier day.")
            .Argument<NonNullGraphType<CalendarDateType>>("to", "The later day (from itself allowed: nothing changed; before from: an INVALID_ARGUMENT error).")
            .Argument<IntGraphType>("maxHops", MaxHopsHelp)
            .ResolveAsync(async context =>
            {
                var question = ChangesQuestion.Create(
                    context.GetArgument<string>("entity"),
                    context.GetArgument<DateOnly>("from"),
                    context.GetArgument<DateOnly>("to"),
                    context.GetArgument<int?>("maxHops"));
                return await store.ChangesAsync(question, context.CancellationToken);
            });

        Field<NonNullGraphType<EntityConnectionType>>("entities")
            .Description("A page of entities: filtered (where), ordered (order; default by name), with cursors (first, after) and totalCount.")
            .Argument<EntityWhereInputType>("where")
            .Argument<EntityOrderInputType>("order", "Default: by name.")
            .Argument<IntGraphType>("first", ReadApiArguments.FirstHelp)
            .Argument<StringGraphType>("after", ReadApiArguments.AfterHelp)
            .ResolveAsync(async context =>
            {
                var question = EntityListQuestion.Create(
                    ReadApiArguments.EntityWhere(context.GetArgument<Dictionary<string, object?>?>("where"), "where"),
                    ReadApiArguments.EntityOrder(context.GetArgument<Dictionary<string, object?>?>("order")),
                    context.GetArgument<int?>("first"),
                    context.GetArgument<string?>("after"));
                return await store.ListEntitiesAsync(question, context.CancellationToken);
            });

        Field<NonNullGraphType<RelationshipConnectionType>>("relationships")
            .Description("A page of relationships, of the whole graph (or of one entity, with entity), of every date unless where says which (validOn, validDuring): filtered (where), ordered (order; default by id), with cursors (first, after) and totalCount. where.direction and order by OTHER_END_NAME are seen from an entity: they need entity.")
            .Argument<StringGraphType>("entity", "Only this entity's relationships, as its relationships field lists them. " + ReferenceHelp)
            .Argument<RelationshipWhereInputType>("where")
            .Argument<RelationshipOrderInputType>("order", "Default: by id.")
            .Argument<IntGraphType>("first", ReadApiArguments.FirstHelp)
            .Argument<StringGraphType>("after", ReadApiArguments.AfterHelp)
            .ResolveAsync(async context =>
            {
                var question = RelationshipListQuestion.Create(
                    context.GetArgument<string?>("entity"),
                    ReadApiArguments.RelationshipWhere(context.GetArgument<Dictionary<string, object?>?>("where"), "where"),
                    ReadApiArguments.RelationshipOrder(context.GetArgument<Dictionary<string, object?>?>("order")),
                    context.GetArgument<int?>("first"),
                    context.GetArgument<string?>("after"));
                return await store.ListRelationshipsAsync(question, context.CancellationToken);
            });

        Field<CountsType>("counts")
            .Description("Entities by kind, category or country (where filters them), the entities of one entity's supply chain by stage, or relationships by type or status (relationshipWhere filters them; of one entity when entity is given).")
            .Argument<NonNullGraphType<CountDimensionType>>("by")
            .Argument<EntityWhereInputType>("where", "Which entities to count (kind, category, country and stage counts).")
            .Argument<RelationshipWhereInputType>("relationshipWhere", "Which relationships to count (type and status counts).")
            .Argument<CalendarDateType>("asOf", "Stage counts: the supply chain on this day (today when omitted). Relationship counts: only relationships valid on this day (every date when omitted).")
            .Argument<StringGraphType>("entity", "Stage counts: whose supply chain (required). Relationship counts: only this entity's relationships. " + ReferenceHelp)
            .ResolveAsync(async context =>
            {
                var question = CountQuestion.Create(
                    context.GetArgument<CountDimension>("by"),
                    ReadApiArguments.EntityWhere(context.GetArgument<Dictionary<string, object?>?>("where"), "where"),
                    ReadApiArguments.RelationshipWhere(context.GetArgument<Dictionary<string, object?>?>("relationshipWhere"), "relationshipWhere"),
                    context.GetArgument<DateOnly?>("asOf"),
                    context.GetArgument<string?>("entity"));
                return await store.CountAsync(question, context.CancellationToken);
            });

        Field<ListGraphType<NonNullGraphType<RelationshipTypeInfoType>>>("relationshipTypes")
            .Description("The documented relationship table: direction, kinds at each end, role in the questions, meaning.")
            .Resolve(_ => RelationshipTypes.All);
    }

    private static string MaxHopsHelp => $"How far to walk (1 to {QueryLimits.MaxMaxHops}, default {QueryLimits.DefaultMaxHops}).";

    private static string MaxPathsHelp => $"Paths kept per result (1 to {QueryLimits.MaxMaxPaths}, default {QueryLimits.DefaultMaxPaths}).";

    /// <summary>The traversal limits of a root field, checked by the domain (which names the argument when one is out of range).</summary>
    private static TraversalOptions Options(IResolveFieldContext context, bool withMaxPaths) =>
        TraversalOptions.Create(
            context.GetArgument<DateOnly?>("asOf"),
            context.GetArgument<int?>("maxHops"),
            withMaxPaths ? context.GetArgument<int?>("maxPaths") : null);
}
