using System.Text.Json;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Rules;

namespace SupplyGraph.Formats.Json;

/// <summary>
/// Writes a dataset file (the JSON format of datasets/README.md) as rows arrive, so an export of any size is never
/// held whole. Entities must all come before the first relationship, as stores export them. Document titles (few)
/// are kept until <see cref="Finish"/>, which writes them last as the <c>documents</c> list.
/// </summary>
public sealed class DatasetJsonWriter : IDatasetSink, IDisposable
{
    private readonly Utf8JsonWriter writer;
    private readonly List<DocumentTitle> documents = [];
    private bool inRelationships;
    private bool finished;

    public DatasetJsonWriter(Stream stream, string name, string? description = null, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        writer = new Utf8JsonWriter(stream, DatasetJson.CompactOptions with { Indented = indented });
        writer.WriteStartObject();
        writer.WriteString(FieldNames.Json(FieldId.Format), DatasetReader.FormatName);
        writer.WriteNumber(FieldNames.Json(FieldId.Version), DatasetReader.FormatVersion);
        writer.WriteString(FieldNames.Json(FieldId.Name), name);
        if (description is not null)
        {
            writer.WriteString(FieldNames.Json(FieldId.Description), description);
        }

        writer.WriteStartArray(FieldNames.Json(FieldId.Entities));
    }

    public long Entities { get; private set; }

    public long Relationships { get; private set; }

    public void OnEntity(Entity entity)
    {
        if (inRelationships)
        {
            throw new InvalidOperationException($"Entity {entity?.Id} came after the first relationship; a dataset file lists entities first.");
        }

        DatasetJson.WriteEntity(writer, entity!);
        Entities++;
        FlushNowAndThen();
    }

    public void OnRelationship(RelationshipRecord relationship)
    {
        if (!inRelationships)
        {
            writer.WriteEndArray();
            writer.WriteStartArray(FieldNames.Json(FieldId.Relationships));
            inRelationships = true;
        }

        DatasetJson.WriteRelationship(writer, relationship);
        Relationships++;
        FlushNowAndThen();
    }

    public void OnDocument(DocumentTitle document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (finished)
        {
            throw new InvalidOperationException($"The title of {document.Document} came after the file was finished.");
        }

        documents.Add(document);
    }

    /// <summary>Closes the arrays, writes the document titles if any, and closes the object; call once every row is written.</summary>
    public void Finish()
    {
        if (finished)
        {
            return;
        }

        if (!inRelationships)
        {
            writer.WriteEndArray();
            writer.WriteStartArray(FieldNames.Json(FieldId.Relationships));
            inRelationships = true;
        }

        writer.WriteEndArray();
        if (documents.Count > 0)
        {
            writer.WriteStartArray(FieldNames.Json(FieldId.Documents));
            foreach (var document in documents)
            {
                DatasetJson.WriteDocument(writer, document);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.Flush();
        finished = true;
    }

    public void Dispose() => writer.Dispose();

    // Utf8JsonWriter buffers until flushed; flushing every few rows keeps that buffer small.
    private void FlushNowAndThen()
    {
        if (writer.BytesPending > 64 * 1024)
        {
            writer.Flush();
        }
    }
}
