using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Formats.Rules;

namespace SupplyGraph.Formats.Json;

/// <summary>
/// Reads a dataset stream forward once (see <see cref="DatasetReader.ReadInto"/>). A <see cref="Utf8JsonReader"/>
/// walks the window of <see cref="DatasetInput"/>; each array element is read whole (when the window ends inside one,
/// the reader goes back to its start and reads it again with more data), checked, and handed to the sink.
/// The checks are <see cref="HeaderChecks"/> and <see cref="RowChecks"/>.
/// </summary>
internal sealed class DatasetStreamReader
{
    private const int CancellationInterval = 1024;

    private readonly DatasetInput input;
    private readonly string fileName;
    private readonly CancellationToken cancellationToken;
    private readonly DatasetErrorList errors;
    private readonly HeaderChecks header;
    private readonly RowChecks rows;
    private readonly DocumentChecks documents;
    private readonly IDatasetSink sink;

    private Stage stage = Stage.Root;
    private Stage afterSkip;
    private int skipDepth;
    private JsonReaderState state = new(JsonText.FileOptions);
    private int consumed;
    private (int Line, int Column) rootPosition = (1, 1);
    private string? rootError;
    private int memberOrdinal;
    private bool entitiesSeen;
    private bool relationshipsSeen;
    private bool documentsSeen;
    private long elementsRead;

    public DatasetStreamReader(DatasetInput input, string fileName, IDatasetSink sink, DatasetReadOptions options, CancellationToken cancellationToken)
    {
        this.input = input;
        this.fileName = fileName;
        this.cancellationToken = cancellationToken;
        errors = new DatasetErrorList(fileName, options.ErrorLimit);
        header = new HeaderChecks(errors);
        documents = new DocumentChecks(errors);
        this.sink = sink;
        rows = new RowChecks(input, documents.Noting(sink), errors);
    }

    private enum Stage
    {
        Root,
        Members,
        Entities,
        Relationships,
        Documents,
        Skipping,
        AfterRoot,
    }

    public DatasetHeader Read()
    {
        if (ReadAll() is { } fatal)
        {
            throw new DatasetValidationException([fatal]);
        }

        header.Check(rootPosition, entitiesSeen, relationshipsSeen);
        rows.CheckDeferred();
        if (errors.Any)
        {
            throw new DatasetValidationException(errors.ToList());
        }

        var skipped = documents.Deliver(sink, fileName);
        return new DatasetHeader(header.Name(fileName), header.Description, rows.EntitiesDelivered, rows.RelationshipsDelivered) { Skipped = skipped };
    }

    // Parses the whole stream. Returns the error that replaces all others (not UTF-8, empty, not JSON, not an object).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private DatasetError? ReadAll()
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!input.IsComplete && !input.Fill())
            {
                return NotUtf8();
            }

            if (input.IsComplete && !input.HasContent)
            {
                // Located where the object should begin, so the error reads file:line:column like every other.
                return new DatasetError(fileName, "$", 1, 1, "the file is empty (or holds only whitespace); a dataset is a JSON object with \"format\", \"version\", \"entities\" and \"relationships\"");
            }

            bool finished;
            try
            {
                var window = input.Window;
                var reader = new Utf8JsonReader(window, input.IsComplete, state);
                consumed = 0;
                finished = Advance(ref reader, window);
            }
            catch (JsonException exception)
            {
                // UTF-8 was checked before parsing: a bad byte further on is the error to report, not the syntax.
                return input.CheckRest() ? NotJson(exception) : NotUtf8();
            }

            input.Consume(consumed);
            if (finished)
            {
                return rootError is null ? null : new DatasetError(fileName, "$", rootPosition.Line, rootPosition.Column, rootError);
            }

            if (input.IsComplete)
            {
                throw new InvalidOperationException("The JSON reader stopped before the end of the data.");
            }
        }
    }

    // Reads as far as the window allows. True when the document is complete.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Advance(ref Utf8JsonReader reader, ReadOnlySpan<byte> window)
    {
        while (true)
        {
            bool progressed;
            switch (stage)
            {
                case Stage.Root:
                    progressed = ReadRoot(ref reader, window);
                    break;
                case Stage.Members:
                    progressed = ReadMember(ref reader, window);
                    break;
                case Stage.Entities or Stage.Relationships:
                    progressed = ReadElement(ref reader, window);
                    break;
                case Stage.Documents:
                    progressed = ReadDocument(ref reader, window);
                    break;
                case Stage.Skipping:
                    progressed = SkipToken(ref reader);
                    break;
                default:
                    // After the root value only whitespace and comments may follow; the reader throws on anything else.
                    return !reader.Read() && reader.IsFinalBlock;
            }

            if (!progressed)
            {
                return false;
            }

            consumed = (int)reader.BytesConsumed;
            state = reader.CurrentState;
        }
    }

    private bool ReadRoot(ref Utf8JsonReader reader, ReadOnlySpan<byte> window)
    {
        if (!reader.Read())
        {
            return false;
        }

        rootPosition = PositionOf(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                stage = Stage.Members;
                break;
            case JsonTokenType.StartArray:
                rootError = "a dataset is a JSON object, not an array";
                Skip(reader.CurrentDepth, Stage.AfterRoot);
                break;
            default:
                JsonText.TryValue(ref reader, out var value);
                rootError = $"a dataset is a JSON object, not {JsonText.Describe(window, value)}";
                stage = Stage.AfterRoot;
                break;
        }

        return true;
    }

    // One member of the root object: its name and the start of its value (objects and arrays are then skipped or read).
    private bool ReadMember(ref Utf8JsonReader reader, ReadOnlySpan<byte> window)
    {
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.EndObject)
        {
            stage = Stage.AfterRoot;
            return true;
        }

        var memberName = reader.GetString()!;
        if (!reader.Read())
        {
            return false;
        }

        var isContainer = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
        var start = (int)reader.TokenStartIndex;
        FieldValue value;
        if (isContainer)
        {
            value = new FieldValue(reader.TokenType, start, start, false);
        }
        else
        {
            JsonText.TryValue(ref reader, out value);
        }

        var position = PositionOf(start);
        var ordinal = memberOrdinal++;
        var id = FieldNames.Identify(Encoding.UTF8.GetBytes(memberName));
        if (id is FieldId.Entities or FieldId.Relationships)
        {
            ArrayMember(id, window, value, position, ordinal);
        }
        else if (id == FieldId.Documents)
        {
            DocumentsMember(window, value, position, ordinal);
        }
        else
        {
            header.Record(id, memberName, window, value, position, ordinal);
        }

        if (isContainer && stage == Stage.Members)
        {
            Skip(reader.CurrentDepth, Stage.Members);
        }

        return true;
    }

    private void ArrayMember(FieldId id, ReadOnlySpan<byte> window, in FieldValue value, (int Line, int Column) position, int ordinal)
    {
        var isEntities = id == FieldId.Entities;
        var phase = isEntities ? ErrorPhase.EntitiesArray : ErrorPhase.RelationshipsArray;
        var path = FieldNames.PathSuffix(id).Insert(0, "$");
        if (isEntities ? entitiesSeen : relationshipsSeen)
        {
            // Only one of each is read: the rows of a second array would silently replace or add to the first.
            errors.Add(phase, ordinal, 0, path, position, $"a dataset has one \"{FieldNames.Of(id)}\" array; this is a second one");
            return;
        }

        if (isEntities)
        {
            entitiesSeen = true;
        }
        else
        {
            relationshipsSeen = true;
        }

        if (value.Type == JsonTokenType.StartArray)
        {
            stage = isEntities ? Stage.Entities : Stage.Relationships;
            return;
        }

        errors.Add(phase, 0, 0, path, position, $"expected an array, found {JsonText.Describe(window, value)}");
        rows.EntitiesComplete |= isEntities;
    }

    private void DocumentsMember(ReadOnlySpan<byte> window, in FieldValue value, (int Line, int Column) position, int ordinal)
    {
        const string Path = "$.documents";
        if (documentsSeen)
        {
            errors.Add(ErrorPhase.DocumentsArray, ordinal, 0, Path, position, "a dataset has one \"documents\" array; this is a second one");
            return;
        }

        documentsSeen = true;
        if (value.Type == JsonTokenType.StartArray)
        {
            stage = Stage.Documents;
        }
        else if (value.Type != JsonTokenType.Null)
        {
            errors.Add(ErrorPhase.DocumentsArray, 0, 0, Path, position, $"expected an array, found {JsonText.Describe(window, value)}");
        }
    }

    // One element of "documents", read whole (a few per file, small), or the end of the array.
    private bool ReadDocument(ref Utf8JsonReader reader, ReadOnlySpan<byte> window)
    {
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.EndArray)
        {
            stage = Stage.Members;
            return true;
        }

        var start = (int)reader.TokenStartIndex;
        var isObject = reader.TokenType == JsonTokenType.StartObject;
        FieldValue element = default;
        if (isObject ? !reader.TrySkip() : !JsonText.TryValue(ref reader, out element))
        {
            return false;
        }

        var end = (int)reader.BytesConsumed;
        var described = isObject ? "an object" : JsonText.Describe(window, element);
        documents.OnElement(window[start..end], isObject, described, offset => PositionOf(start + offset));
        return true;
    }

    private void Skip(int depth, Stage after)
    {
        skipDepth = depth;
        afterSkip = after;
        stage = Stage.Skipping;
    }

    private bool SkipToken(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return false;
        }

        if (reader.CurrentDepth == skipDepth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
        {
            stage = afterSkip;
        }

        return true;
    }

    // One element of "entities" or "relationships", read whole, or the end of the array.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadElement(ref Utf8JsonReader reader, ReadOnlySpan<byte> window)
    {
        if (!reader.Read())
        {
            return false;
        }

        var isEntities = stage == Stage.Entities;
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            rows.EntitiesComplete |= isEntities;
            stage = Stage.Members;
            return true;
        }

        FieldValue element;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            var start = (int)reader.TokenStartIndex;
            if (!rows.Fields.TryRead(ref reader, isEntities ? FieldSets.CommonEntityMask : FieldSets.RelationshipMask))
            {
                return false;
            }

            element = new FieldValue(JsonTokenType.StartObject, start, (int)reader.BytesConsumed, false);
        }
        else if (!JsonText.TryValue(ref reader, out element))
        {
            return false;
        }

        if (isEntities)
        {
            rows.OnEntity(window, element);
        }
        else
        {
            rows.OnRelationship(window, element);
        }

        if (++elementsRead % CancellationInterval == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return true;
    }

    private (int Line, int Column) PositionOf(long windowOffset) => input.PositionOf(input.WindowOffset + windowOffset);

    private DatasetError NotUtf8()
    {
        // The column in bytes from the line's start, from 1, as every other error of the JSON reader counts it.
        var offset = input.InvalidUtf8Offset;
        var (line, column) = input.PositionOf(offset);
        return new DatasetError(fileName, "$", line, column, $"the file is not valid UTF-8 (first bad byte at offset {offset})");
    }

    private DatasetError NotJson(JsonException exception)
    {
        var line = (int)(exception.LineNumber ?? 0) + 1;
        var column = (int)(exception.BytePositionInLine ?? 0) + 1;
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return new DatasetError(fileName, exception.Path ?? "$", line, column, $"not valid JSON: {(cut > 0 ? message[..cut] : message)}");
    }
}
