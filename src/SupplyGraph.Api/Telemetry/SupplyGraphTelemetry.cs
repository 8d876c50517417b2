using System.Diagnostics;

namespace SupplyGraph.Api.Telemetry;

/// <summary>The names SupplyGraph's traces and metrics go by, and the source its spans start from.</summary>
public static class SupplyGraphTelemetry
{
    /// <summary>The ActivitySource and Meter name of the service: spans per GraphQL request, question and store call.</summary>
    public const string Name = "SupplyGraph";

    /// <summary>The Neo4j store's own source and meter (projection refreshes): the store cannot reference the API.</summary>
    public const string Neo4jStoreName = Store.Neo4j.Telemetry.Neo4jStoreTelemetry.Name;

    /// <summary>The imports' meter (rows, duration, rows/s), in the domain: the stores record every import, whoever asks for it.</summary>
    public const string ImportName = Domain.Importing.ImportTelemetry.MeterName;

    // Static, as ActivitySource is meant to be: StartActivity returns null, allocating nothing, while no one listens.
    internal static readonly ActivitySource Source = new(Name, typeof(SupplyGraphTelemetry).Assembly.GetName().Version?.ToString());

    internal const string RequestSpan = "graphql.request";
    internal const string QuestionSpan = "supplygraph.question";
    internal const string StoreCallSpan = "supplygraph.store.call";

    /// <summary>Attribute names, shared by spans and metrics so that a dashboard can join them.</summary>
    internal static class Tags
    {
        public const string OperationName = "graphql.operation.name";
        public const string OperationType = "graphql.operation.type";
        public const string StatusCode = "http.response.status_code";
        public const string ErrorType = "error.type";
        public const string Question = "supplygraph.question";
        public const string Entity = "supplygraph.entity";
        public const string To = "supplygraph.to";
        public const string AsOf = "supplygraph.as_of";
        public const string ExploredRelationships = "supplygraph.explored.relationships";
        public const string ExploredEntities = "supplygraph.explored.entities";
        public const string Partial = "supplygraph.partial";
        public const string Completeness = "supplygraph.answer";
        public const string Store = "supplygraph.store";
        public const string StoreCall = "supplygraph.store.call";
        public const string Lane = "supplygraph.gate.lane";
        public const string Refusal = "supplygraph.gate.refusal";
        public const string CacheResult = "supplygraph.document_cache.result";
        public const string IndexKind = "supplygraph.index.kind";
    }
}
