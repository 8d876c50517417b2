using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using SupplyGraph.Api.GraphQL.Errors;
using SupplyGraph.Api.GraphQL.Types;
using SupplyGraph.Api.Hosting;
using SupplyGraph.Domain.Questions;

namespace SupplyGraph.Api.Http;

/// <summary>
/// What a parsed operation asks for, measured on its syntax tree before it is validated (validation itself costs time
/// that grows faster than the document): fields once fragments are expanded (aliases and <c>__</c> fields included),
/// depth, root fields, and an estimated cost. The cost of a field is the product of the sizes of the lists above it:
/// a list weighs its bound where it has one (<c>first</c>, <c>maxPaths</c>) and a typical size where it
/// has none (<see cref="ListWeights"/>); each question that walks the graph adds <see cref="WalkCost"/>. Introspection
/// fields count as fields but not in cost, since their answers are bounded by the schema, not by the data.
/// </summary>
internal sealed class QueryAnalysis
{
    /// <summary>What one walk (supply chain, export controls, exposure, paths) adds to the cost.</summary>
    public const int WalkCost = 50;

    // The read API's entities, relationships and counts read every entity or relationship (counts by stage walk a
    // supply chain): like a walk, they are presumed expensive until they have run.
    private static readonly HashSet<string> WalkingQuestions = new(StringComparer.Ordinal) { "supplyChain", "exportControls", "exposure", "paths", "entities", "relationships", "counts", "changes" };

    /// <summary>Walking questions that cost more than one walk: <c>changes</c> compares two days' answers, about two walks' work.</summary>
    private static readonly Dictionary<string, int> WalksPerQuestion = new(StringComparer.Ordinal) { ["changes"] = 2 };

    /// <summary>Sizes assumed for lists without a bound of their own, by <c>Type.field</c>.</summary>
    private static readonly Dictionary<string, int> ListWeights = new(StringComparer.Ordinal)
    {
        ["SupplyChain.relationships"] = 50,
        ["Profile.relationships"] = 50,
        ["SupplyChain.stages"] = 10,
        ["Stage.entities"] = 10,
        ["ExportControls.hits"] = 5,

        // What changed between two days is usually a small part of one answer.
        ["ChangeSide.entities"] = 10,
        ["ChangeSide.relationships"] = 20,
        ["ChangeSide.regulations"] = 5,
        ["Exposure.exposed"] = 20,
        ["Query.relationshipTypes"] = 20,
        ["Actor.sources"] = 2,
        ["Chip.sources"] = 2,
        ["Model.sources"] = 2,
        ["Regulation.sources"] = 2,
        ["Entity.sources"] = 2,
        ["Relationship.sources"] = 2,

        // A connection's page is weighed on the connection field itself (its first), so its edges add nothing more.
        ["EntityConnection.edges"] = 1,
        ["RelationshipConnection.edges"] = 1,
        ["Counts.groups"] = 50,
    };

    /// <summary>The entities and relationships of one path: a typical route's length (maxHops bounds it, rarely reached).</summary>
    private const int PathLengthWeight = 3;

    private const int DefaultListWeight = 10;

    private readonly ISchema schema;
    private readonly RequestLimits limits;
    private readonly Inputs? variables;
    private readonly Dictionary<string, GraphQLFragmentDefinition> fragments;
    private readonly List<string> enteredFragments = [];
    private int visited;
    private bool stopped;

    private QueryAnalysis(ISchema schema, RequestLimits limits, GraphQLDocument document, Inputs? variables)
    {
        this.schema = schema;
        this.limits = limits;
        this.variables = variables;
        fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(fragment => fragment.FragmentName.Name.StringValue)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
    }

    public int Fields { get; private set; }

    public int Depth { get; private set; }

    public int RootFields { get; private set; }

    public long Cost { get; private set; }

    /// <summary>True when a root field walks the graph: such a request is presumed expensive until it has run (<see cref="ExpensiveRequestGate"/>).</summary>
    public bool WalksTheGraph { get; private set; }

    /// <summary>True when a root field asks the store (all but <c>relationshipTypes</c> and introspection).</summary>
    public bool UsesTheStore { get; private set; }

    /// <summary>Root fields that ask the store (aliases counted): what a lookup request is presumed to cost before it has run.</summary>
    public int StoreRootFields { get; private set; }

    /// <summary>The first limit the operation passes, as an error code and a message naming the limit and its setting.</summary>
    public (string Code, string Message)? Problem { get; private set; }

    /// <summary>Bounds the whole document's written fields and nesting, then measures the operation <paramref name="operationName"/> selects; an operation not found is left to validation.</summary>
    public static QueryAnalysis Of(ISchema schema, RequestLimits limits, GraphQLDocument document, string? operationName, Inputs? variables)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(document);

        // Field types are resolved when the schema is initialized, which execution does lazily: without this, the
        // first requests to a new service would be measured without their lists' weights.
        if (!schema.Initialized)
        {
            schema.Initialize();
        }

        var analysis = new QueryAnalysis(schema, limits, document, variables);

        // Validation reads the whole document, unused fragments and unselected operations included, and some of its
        // rules take time that grows with the square of the fields: the whole document is bounded first, in one pass.
        analysis.MeasureDocument(document);
        if (analysis.Problem is null && OperationTypes.SelectedOperation(document, operationName) is { } operation)
        {
            analysis.Measure(operation);
        }

        return analysis;
    }

    /// <summary>Counts the fields written anywhere in the document (fragments not expanded) and its deepest nesting.</summary>
    private void MeasureDocument(GraphQLDocument document)
    {
        var written = 0;
        foreach (var definition in document.Definitions)
        {
            var selectionSet = definition switch
            {
                GraphQLOperationDefinition operation => operation.SelectionSet,
                GraphQLFragmentDefinition fragment => fragment.SelectionSet,
                _ => null,
            };
            if (selectionSet is not null && !CountWritten(selectionSet, depth: 1, ref written))
            {
                return;
            }
        }
    }

    /// <summary>False once a limit is passed (<see cref="Problem"/> is then set): the rest is not read.</summary>
    private bool CountWritten(GraphQLSelectionSet selectionSet, int depth, ref int written)
    {
        if (depth > limits.MaxDepth)
        {
            Stop(ErrorCodes.QueryTooDeep, $"This document nests selections {depth} deep; at most {limits.MaxDepth} are answered (SupplyGraph:Limits:MaxDepth).");
            return false;
        }

        foreach (var selection in selectionSet.Selections)
        {
            var nested = selection switch
            {
                GraphQLField field => field.SelectionSet,
                GraphQLInlineFragment inline => inline.SelectionSet,
                _ => null,
            };
            if (selection is GraphQLField && ++written > limits.MaxFields)
            {
                Stop(ErrorCodes.QueryTooLarge, $"This document holds more than {limits.MaxFields} fields in its operations and fragments, used or not (SupplyGraph:Limits:MaxFields).");
                return false;
            }

            if (nested is not null && !CountWritten(nested, depth + 1, ref written))
            {
                return false;
            }
        }

        return true;
    }

    private void Measure(GraphQLOperationDefinition operation)
    {
        IComplexGraphType? root = operation.Operation == OperationType.Query ? schema.Query : null;
        Walk(operation.SelectionSet, root, depth: 1, weight: 1, rootField: null, isRoot: true);
        if (Problem is not null)
        {
            return;
        }

        if (RootFields > limits.MaxRootFields)
        {
            Problem = (ErrorCodes.QueryTooLarge,
                $"This request asks {RootFields} root fields; at most {limits.MaxRootFields} are answered per request (each one walks the graph or the schema; SupplyGraph:Limits:MaxRootFields). Split it into several requests.");
        }
        else if (Cost > limits.MaxCost)
        {
            Problem = (ErrorCodes.QueryTooComplex,
                $"This request's estimated cost is {Cost}; at most {limits.MaxCost} is answered (SupplyGraph:Limits:MaxCost). Each field costs the product of the sizes of the lists above it: ask fewer fields inside lists, fewer aliases, or lower maxPaths/maxHops/first.");
        }
    }

    private void Walk(GraphQLSelectionSet selectionSet, IComplexGraphType? parent, int depth, long weight, GraphQLField? rootField, bool isRoot)
    {
        if (stopped)
        {
            return;
        }

        if (depth > limits.MaxDepth)
        {
            Stop(ErrorCodes.QueryTooDeep, $"This request nests selections {depth} deep; at most {limits.MaxDepth} are answered (SupplyGraph:Limits:MaxDepth).");
            return;
        }

        Depth = Math.Max(Depth, depth);
        foreach (var selection in selectionSet.Selections)
        {
            // Fragments spread many times are walked each time: this bounds the walk itself, whatever the fields.
            if (++visited > 10 * limits.MaxFields)
            {
                Stop(ErrorCodes.QueryTooLarge, $"This request expands to more than {limits.MaxFields} fields once its fragments are spread (SupplyGraph:Limits:MaxFields).");
                return;
            }

            switch (selection)
            {
                case GraphQLField field:
                    WalkField(field, parent, depth, weight, rootField, isRoot);
                    break;
                case GraphQLInlineFragment inline:
                    Walk(inline.SelectionSet, TypeNamed(inline.TypeCondition?.Type.Name.StringValue) ?? parent, depth + 1, weight, rootField, isRoot);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;

                    // A fragment cycle is a validation error; it is not followed here.
                    if (fragments.TryGetValue(name, out var fragment) && !enteredFragments.Contains(name))
                    {
                        enteredFragments.Add(name);
                        Walk(fragment.SelectionSet, TypeNamed(fragment.TypeCondition.Type.Name.StringValue) ?? parent, depth, weight, rootField, isRoot);
                        enteredFragments.RemoveAt(enteredFragments.Count - 1);
                    }

                    break;
            }

            if (stopped)
            {
                return;
            }
        }
    }

    private void WalkField(GraphQLField field, IComplexGraphType? parent, int depth, long weight, GraphQLField? rootField, bool isRoot)
    {
        var name = field.Name.StringValue;
        if (++Fields > limits.MaxFields)
        {
            Stop(ErrorCodes.QueryTooLarge, $"This request selects more than {limits.MaxFields} fields (aliases, fragments and __ fields included; SupplyGraph:Limits:MaxFields).");
            return;
        }

        var introspection = name.StartsWith("__", StringComparison.Ordinal);
        if (isRoot && name != "__typename")
        {
            RootFields++;
            rootField = field;
            if (!introspection && name != "relationshipTypes")
            {
                UsesTheStore = true;
                StoreRootFields++;
            }

            if (WalkingQuestions.Contains(name))
            {
                WalksTheGraph = true;
                Cost += WalkCost * WalksPerQuestion.GetValueOrDefault(name, 1);
            }
        }

        if (!introspection && (rootField is null || !rootField.Name.StringValue.StartsWith("__", StringComparison.Ordinal)))
        {
            Cost += weight;
        }

        if (field.SelectionSet is null)
        {
            return;
        }

        var definition = parent?.GetField(name);
        var type = definition?.ResolvedType;
        var isList = false;
        while (type is NonNullGraphType or ListGraphType)
        {
            isList |= type is ListGraphType;
            type = type is NonNullGraphType nonNull ? nonNull.ResolvedType : ((ListGraphType)type).ResolvedType;
        }

        var childWeight = isList ? weight * ListWeight(parent!.Name, name, field, rootField) : weight;
        if (type is EntityConnectionType or RelationshipConnectionType)
        {
            if (PageSize(field) is not { } page)
            {
                return;
            }

            childWeight = weight * page;
        }

        Walk(field.SelectionSet, type as IComplexGraphType, depth + 1, Math.Min(childWeight, int.MaxValue), rootField, isRoot: false);
    }

    private long ListWeight(string typeName, string fieldName, GraphQLField field, GraphQLField? rootField)
    {
        switch (typeName, fieldName)
        {
            case ("Query", "search"):
                return IntArgument(field, "first") ?? QueryLimits.DefaultSearchResults;
            case (_, "paths") when typeName != "Query":
                return rootField is null ? QueryLimits.DefaultMaxPaths : IntArgument(rootField, "maxPaths") ?? QueryLimits.DefaultMaxPaths;
            case ("Path", _):
                return PathLengthWeight;
            default:
                return ListWeights.TryGetValue($"{typeName}.{fieldName}", out var weight) ? weight : DefaultListWeight;
        }
    }

    /// <summary>
    /// What a page weighs: its <c>first</c> as given (a variable not given weighs the largest page), or the default.
    /// A page larger than the cap is refused here, before anything runs, naming the cap; null then.
    /// </summary>
    private long? PageSize(GraphQLField field)
    {
        var argument = field.Arguments?.Items.FirstOrDefault(item => item.Name.StringValue == "first");
        long? first = argument?.Value switch
        {
            GraphQLIntValue literal when long.TryParse(literal.Value.Span, out var parsed) => parsed,
            GraphQLVariable variable when variables is not null
                && variables.TryGetValue(variable.Name.StringValue, out var given) && given is not null => ToLong(given),
            GraphQLVariable => ListingLimits.MaxPageSize,
            _ => null,
        };
        if (first > ListingLimits.MaxPageSize)
        {
            Stop(ErrorCodes.QueryTooComplex, $"{field.Name.StringValue}(first: {first}) asks a larger page than the {ListingLimits.MaxPageSize} entities or relationships a page holds at most; ask {ListingLimits.MaxPageSize} or fewer and follow pageInfo.endCursor.");
            return null;
        }

        return Math.Max(first ?? ListingLimits.DefaultPageSize, 1);
    }

    /// <summary>A literal or variable integer argument, clamped to 1..1000 so a wrong value cannot hide the cost (the domain rejects it later).</summary>
    private long? IntArgument(GraphQLField field, string name)
    {
        var argument = field.Arguments?.Items.FirstOrDefault(item => item.Name.StringValue == name);
        long? value = argument?.Value switch
        {
            GraphQLIntValue literal when long.TryParse(literal.Value.Span, out var parsed) => parsed,
            GraphQLVariable variable when variables is not null
                && variables.TryGetValue(variable.Name.StringValue, out var given) && given is not null => ToLong(given),
            GraphQLVariable => 1000,
            _ => null,
        };
        return value is null ? null : Math.Clamp(value.Value, 1, 1000);
    }

    private static long? ToLong(object given) => given switch
    {
        int number => number,
        long number => number,
        double number when !double.IsNaN(number) => (long)Math.Clamp(number, -1e9, 1e9),
        decimal number => (long)Math.Clamp(number, -1_000_000_000m, 1_000_000_000m),
        System.Numerics.BigInteger => 1000,
        _ => null,
    };

    private IComplexGraphType? TypeNamed(string? name) =>
        name is not null && schema.AllTypes[name] is IComplexGraphType type ? type : null;

    private void Stop(string code, string message)
    {
        stopped = true;
        Problem ??= (code, message);
    }
}
