using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Datasets;

/// <summary>
/// Receives rows in file order as soon as each is validated (see <see cref="DatasetReader.ReadInto"/>).
/// A file can still turn out invalid after some rows were handed over, so write them where they can be rolled back.
/// </summary>
public interface IDatasetSink
{
    void OnEntity(Entity entity);

    void OnRelationship(RelationshipRecord relationship);
}
