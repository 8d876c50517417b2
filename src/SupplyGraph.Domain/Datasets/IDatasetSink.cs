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

    /// <summary>
    /// A document's title, after every row (a reader knows which documents its rows cite only at the end).
    /// Sinks that have nowhere to keep titles (CSV) ignore them.
    /// </summary>
    void OnDocument(DocumentTitle document)
    {
    }
}

/// <summary>Hands a dataset held in memory to a sink, in the export order sinks expect: entities, relationships, then document titles.</summary>
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

        foreach (var document in dataset.Documents)
        {
            sink.OnDocument(document);
        }
    }
}
