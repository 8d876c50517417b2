using System.Text;
using System.Text.Json;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Rules;

namespace SupplyGraph.Formats.Json;

/// <summary>
/// Reads and validates a dataset file (format "supplygraph-dataset", version 1; see datasets/README.md).
/// Either the whole file is valid, or a <see cref="DatasetValidationException"/> lists every error with its file,
/// line, column and JSON path. Files are streamed: see <see cref="ReadInto"/>.
/// </summary>
public static partial class DatasetReader
{
    public const string FormatName = "supplygraph-dataset";
    public const int FormatVersion = 1;

    /// <summary>
    /// Errors listed at most by one read; past it they are only counted, in one last error, so that a broken
    /// gigabyte file cannot fill memory with errors.
    /// </summary>
    internal const int ErrorLimit = 1000;

    public static Dataset Read(string path)
    {
        // Errors name the path as given, as the CLI's do.
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public static Dataset Read(Stream stream, string fileName) => Read(stream, fileName, DatasetReadOptions.Default);

    public static Dataset Read(byte[] utf8, string fileName)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        using var stream = new MemoryStream(utf8, writable: false);
        return Read(stream, fileName);
    }

    /// <summary>
    /// Reads the stream forward once, with memory bounded by the largest single entity or relationship (not the
    /// file), and hands each valid entity and relationship to <paramref name="sink"/> in file order as soon as it is
    /// checked. Members may come in any order (relationships before entities, "format" last): checks whose other
    /// side is not read yet wait for the end of the file. Rows of a file that turns out invalid may already have
    /// reached the sink, so write them where they can be rolled back.
    /// </summary>
    /// <returns>The header of a valid file, with the numbers of rows handed over.</returns>
    /// <exception cref="DatasetValidationException">
    /// With every error of the file, as <see cref="Read(Stream, string)"/> reports them; at most
    /// <see cref="ErrorLimit"/> are listed, then one more says how many were not.
    /// </exception>
    public static DatasetHeader ReadInto(Stream stream, string fileName, IDatasetSink sink, CancellationToken cancellationToken = default) =>
        ReadInto(stream, fileName, sink, DatasetReadOptions.Default, cancellationToken);

    /// <summary>Reads one entity written by <see cref="DatasetJson.WriteEntity"/> (a store's row, say).</summary>
    public static Entity ReadEntityJson(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new EntityJsonReader(origin).Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a sources array written by <see cref="DatasetJson.SourcesToJson"/>.</summary>
    public static IReadOnlyList<Source> ReadSourcesJson(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);

        // Read as the value of "sources" in an object, as the reader always did: the same checks and messages.
        var wrapped = Encoding.UTF8.GetBytes($"{{\"sources\":{json}}}");
        var rules = new ElementRules(directory: null, strings: null, sourceLists: null);
        rules.Errors.Reset(ErrorPhase.Entities);
        ReadWholeValue(wrapped, rules.Fields, ulong.MaxValue);
        var sources = rules.Sources(wrapped);
        return rules.Errors.Count == 0
            ? sources
            : throw new DatasetValidationException(LocateWhole(Encoding.UTF8.GetBytes(json), rules.Errors, origin));
    }

    internal static Dataset Read(Stream stream, string fileName, DatasetReadOptions options)
    {
        var rows = new CollectingSink();
        var header = ReadInto(stream, fileName, rows, options, CancellationToken.None);
        return new Dataset(header.Name, header.Description, rows.Entities, rows.Relationships) { Documents = rows.Documents };
    }

    internal static DatasetHeader ReadInto(Stream stream, string fileName, IDatasetSink sink, DatasetReadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(options);
        using var input = new DatasetInput(stream, options.InitialBufferSize, options.Statistics);
        return new DatasetStreamReader(input, fileName, sink, options, cancellationToken).Read();
    }

    // Strict JSON, as JsonDocument.Parse(string) was: no comments. Throws JsonException when it does not parse.
    internal static FieldValue ReadWholeValue(ReadOnlySpan<byte> utf8, ObjectFields fields, ulong alwaysAllowed)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        FieldValue value;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            var start = (int)reader.TokenStartIndex;
            fields.TryRead(ref reader, alwaysAllowed);
            value = new FieldValue(JsonTokenType.StartObject, start, (int)reader.BytesConsumed, false);
        }
        else
        {
            JsonText.TryValue(ref reader, out value);
        }

        while (reader.Read())
        {
            // Reading on to the end makes the reader reject anything after the value.
        }

        return value;
    }

    // Errors of a value read whole, located by path in the text the caller gave, as the reader always did.
    internal static List<DatasetError> LocateWhole(byte[] located, ElementErrors elementErrors, string origin)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in elementErrors.Errors)
        {
            JsonPositions.AddWithParents(wanted, "$" + error.RelativePath, "$");
        }

        var offsets = JsonPositions.Locate(located, "$", wanted);
        return
        [
            .. elementErrors.Errors.Select(error =>
            {
                var path = "$" + error.RelativePath;
                var position = JsonPositions.Nearest(path, offsets) is { } offset ? JsonPositions.LineAndColumn(located, offset) : ((int Line, int Column)?)null;
                return new DatasetError(origin, path, position?.Line, position?.Column, error.Message);
            }),
        ];
    }

    /// <summary>Keeps every row, for <see cref="Read(Stream, string)"/>.</summary>
    private sealed class CollectingSink : IDatasetSink
    {
        public List<Entity> Entities { get; } = [];

        public List<RelationshipRecord> Relationships { get; } = [];

        public void OnEntity(Entity entity) => Entities.Add(entity);

        public List<DocumentTitle> Documents { get; } = [];

        public void OnRelationship(RelationshipRecord relationship) => Relationships.Add(relationship);

        public void OnDocument(DocumentTitle document) => Documents.Add(document);
    }
}
