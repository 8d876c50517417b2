using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Neo4j.QueryApi;
using ModelEntity = SupplyGraph.Domain.Vocabulary.Model;

namespace SupplyGraph.Store.Neo4j.Mapping;

/// <summary>
/// How entities and relationships are kept in Neo4j: every node has the label Entity and its kind's label;
/// properties keep the dataset field names; sources are a JSON string (Neo4j has no list-of-maps property);
/// <c>nameKeys</c> (upper-cased id, name and aliases) and, on regulations, <c>citationKeys</c> (the upper-cased
/// citation and the Federal Register citations in it, <see cref="ReferenceKeys"/>) serve resolution and search;
/// <c>fingerprint</c> lets an upsert tell unchanged rows from updated ones.
/// </summary>
internal static class GraphProperties
{
    /// <summary>Every property key the store writes; Cypher lint checks the .cypher files against these.</summary>
    public static IReadOnlyList<string> PropertyKeys { get; } =
    [
        "id", "kind", "name", "aliases", "aliasText", "nameKeys", "citationKeys", "country", "description", "tags", "sources", "fingerprint",
        "category", "website", "designer", "foundries", "process",
        "developer", "releaseDate", "parameters", "activeParameters",
        "issuer", "jurisdiction", "announced", "effective", "rescinded", "citation", "summary",
        "key", "validFrom", "validTo", "status", "note",
    ];

    private static readonly HashSet<string> DatasetFieldKeys = [.. PropertyKeys];

    public static Dictionary<string, object?> EntityRow(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var properties = new Dictionary<string, object?>
        {
            ["id"] = entity.Id,
            ["kind"] = entity.Kind.ToString(),
            ["name"] = entity.Name,
            ["aliases"] = entity.Aliases.ToList(),
            ["aliasText"] = string.Join(" ", entity.Aliases),
            ["nameKeys"] = entity.Aliases.Prepend(entity.Name).Prepend(entity.Id).Select(GraphIndex.NameKey).Distinct().ToList(),
            ["country"] = entity.Country,
            ["description"] = entity.Description,
            ["tags"] = entity.Tags.ToList(),
            ["sources"] = DatasetJson.SourcesToJson(entity.Sources),
            ["fingerprint"] = Fingerprint(DatasetJson.EntityToJson(entity)),
        };
        switch (entity)
        {
            case Actor actor:
                properties["category"] = WireNames.ToWire(actor.Category);
                properties["website"] = actor.Website;
                break;
            case Chip chip:
                properties["designer"] = chip.Designer;
                properties["foundries"] = chip.Foundries.ToList();
                properties["process"] = chip.Process;
                break;
            case ModelEntity model:
                properties["developer"] = model.Developer;
                properties["releaseDate"] = model.ReleaseDate;
                properties["parameters"] = model.Parameters;
                properties["activeParameters"] = model.ActiveParameters;
                break;
            case Regulation regulation:
                properties["issuer"] = regulation.Issuer;
                properties["jurisdiction"] = regulation.Jurisdiction;
                properties["announced"] = regulation.Announced;
                properties["effective"] = regulation.Effective;
                properties["rescinded"] = regulation.Rescinded;
                properties["citation"] = regulation.Citation;
                properties["citationKeys"] = ReferenceKeys.CitationKeys(regulation).ToList();
                properties["summary"] = regulation.Summary;
                break;
        }

        // Neo4j keeps no null properties; leaving them out keeps "SET entity = row.properties" exact.
        var written = properties.Where(pair => pair.Value is not null).ToDictionary();
        return new Dictionary<string, object?> { ["id"] = entity.Id, ["kind"] = entity.Kind.ToString(), ["properties"] = written };
    }

    public static Dictionary<string, object?> RelationshipRow(RelationshipRecord relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        var sources = DatasetJson.SourcesToJson(relationship.Sources);
        var properties = new Dictionary<string, object?>
        {
            ["key"] = relationship.Key,
            ["validFrom"] = relationship.ValidFrom,
            ["validTo"] = relationship.ValidTo,
            ["status"] = WireNames.ToWire(relationship.Status),
            ["note"] = relationship.Note,
            ["sources"] = sources,
            ["fingerprint"] = Fingerprint($"{relationship.Type.Name()}|{relationship.From}|{relationship.To}|{relationship.ValidFrom}|{relationship.ValidTo}|{relationship.Status}|{relationship.Note}|{sources}"),
        };
        return new Dictionary<string, object?>
        {
            ["key"] = relationship.Key,
            ["type"] = relationship.Type.Name(),
            ["from"] = relationship.From,
            ["to"] = relationship.To,
            ["properties"] = properties.Where(pair => pair.Value is not null).ToDictionary(),
        };
    }

    public static Entity ToEntity(CypherNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var properties = node.Properties;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in properties)
            {
                // Our own helper keys, and anything someone added by hand in Neo4j Browser, are not dataset fields.
                if (key is "aliasText" or "nameKeys" or "citationKeys" or "fingerprint" || !DatasetFieldKeys.Contains(key))
                {
                    continue;
                }

                writer.WritePropertyName(key);
                if (key == "sources" && value is string sourcesJson)
                {
                    writer.WriteRawValue(sourcesJson);
                    continue;
                }

                WriteValue(writer, value);
            }

            writer.WriteEndObject();
        }

        return DatasetReader.ReadEntityJson(Encoding.UTF8.GetString(buffer.ToArray()), $"neo4j node {node.ElementId}");
    }

    public static RelationshipRecord ToRelationship(CypherRelationship relationship, string fromId, string toId)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        var properties = relationship.Properties;
        if (!RelationshipTypes.TryParse(relationship.Type, out var type))
        {
            throw new InvalidOperationException($"Neo4j relationship {relationship.ElementId} has type {relationship.Type}, which SupplyGraph does not know.");
        }

        var statusText = properties.GetValueOrDefault("status") as string;
        if (!WireNames.TryParse<RelationshipStatus>(statusText, out var status))
        {
            throw new InvalidOperationException($"Neo4j relationship {relationship.ElementId} has status \"{statusText}\", which SupplyGraph does not know.");
        }

        return new RelationshipRecord
        {
            Key = properties.GetValueOrDefault("key") as string ?? RelationshipRecord.DefaultKey(fromId, type, toId),
            Type = type,
            From = fromId,
            To = toId,
            ValidFrom = properties.GetValueOrDefault("validFrom") as DateOnly?,
            ValidTo = properties.GetValueOrDefault("validTo") as DateOnly?,
            Status = status,
            Note = properties.GetValueOrDefault("note") as string,
            Sources = DatasetReader.ReadSourcesJson(properties.GetValueOrDefault("sources") as string ?? "[]", $"neo4j relationship {relationship.ElementId}"),
        };
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double real:
                writer.WriteNumberValue(real);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case System.Collections.IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string Fingerprint(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
