using GraphQL.Types;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Api.GraphQL.Types;

/// <summary>
/// The fields every entity has, declared once for the <c>Entity</c> interface and the types implementing it.
/// Their names are the entity's property names, so the default property resolver reads them.
/// </summary>
internal static class EntityFields
{
    public static void AddEntityFields<TEntity>(this ComplexGraphType<TEntity> type)
        where TEntity : Entity
    {
        type.Field<NonNullGraphType<IdGraphType>>(nameof(Entity.Id)).Description("Stable readable id, e.g. deepseek.");
        type.Field<NonNullGraphType<EntityKindType>>(nameof(Entity.Kind));
        type.Field<NonNullGraphType<StringGraphType>>(nameof(Entity.Name));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>(nameof(Entity.Aliases));
        type.Field<StringGraphType>(nameof(Entity.Country)).Description("ISO 3166-1 alpha-2.");
        type.Field<StringGraphType>(nameof(Entity.Description));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>(nameof(Entity.Tags));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceType>>>>(nameof(Entity.Sources));
    }
}
