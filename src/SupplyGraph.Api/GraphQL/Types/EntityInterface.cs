using GraphQL.Types;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Api.GraphQL.Types;

internal sealed class EntityInterface : InterfaceGraphType<Entity>
{
    public EntityInterface()
    {
        Name = "Entity";
        Description = "A node of the supply-chain graph: an actor, a chip, a model or a regulation.";
        this.AddEntityFields();
        this.AddRelationshipsField();
    }
}
