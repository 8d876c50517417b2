using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Interchange.Tests.Csv;

/// <summary>Keeps the rows a source or an export hands over.</summary>
internal sealed class RowsSink : IDatasetSink
{
    public List<Entity> Entities { get; } = [];

    public List<RelationshipRecord> Relationships { get; } = [];

    public void OnEntity(Entity entity) => Entities.Add(entity);

    public void OnRelationship(RelationshipRecord relationship) => Relationships.Add(relationship);
}
