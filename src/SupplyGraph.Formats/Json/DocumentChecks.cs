using System.Text;
using System.Text.Json;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Rules;

namespace SupplyGraph.Formats.Json;

/// <summary>
/// The optional <c>documents</c> list: each entry is checked as it is read (fields, blank title, a document titled
/// twice) and kept (a few per file); at the end of the file, the entries whose document a source of the file cites are
/// handed to the sink, and the others are reported as skipped: a title no fact of the file uses is not kept.
/// </summary>
internal sealed class DocumentChecks(DatasetErrorList errors)
{
    private readonly List<Entry> entries = [];
    private readonly Dictionary<string, int> firstIndex = new(StringComparer.Ordinal);
    private readonly HashSet<string> cited = new(StringComparer.Ordinal);
    private IReadOnlyList<Source>? lastSources;
    private int count;

    /// <summary>Wraps the reader's sink so the documents its rows cite are noted on the way.</summary>
    public IDatasetSink Noting(IDatasetSink sink) => new CitationSink(sink, this);

    /// <summary>One element of the array, read whole: <paramref name="element"/> is its bytes.</summary>
    public void OnElement(ReadOnlySpan<byte> element, bool isObject, string describedValue, Func<int, (int Line, int Column)> positionOf)
    {
        var index = count++;
        var path = $"$.documents[{index}]";
        if (!isObject)
        {
            Add(path, positionOf(0), $"a document is an object {{\"document\", \"title\"}}, not {describedValue}");
            return;
        }

        var fields = new Dictionary<FieldId, (JsonTokenType Type, string? Text, string Described, int Offset)>();
        var reader = new Utf8JsonReader(element, JsonText.FileOptions);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var offset = (int)reader.TokenStartIndex;
            var type = reader.TokenType;
            var text = type == JsonTokenType.String ? reader.GetString() : null;
            var described = Describe(type, reader.ValueSpan);
            if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            var id = FieldNames.Identify(Encoding.UTF8.GetBytes(name));
            if (Array.IndexOf(FieldSets.DocumentTitle, name) < 0)
            {
                var hint = FieldSets.Closest(name, FieldSets.DocumentTitle) is { } suggestion ? $"; did you mean \"{suggestion}\"?" : string.Empty;
                Add($"{path}.{name}", positionOf(offset), $"unknown field \"{name}\"{hint}");
                continue;
            }

            fields[id] = (type, text, described, offset);
        }

        var document = Text(FieldId.Document, required: true);
        var title = Text(FieldId.Title, required: true);
        var url = Text(FieldId.Url, required: false);
        if (document is null || title is null)
        {
            return;
        }

        if (firstIndex.TryGetValue(document, out var first))
        {
            Add(path + FieldNames.PathSuffix(FieldId.Document), positionOf(fields[FieldId.Document].Offset), $"duplicate document \"{document}\" (first titled at $.documents[{first}])");
            return;
        }

        firstIndex[document] = index;
        entries.Add(new Entry(new DocumentTitle(document, title, url), index, positionOf(0).Line));

        string? Text(FieldId id, bool required)
        {
            var fieldPath = path + FieldNames.PathSuffix(id);
            if (!fields.TryGetValue(id, out var field) || field.Type == JsonTokenType.Null)
            {
                if (required)
                {
                    Add(fieldPath, positionOf(0), "required field is missing");
                }

                return null;
            }

            if (field.Type != JsonTokenType.String)
            {
                Add(fieldPath, positionOf(field.Offset), $"expected a string, found {field.Described}");
                return null;
            }

            if (string.IsNullOrWhiteSpace(field.Text))
            {
                Add(fieldPath, positionOf(field.Offset), "must not be empty");
                return null;
            }

            return field.Text;
        }
    }

    /// <summary>Hands the cited entries to the sink, in file order; returns the uncited ones as skipped items.</summary>
    public IReadOnlyList<SkippedItem> Deliver(IDatasetSink sink, string fileName)
    {
        var skipped = new List<SkippedItem>();
        foreach (var entry in entries)
        {
            if (cited.Contains(entry.Title.Document))
            {
                sink.OnDocument(entry.Title);
            }
            else
            {
                skipped.Add(new SkippedItem(
                    fileName,
                    entry.Line,
                    $"$.documents[{entry.Index}] \"{entry.Title.Document}\"",
                    "no source in this dataset cites this document, so its title is not kept"));
            }
        }

        return skipped;
    }

    private void Add(string path, (int Line, int Column) position, string message) =>
        errors.Add(ErrorPhase.Documents, count - 1, 0, path, position, message);

    // As JsonText.Describe words a value, for the messages to read alike.
    private static string Describe(JsonTokenType type, ReadOnlySpan<byte> raw) => type switch
    {
        JsonTokenType.Number => $"the number {Encoding.UTF8.GetString(raw)}",
        JsonTokenType.True or JsonTokenType.False => $"the boolean {Encoding.UTF8.GetString(raw)}",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        _ => "a string",
    };

    private void Note(IReadOnlyList<Source> sources)
    {
        // Rows share source lists (the reader pools them): a list just seen cites nothing new.
        if (ReferenceEquals(sources, lastSources))
        {
            return;
        }

        lastSources = sources;
        foreach (var source in sources)
        {
            cited.Add(source.Document);
        }
    }

    private sealed record Entry(DocumentTitle Title, int Index, int Line);

    private sealed class CitationSink(IDatasetSink inner, DocumentChecks checks) : IDatasetSink
    {
        public void OnEntity(Entity entity)
        {
            checks.Note(entity.Sources);
            inner.OnEntity(entity);
        }

        public void OnRelationship(RelationshipRecord relationship)
        {
            checks.Note(relationship.Sources);
            inner.OnRelationship(relationship);
        }

        public void OnDocument(DocumentTitle document) => inner.OnDocument(document);
    }
}
