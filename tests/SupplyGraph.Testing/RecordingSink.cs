using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Testing;

/// <summary>Keeps the rows a source or an export hands over, in order.</summary>
public sealed class RecordingSink : IDatasetSink
{
    public List<Entity> Entities { get; } = [];

    public List<RelationshipRecord> Relationships { get; } = [];

    /// <summary>False once an entity came after a relationship.</summary>
    public bool EntitiesFirst { get; private set; } = true;

    public void OnEntity(Entity entity)
    {
        EntitiesFirst &= Relationships.Count == 0;
        DocumentsLast &= Documents.Count == 0;
        Entities.Add(entity);
    }

    public List<DocumentTitle> Documents { get; } = [];

    /// <summary>False once a row came after a document title (titles come last).</summary>
    public bool DocumentsLast { get; private set; } = true;

    public void OnRelationship(RelationshipRecord relationship)
    {
        DocumentsLast &= Documents.Count == 0;
        Relationships.Add(relationship);
    }

    public void OnDocument(DocumentTitle document) => Documents.Add(document);
}
