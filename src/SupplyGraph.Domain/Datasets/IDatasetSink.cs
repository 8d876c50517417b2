using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Datasets;

/// <summary>
/// Receives rows in file order as soon as each is validated (a dataset reader's <c>ReadInto</c>), or in export order from a store.
/// A file can still turn out invalid after some rows were handed over, so write them where they can be rolled back.
/// </summary>
public interface IDatasetSink
{
    void OnEntity(Entity entity);

    void OnRelationship(RelationshipRecord relationship);
}

/// <summary>Hands a dataset held in memory to a sink, in the export order sinks expect: entities, then relationships.</summary>
public static class DatasetSinkExtensions
{
    public static void WriteAll(this IDatasetSink sink, Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(dataset);
        foreach (var entity in dataset.Entities)
        {
            sink.OnEntity(entity);
        }

        foreach (var relationship in dataset.Relationships)
        {
            sink.OnRelationship(relationship);
        }
    }
}
