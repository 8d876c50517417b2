using System.Text;
using System.Text.Json;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Formats.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SupplyGraph.Formats.Tests.Yaml;

/// <summary>Test helpers: a dataset written as YAML by YamlDotNet's emitter, and reading YAML back.</summary>
internal static class YamlText
{
    /// <summary>The dataset's JSON (as DatasetJson writes it) written as block YAML; strings plain where YAML allows.</summary>
    public static string FromDataset(Dataset dataset)
    {
        using var json = new MemoryStream();
        DatasetJson.WriteDataset(json, dataset);
        using var document = JsonDocument.Parse(json.ToArray());
        var yaml = new StringWriter();
        var emitter = new Emitter(yaml);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, document.RootElement);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return yaml.ToString();
    }

    public static string ActorId(int number) => $"actor-{number}";

    /// <summary>A valid dataset of <paramref name="count"/> actors, written line by line (never held whole).</summary>
    public static void WriteActors(TextWriter yaml, int count, int descriptionLength)
    {
        yaml.Write("format: supplygraph-dataset\nversion: 1\nname: generated\nrelationships: []\nentities:\n");
        var description = string.Concat(Enumerable.Repeat("word ", descriptionLength / 5)).Trim();
        for (var i = 0; i < count; i++)
        {
            yaml.Write($"  - id: {ActorId(i)}\n    kind: Actor\n    name: Actor {i}\n    category: FOUNDRY\n    description: {description}\n");
            yaml.Write($"    sources:\n      - document: generated.txt\n        locator: 'row {i}'\n");
        }
    }

    public static async Task<Dataset> ReadAsync(string yaml, string fileName = "test.yaml")
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(yaml));
        return await ReadAsync(stream, fileName);
    }

    public static async Task<Dataset> ReadAsync(Stream stream, string fileName)
    {
        var rows = new Rows();
        var header = await new YamlDatasetSource(stream, fileName).ReadIntoAsync(rows, EntityLookup.None, CancellationToken.None);
        return new Dataset(header.Name, header.Description, rows.Entities, rows.Relationships) { Documents = rows.Documents };
    }

    public static async Task<DatasetValidationException> ErrorsOfAsync(byte[] yaml, string fileName = "test.yaml")
    {
        using var stream = new MemoryStream(yaml);
        try
        {
            await ReadAsync(stream, fileName);
        }
        catch (DatasetValidationException exception)
        {
            return exception;
        }

        throw new InvalidOperationException("The YAML was read without errors.");
    }

    public static Task<DatasetValidationException> ErrorsOfAsync(string yaml) => ErrorsOfAsync(Encoding.UTF8.GetBytes(yaml));

    public static string Json(Dataset dataset)
    {
        using var json = new MemoryStream();
        DatasetJson.WriteDataset(json, dataset);
        return Encoding.UTF8.GetString(json.ToArray());
    }

    /// <summary>Line and column (both from 1) where <paramref name="marker"/> first occurs in <paramref name="text"/>.</summary>
    public static (int Line, int Column) PositionOf(string text, string marker)
    {
        var offset = text.IndexOf(marker, StringComparison.Ordinal);
        if (offset < 0)
        {
            throw new ArgumentException($"{marker} is not in the text.", nameof(marker));
        }

        var lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        return (text[..offset].Count(c => c == '\n') + 1, offset - lineStart + 1);
    }

    private static void Emit(IEmitter emitter, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                emitter.Emit(new MappingStart());
                foreach (var member in element.EnumerateObject())
                {
                    emitter.Emit(new Scalar(member.Name));
                    Emit(emitter, member.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonValueKind.Array:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                foreach (var item in element.EnumerateArray())
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValueKind.String:
                var text = element.GetString()!;

                // Text that YAML would read as something else (a number, null) must be quoted; the rest may be plain.
                var plainIsText = YamlScalars.Resolve(text).Kind == YamlScalars.Kind.String;
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, plainIsText ? ScalarStyle.Any : ScalarStyle.DoubleQuoted, isPlainImplicit: plainIsText, isQuotedImplicit: true));
                break;
            default:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, element.GetRawText(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }

    private sealed class Rows : IDatasetSink
    {
        public List<Entity> Entities { get; } = [];

        public List<RelationshipRecord> Relationships { get; } = [];

        public void OnEntity(Entity entity) => Entities.Add(entity);

        public List<DocumentTitle> Documents { get; } = [];

        public void OnRelationship(RelationshipRecord relationship) => Relationships.Add(relationship);

        public void OnDocument(DocumentTitle document) => Documents.Add(document);
    }
}
