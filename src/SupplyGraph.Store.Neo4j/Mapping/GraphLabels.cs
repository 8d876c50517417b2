using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Store.Neo4j.Mapping;

/// <summary>
/// The node labels the store writes: <see cref="Entity"/> and each <see cref="EntityKind"/> on entities, and
/// <see cref="Document"/> on the titles of the documents sources cite. Cypher takes no label from a parameter, so
/// the .cypher files spell them out; Cypher lint checks those files against this list.
/// </summary>
internal static class GraphLabels
{
    public const string Entity = "Entity";

    public const string Document = "Document";

    /// <summary>Every label, in the order the lint schema lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Entity, .. Enum.GetValues<EntityKind>().Select(kind => kind.ToString()), Document];
}
