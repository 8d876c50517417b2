using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j.Mapping;

/// <summary>
/// Turns whatever a question's Cypher returns (nodes, relationships, paths, lists of them) into a
/// <see cref="GraphIndex"/>. Entities are ordered by id and relationships by key, as the embedded store orders
/// them, so the walks see neighbours in the same order and pick the same paths.
/// </summary>
internal static class Neighbourhood
{
    public static GraphIndex FromResult(CypherResult result, IReadOnlyList<Entity> alwaysIncluded)
    {
        var nodes = new Dictionary<string, CypherNode>(StringComparer.Ordinal);
        var relationships = new Dictionary<string, CypherRelationship>(StringComparer.Ordinal);
        foreach (var row in result.Rows)
        {
            foreach (var value in row.Values)
            {
                Collect(value, nodes, relationships);
            }
        }

        var entities = new Dictionary<string, Entity>(StringComparer.Ordinal);
        var idByElement = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (elementId, node) in nodes)
        {
            var entity = GraphProperties.ToEntity(node);
            entities[entity.Id] = entity;
            idByElement[elementId] = entity.Id;
        }

        foreach (var entity in alwaysIncluded)
        {
            entities.TryAdd(entity.Id, entity);
        }

        var records = new Dictionary<string, RelationshipRecord>(StringComparer.Ordinal);
        foreach (var relationship in relationships.Values)
        {
            if (idByElement.TryGetValue(relationship.StartNodeElementId, out var from) && idByElement.TryGetValue(relationship.EndNodeElementId, out var to))
            {
                var record = GraphProperties.ToRelationship(relationship, from, to);
                records[record.Key] = record;
            }
        }

        return GraphIndex.Build(
            [.. entities.Values.OrderBy(entity => entity.Id, StringComparer.Ordinal)],
            [.. records.Values.OrderBy(record => record.Key, StringComparer.Ordinal)]);
    }

    private static void Collect(object? value, Dictionary<string, CypherNode> nodes, Dictionary<string, CypherRelationship> relationships)
    {
        switch (value)
        {
            case CypherNode node:
                nodes.TryAdd(node.ElementId, node);
                break;
            case CypherRelationship relationship:
                relationships.TryAdd(relationship.ElementId, relationship);
                break;
            case CypherPath path:
                foreach (var node in path.Nodes)
                {
                    nodes.TryAdd(node.ElementId, node);
                }

                foreach (var relationship in path.Relationships)
                {
                    relationships.TryAdd(relationship.ElementId, relationship);
                }

                break;
            case System.Collections.IDictionary map:
                foreach (var item in map.Values)
                {
                    Collect(item, nodes, relationships);
                }

                break;
            case System.Collections.IEnumerable list and not string:
                foreach (var item in list)
                {
                    Collect(item, nodes, relationships);
                }

                break;
        }
    }
}
