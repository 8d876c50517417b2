using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using SupplyGraph.Api.Dashboard;
using SupplyGraph.Api.GraphQL.Execution;
using SupplyGraph.Api.GraphQL;
using SupplyGraph.Api.GraphQL.Errors;
using SupplyGraph.Api.Http;
using SupplyGraph.Api.Telemetry;

namespace SupplyGraph.Api.Hosting;

internal static class SupplyGraphGraphQLExtensions
{
    /// <summary>The code-first schema, System.Text.Json serialization, the error mapping and the HTTP endpoint.</summary>
    public static IServiceCollection AddSupplyGraphGraphQL(this IServiceCollection services)
    {
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<SupplyGraphSchema>()
            .AddGraphTypes(typeof(SupplyGraphSchema).Assembly)
            .AddSystemTextJson(ResponseJsonWriter.ConfigureJson)
            .AddErrorInfoProvider<SupplyGraphErrorInfoProvider>()
            .AddExecutionStrategy(new BudgetedExecutionStrategy(), OperationType.Query)
            .AddUnhandledExceptionHandler(ResolverExceptionLogging.Handle)
            .UseMiddleware<QuestionTelemetryMiddleware>());
        services.AddSingleton(provider => new ResponseJsonWriter(provider.GetRequiredService<IErrorInfoProvider>()));
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddMetrics();
        services.AddSingleton<SupplyGraphMetrics>();
        services.AddSingleton(_ => DashboardAssets.Load());
        services.AddSingleton(provider => new ExpensiveRequestGate(provider.GetRequiredService<IOptions<SupplyGraphOptions>>().Value.Limits));
        return services;
    }
}
