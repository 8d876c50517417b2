using GraphQL.Types;
using SupplyGraph.Api.GraphQL.Types;

namespace SupplyGraph.Api.GraphQL;

internal sealed class SupplyGraphSchema : Schema
{
    public SupplyGraphSchema(IServiceProvider services, QueryType query)
        : base(services)
    {
        Description = "SupplyGraph: the AI supply chain as a graph, from raw materials to deployment, with sources and export controls.";
        Query = query;

        // Reached only through the Entity interface, so named here.
        RegisterType(typeof(ActorType));
        RegisterType(typeof(ChipType));
        RegisterType(typeof(ModelType));
        RegisterType(typeof(RegulationType));
    }
}
