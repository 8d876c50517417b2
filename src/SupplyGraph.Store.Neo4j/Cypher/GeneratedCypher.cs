using System.Globalization;
using System.Text;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Store.Neo4j.Mapping;

namespace SupplyGraph.Store.Neo4j.Cypher;

/// <summary>
/// Writes the Cypher files that follow from the vocabulary and the seed dataset: the upserts (one statement per
/// label or relationship type, since Cypher takes neither from a parameter) and cypher/seed.cypher.
/// A test fails when the checked-in files differ from what this writes.
/// </summary>
public static class GeneratedCypher
{
    private static readonly System.Text.Json.JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    private const string Header = "// Generated from the vocabulary in src/SupplyGraph.Domain by GeneratedCypher; do not edit by hand.\n";

    public static string UpsertEntities()
    {
        var text = new StringBuilder(Header);
        text.Append("// Upserts entities by id, one statement per kind. $rows: [{id, kind, properties}].\n");
        text.Append("// Returns how many rows were added and how many changed; the rest were unchanged.\n");
        foreach (var kind in Enum.GetValues<EntityKind>())
        {
            var others = string.Concat(Enum.GetValues<EntityKind>().Where(other => other != kind).Select(other => $":{other}"));
            text.Append(CultureInfo.InvariantCulture, $$"""

                UNWIND $rows AS row
                WITH row WHERE row.kind = '{{kind}}'
                MERGE (entity:Entity {id: row.id})
                WITH entity, row, entity.fingerprint AS before
                REMOVE entity{{others}}
                SET entity = row.properties, entity:{{kind}}
                RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
                       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated;

                """);
        }

        return text.ToString();
    }

    public static string UpsertRelationships()
    {
        var text = new StringBuilder(Header);
        text.Append("// Upserts relationships by key, one statement per type. $rows: [{key, type, from, to, properties}].\n");
        text.Append("// Returns how many rows were added, how many changed, and how many were written at all: a row whose\n");
        text.Append("// ends are not in the graph is not written, and the service then fails the import.\n");
        foreach (var info in RelationshipTypes.All)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""

                UNWIND $rows AS row
                WITH row WHERE row.type = '{{info.Name}}'
                MATCH (source:Entity {id: row.from})
                MATCH (target:Entity {id: row.to})
                MERGE (source)-[relationship:{{info.Name}} {key: row.key}]->(target)
                WITH relationship, row, relationship.fingerprint AS before
                SET relationship = row.properties
                RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
                       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated,
                       count(*) AS written;

                """);
        }

        return text.ToString();
    }

    /// <summary>The statement of <paramref name="script"/> for each entity kind, in the order <see cref="UpsertEntities"/> writes them.</summary>
    public static IReadOnlyDictionary<string, string> EntityUpsertsByKind(CypherScript script) =>
        ByName(script, [.. Enum.GetValues<EntityKind>().Select(kind => kind.ToString())], "row.kind");

    /// <summary>The statement of <paramref name="script"/> for each relationship type, in the order <see cref="UpsertRelationships"/> writes them.</summary>
    public static IReadOnlyDictionary<string, string> RelationshipUpsertsByType(CypherScript script) =>
        ByName(script, [.. RelationshipTypes.All.Select(info => info.Name)], "row.type");

    private static Dictionary<string, string> ByName(CypherScript script, IReadOnlyList<string> names, string field)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (script.Statements.Count != names.Count)
        {
            throw new InvalidOperationException($"{script.Name}.cypher holds {script.Statements.Count} statements, not one per {field} ({names.Count}); regenerate it.");
        }

        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (!script.Statements[i].Contains($"{field} = '{names[i]}'", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Statement {i + 1} of {script.Name}.cypher is not the one for {field} = '{names[i]}'; regenerate it.");
            }

            byName[names[i]] = script.Statements[i];
        }

        return byName;
    }

    /// <summary>The seed dataset as idempotent MERGE statements an analyst can paste into Neo4j Browser.</summary>
    public static string Seed(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var text = new StringBuilder();
        text.Append("// The SupplyGraph seed dataset (datasets/seed.json) as idempotent MERGE statements.\n");
        text.Append("// Generated by GeneratedCypher.Seed; do not edit by hand: change datasets/seed.json and regenerate.\n");
        text.Append("// Run cypher/schema.cypher first, then this file (Neo4j Browser: enable the multi-statement editor).\n");
        foreach (var entity in dataset.Entities)
        {
            var row = GraphProperties.EntityRow(entity);
            var properties = (Dictionary<string, object?>)row["properties"]!;
            text.Append(CultureInfo.InvariantCulture, $"\nMERGE (entity:Entity {{id: {Literal(entity.Id)}}})\nSET entity = {Literal(properties)}, entity:{entity.Kind};\n");
        }

        foreach (var relationship in dataset.Relationships)
        {
            var row = GraphProperties.RelationshipRow(relationship);
            var properties = (Dictionary<string, object?>)row["properties"]!;
            text.Append('\n')
                .Append(CultureInfo.InvariantCulture, $"MATCH (source:Entity {{id: {Literal(relationship.From)}}})\nMATCH (target:Entity {{id: {Literal(relationship.To)}}})\n")
                .Append(CultureInfo.InvariantCulture, $"MERGE (source)-[relationship:{relationship.Type.Name()} {{key: {Literal(relationship.Key)}}}]->(target)\n")
                .Append(CultureInfo.InvariantCulture, $"SET relationship = {Literal(properties)};\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// What Cypher lint checks every .cypher file against (cypher/lint/dbschema.json): our labels, relationship
    /// types and property keys, and the parameters the files take, each with an example value.
    /// </summary>
    public static string LintSchema()
    {
        var schema = new
        {
            labels = Enum.GetValues<EntityKind>().Select(kind => kind.ToString()).Prepend("Entity").ToList(),
            relationshipTypes = RelationshipTypes.All.Select(info => info.Name).ToList(),
            propertyKeys = GraphProperties.PropertyKeys,
            parameters = CypherParameters.Examples,
        };
        return System.Text.Json.JsonSerializer.Serialize(schema, IndentedJson) + "\n";
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string text => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "'",
        long number => number.ToString(CultureInfo.InvariantCulture),
        DateOnly date => $"date('{date:yyyy-MM-dd}')",
        Dictionary<string, object?> map => "{" + string.Join(", ", map.Select(pair => $"{pair.Key}: {Literal(pair.Value)}")) + "}",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Literal)) + "]",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No Cypher literal for this value."),
    };
}
