using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using ModelEntity = SupplyGraph.Domain.Vocabulary.Model;

namespace SupplyGraph.Formats.Csv;

/// <summary>
/// Writes rows as CSV files for <c>neo4j-admin database import full</c>: one node file per kind and one relationship
/// file, with the properties the Neo4j store writes (helper properties for resolve, search and upserts included), so a
/// bulk-loaded database answers as one the store filled. <see cref="CsvDatasetSource"/> reads the files back.
/// </summary>
public sealed class CsvDatasetWriter : IDatasetSink, IDisposable
{
    /// <summary>neo4j-admin's default array delimiter, between the items of a list property.</summary>
    public const char ArrayDelimiter = ';';

    /// <summary>The label every node has besides its kind's, as the Neo4j store writes it.</summary>
    public const string EntityLabel = "Entity";

    public const string RelationshipsFileName = "relationships.csv";

    public const string CommandFileName = "neo4j-admin-import.txt";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
    };

    private static readonly string[] RelationshipHeader =
    [
        ":START_ID", ":END_ID", ":TYPE", .. CsvFields.RelationshipFields.Select(field => field.Header), "fingerprint",
    ];

    private readonly string directory;
    private readonly Dictionary<EntityKind, CsvWriter> nodeWriters = [];
    private readonly CsvWriter relationshipWriter;
    private bool finished;

    public CsvDatasetWriter(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        this.directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(this.directory);
        foreach (var kind in Enum.GetValues<EntityKind>())
        {
            var writer = CsvWriter.ToFile(Path.Combine(this.directory, NodeFileName(kind)), Options);
            writer.WriteHeader(NodeHeader(kind));
            nodeWriters[kind] = writer;
        }

        relationshipWriter = CsvWriter.ToFile(Path.Combine(this.directory, RelationshipsFileName), Options);
        relationshipWriter.WriteHeader(RelationshipHeader);
    }

    /// <summary>The node file of a kind: <c>actors.csv</c>, <c>chips.csv</c>, <c>models.csv</c>, <c>regulations.csv</c>.</summary>
    public static string NodeFileName(EntityKind kind) => $"{kind.ToString().ToLowerInvariant()}s.csv";

    /// <summary>The files written, node files first, once <see cref="Finish"/> has run.</summary>
    public IReadOnlyList<string> Files =>
        [.. Enum.GetValues<EntityKind>().Select(kind => Path.Combine(directory, NodeFileName(kind))), Path.Combine(directory, RelationshipsFileName)];

    /// <summary>The text file with the neo4j-admin command that bulk-loads the files.</summary>
    public string CommandFile => Path.Combine(directory, CommandFileName);

    public long Entities { get; private set; }

    public long Relationships { get; private set; }

    /// <exception cref="ArgumentException">
    /// When a list item (an alias, a tag, a foundry) or the name holds <c>;</c>: neo4j-admin splits lists on it and has
    /// no escape for it, so the value cannot be written.
    /// </exception>
    public void OnEntity(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ObjectDisposedException.ThrowIf(finished, this);
        var nameKeys = entity.Aliases.Prepend(entity.Name).Prepend(entity.Id).Select(GraphIndex.NameKey).Distinct().ToList();
        var writer = nodeWriters[entity.Kind];
        writer.WriteField(entity.Id);
        writer.WriteField($"{EntityLabel}{ArrayDelimiter}{entity.Kind}");
        writer.WriteField(entity.Kind.ToString());
        writer.WriteField(entity.Name);
        writer.WriteField(List(entity, CsvFields.Aliases.Name, entity.Aliases));
        writer.WriteField(string.Join(" ", entity.Aliases));
        writer.WriteField(List(entity, "nameKeys (id, name and aliases upper-cased) item", nameKeys));
        writer.WriteField(entity.Country);
        writer.WriteField(entity.Description);
        writer.WriteField(List(entity, CsvFields.Tags.Name, entity.Tags));
        switch (entity)
        {
            case Actor actor:
                writer.WriteField(WireNames.ToWire(actor.Category));
                writer.WriteField(actor.Website);
                break;
            case Chip chip:
                writer.WriteField(chip.Designer);
                writer.WriteField(List(entity, CsvFields.Foundries.Name, chip.Foundries));
                writer.WriteField(chip.Process);
                break;
            case ModelEntity model:
                writer.WriteField(model.Developer);
                writer.WriteField(Date(model.ReleaseDate));
                writer.WriteField(Number(model.Parameters));
                writer.WriteField(Number(model.ActiveParameters));
                break;
            case Regulation regulation:
                writer.WriteField(regulation.Issuer);
                writer.WriteField(regulation.Jurisdiction);
                writer.WriteField(Date(regulation.Announced));
                writer.WriteField(Date(regulation.Effective));
                writer.WriteField(Date(regulation.Rescinded));
                writer.WriteField(regulation.Citation);
                writer.WriteField(regulation.Summary);
                break;
        }

        writer.WriteField(DatasetJson.SourcesToJson(entity.Sources));
        writer.WriteField(Fingerprint(DatasetJson.EntityToJson(entity)));
        writer.EndRecord();
        Entities++;
    }

    public void OnRelationship(RelationshipRecord relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        ObjectDisposedException.ThrowIf(finished, this);
        var sources = DatasetJson.SourcesToJson(relationship.Sources);
        var writer = relationshipWriter;
        writer.WriteField(relationship.From);
        writer.WriteField(relationship.To);
        writer.WriteField(relationship.Type.Name());
        writer.WriteField(relationship.Key);
        writer.WriteField(Date(relationship.ValidFrom));
        writer.WriteField(Date(relationship.ValidTo));
        writer.WriteField(WireNames.ToWire(relationship.Status));
        writer.WriteField(relationship.Note);
        writer.WriteField(sources);

        // As the Neo4j store computes it, so that its upserts see a bulk-loaded relationship as unchanged.
        writer.WriteField(Fingerprint($"{relationship.Type.Name()}|{relationship.From}|{relationship.To}|{relationship.ValidFrom}|{relationship.ValidTo}|{relationship.Status}|{relationship.Note}|{sources}"));
        writer.EndRecord();
        Relationships++;
    }

    /// <summary>Closes the CSV files, writes <see cref="CommandFile"/>, and returns the CSV files written.</summary>
    public IReadOnlyList<string> Finish()
    {
        if (!finished)
        {
            Close();
            File.WriteAllText(CommandFile, Command(Files) + "\n");
        }

        return Files;
    }

    /// <summary>The neo4j-admin command that loads <paramref name="files"/> (node files, then relationship files) into a new database.</summary>
    public static string Command(IReadOnlyList<string> files, string database = "neo4j")
    {
        ArgumentNullException.ThrowIfNull(files);
        var arguments = files.Select(file => Path.GetFileName(file) == RelationshipsFileName ? $"--relationships={Quote(file)}" : $"--nodes={Quote(file)}");
        return $"neo4j-admin database import full {database} {string.Join(' ', arguments)} "
            + $"--delimiter=\",\" --array-delimiter=\"{ArrayDelimiter}\" --quote='\"' --multiline-fields=true --id-type=string";
    }

    public void Dispose() => Close();

    internal static string[] NodeHeader(EntityKind kind) =>
    [
        "id:ID", ":LABEL", "kind",
        CsvFields.Name.Header, CsvFields.Aliases.Header, "aliasText", "nameKeys:string[]",
        CsvFields.Country.Header, CsvFields.Description.Header, CsvFields.Tags.Header,
        .. CsvFields.KindFields(kind).Select(field => field.Header),
        CsvFields.Sources.Header, "fingerprint",
    ];

    private void Close()
    {
        if (finished)
        {
            return;
        }

        finished = true;
        foreach (var writer in nodeWriters.Values)
        {
            writer.Dispose();
        }

        relationshipWriter.Dispose();
    }

    // Lists are written with neo4j-admin's array delimiter, which has no escape: an item holding it cannot be written.
    private static string List(Entity entity, string field, IReadOnlyList<string> items)
    {
        foreach (var item in items)
        {
            if (item.Contains(ArrayDelimiter, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Entity \"{entity.Id}\": {field} \"{item}\" contains \"{ArrayDelimiter}\", which separates list items in neo4j-admin CSV and cannot be escaped; it cannot be exported as CSV.",
                    nameof(entity));
            }
        }

        return string.Join(ArrayDelimiter, items);
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(long? number) => number?.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string path) => $"\"{path}\"";

    private static string Fingerprint(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
