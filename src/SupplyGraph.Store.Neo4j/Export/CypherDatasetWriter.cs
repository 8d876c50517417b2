using System.Text;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Cypher;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.Mapping;

namespace SupplyGraph.Store.Neo4j.Export;

/// <summary>
/// Writes rows as a Cypher script that loads them into Neo4j as the Neo4j store keeps them (the same labels and
/// properties, <c>aliasText</c>, <c>nameKeys</c>, <c>citationKeys</c> and <c>fingerprint</c> included), one idempotent statement per row:
/// entities MERGE by id, relationships MERGE on their two ends and their key, document titles MERGE by document
/// (a <c>Document</c> node each), and SET replaces every property.
/// Running the script twice changes nothing. Rows are written as they arrive, so an export of any size is never held
/// whole. Entities must all come before the first relationship, as stores export them: a relationship MATCHes its
/// ends, and an end merged only later in the script would make it match nothing.
/// </summary>
public sealed class CypherDatasetWriter : IDatasetSink, IDisposable
{
    private readonly TextWriter writer;
    private readonly StringBuilder statement = new();
    private bool inRelationships;

    /// <summary>A standalone script: a header saying how to run it, the schema the store applies, then the rows.</summary>
    /// <param name="title">One line saying what the script holds, written as its first comment.</param>
    public CypherDatasetWriter(TextWriter writer, string title)
        : this(writer, ExportHeader(title), CypherScripts.Schema.Statements)
    {
    }

    /// <summary>The header comment lines are written as given; <paramref name="schemaStatements"/> may be empty.</summary>
    internal CypherDatasetWriter(TextWriter writer, IReadOnlyList<string> headerLines, IReadOnlyList<string> schemaStatements)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(headerLines);
        ArgumentNullException.ThrowIfNull(schemaStatements);
        this.writer = writer;
        foreach (var line in headerLines)
        {
            writer.Write("// ");
            writer.Write(line);
            writer.Write('\n');
        }

        if (schemaStatements.Count > 0)
        {
            writer.Write("\n// The schema (cypher/schema.cypher), as the service applies it at start: constraints and indexes, each IF NOT EXISTS.\n");
            foreach (var schemaStatement in schemaStatements)
            {
                writer.Write(WithoutCommentLines(schemaStatement));
                writer.Write(";\n");
            }
        }
    }

    public long Entities { get; private set; }

    public long Relationships { get; private set; }

    public long Documents { get; private set; }

    public void OnEntity(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (inRelationships)
        {
            throw new InvalidOperationException($"Entity {entity.Id} came after the first relationship; a Cypher export lists entities first, so that every relationship's MATCH finds its ends.");
        }

        var properties = (Dictionary<string, object?>)GraphProperties.EntityRow(entity)["properties"]!;
        statement.Clear()
            .Append("\nMERGE (entity:Entity {id: ");
        CypherLiteral.AppendString(statement, entity.Id);
        statement.Append("})\nSET entity = ");
        CypherLiteral.Append(statement, properties);
        statement.Append(", entity:").Append(entity.Kind.ToString()).Append(";\n");
        Write();
        Entities++;
    }

    public void OnRelationship(RelationshipRecord relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        inRelationships = true;
        var properties = (Dictionary<string, object?>)GraphProperties.RelationshipRow(relationship)["properties"]!;
        statement.Clear().Append("\nMATCH (source:Entity {id: ");
        CypherLiteral.AppendString(statement, relationship.From);
        statement.Append("})\nMATCH (target:Entity {id: ");
        CypherLiteral.AppendString(statement, relationship.To);
        statement.Append("})\nMERGE (source)-[relationship:").Append(relationship.Type.Name()).Append(" {key: ");
        CypherLiteral.AppendString(statement, relationship.Key);
        statement.Append("}]->(target)\nSET relationship = ");
        CypherLiteral.Append(statement, properties);
        statement.Append(";\n");
        Write();
        Relationships++;
    }

    /// <summary>A document's title, as the store keeps it: one node per document, so a later title replaces an earlier one.</summary>
    public void OnDocument(DocumentTitle document)
    {
        ArgumentNullException.ThrowIfNull(document);
        statement.Clear().Append("\nMERGE (document:").Append(GraphLabels.Document).Append(" {").Append(DocumentProperties.DocumentKey).Append(": ");
        CypherLiteral.AppendString(statement, document.Document);
        statement.Append("})\nSET document = ");
        CypherLiteral.Append(statement, DocumentProperties.Properties(document));
        statement.Append(";\n");
        Write();
        Documents++;
    }

    /// <summary>Flushes what was written to the underlying writer; call once every row is written.</summary>
    public void Finish() => writer.Flush();

    /// <summary>Flushes; the caller's writer stays open.</summary>
    public void Dispose() => writer.Flush();

    private static string[] ExportHeader(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (title.AsSpan().ContainsAny('\r', '\n'))
        {
            throw new ArgumentException("The title is one comment line; it must not contain line breaks.", nameof(title));
        }

        return
        [
            title,
            "Generated by SupplyGraph (CypherDatasetWriter): the schema, then one idempotent MERGE statement per entity, per",
            "relationship and per document title, with the labels and properties the SupplyGraph Neo4j store writes.",
            "Running it again changes nothing.",
            "Run it with: cypher-shell -a neo4j://localhost:7687 -u neo4j -p <password> -f <this file>",
            "or paste it into Neo4j Browser with the multi-statement query editor enabled.",
        ];
    }

    private static string WithoutCommentLines(string schemaStatement) =>
        string.Join('\n', schemaStatement.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))).Trim();

    private void Write()
    {
        // One chunk per statement: the TextWriter buffers and flushes as it fills, so memory stays one statement.
        foreach (var chunk in statement.GetChunks())
        {
            writer.Write(chunk.Span);
        }
    }
}
