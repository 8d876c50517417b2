using System.Runtime.CompilerServices;
using System.Text.Json;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Rules;

namespace SupplyGraph.Formats.Json;

/// <summary>
/// What checking a relationship found. When its ends could not be checked yet (the entities come later in the file),
/// <see cref="EndsOrder"/> holds the place of those checks among its errors.
/// </summary>
internal readonly record struct RelationshipCheck(
    RelationshipRecord? Record,
    RelationshipType? Type,
    string? ExplicitId,
    int FromNumber,
    int ToNumber,
    int EndsOrder);

/// <summary>
/// The format's rules for one entity or relationship whose members <see cref="Fields"/> holds: every check, message and
/// path of the reader, in the order it always made them. Builds the row when nothing is wrong.
/// </summary>
internal sealed class ElementRules(EntityDirectory? directory, StringPool? strings, SourceListPool? sourceLists)
{
    private static readonly string AllowedRelationshipTypes = string.Join(", ", RelationshipTypes.All.Select(info => info.Name));
    private static readonly int[] FromKindMasks = [.. Enum.GetValues<RelationshipType>().Select(type => KindMask(RelationshipTypes.Info(type).FromKinds))];
    private static readonly int[] ToKindMasks = [.. Enum.GetValues<RelationshipType>().Select(type => KindMask(RelationshipTypes.Info(type).ToKinds))];

    private readonly ObjectFields sourceFields = new();
    private readonly List<string> scratch = [];

    /// <summary>The members of the element being checked; the caller fills it.</summary>
    public ObjectFields Fields { get; } = new();

    public ElementErrors Errors { get; } = new();

    /// <summary>The directory number of the id of the entity last checked, or -1.</summary>
    public int EntityNumber { get; private set; } = -1;

    /// <summary>
    /// Checks an entity. Null when something is wrong; then <paramref name="failedId"/> is its id, if it has a string one,
    /// so references to it are not reported again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Entity? CheckEntity(ReadOnlySpan<byte> json, in FieldValue element, out string? failedId)
    {
        failedId = null;
        EntityNumber = -1;
        if (element.Type != JsonTokenType.StartObject)
        {
            Errors.Add(string.Empty, $"an entity is a JSON object, not {JsonText.Describe(json, element)}");
            return null;
        }

        var access = new FieldAccess(json, Fields, Errors, scratch);
        var id = EntityId(access);
        if (id is not null && !TextRules.IsEntityId(id))
        {
            access.Error(FieldId.Id, $"\"{id}\" is not a valid id: use lower-case letters, digits and single hyphens (\"nvidia-h800\")");
        }

        var kind = access.RequiredEnum<EntityKind>(FieldId.Kind, "entity kind");
        var fields = new JsonEntityFields(access, this, directory, strings);
        var common = EntityRules.ReadCommon(ref fields, id);
        if (kind is null)
        {
            failedId = FailedId(json, id);
            return null;
        }

        access.CheckFields(FieldSets.EntityMask(kind.Value), FieldSets.EntityFields(kind.Value), kind.Value);
        var entity = EntityRules.Build(ref fields, kind.Value, common);
        if (entity is null || Errors.Count > 0)
        {
            failedId = FailedId(json, id);
            return null;
        }

        return entity;
    }

    /// <summary>
    /// Checks a relationship. With <paramref name="resolveEnds"/> its ends are looked up now (all entities are read);
    /// otherwise they are only numbered, for checks at the end of the file.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RelationshipCheck CheckRelationship(ReadOnlySpan<byte> json, in FieldValue element, bool resolveEnds)
    {
        if (element.Type != JsonTokenType.StartObject)
        {
            Errors.Add(string.Empty, $"a relationship is a JSON object, not {JsonText.Describe(json, element)}");
            return new RelationshipCheck(null, null, null, -1, -1, -1);
        }

        var access = new FieldAccess(json, Fields, Errors, scratch);
        access.CheckFields(FieldSets.RelationshipMask, FieldSets.Relationship);
        var explicitId = access.OptionalString(FieldId.Id);
        if (explicitId is not null && !TextRules.IsRelationshipId(explicitId))
        {
            access.Error(FieldId.Id, $"\"{explicitId}\" is not a valid relationship id: use letters, digits, underscores, hyphens and slashes (\"deepseek-v3/TRAINED_ON/nvidia-h800/seed-000\")");
        }

        RelationshipType? type = null;
        if (access.TryGetText(FieldId.Type, required: true, out var typeValue))
        {
            if (WireValues<RelationshipType>.TryParse(json, typeValue, out var parsedType))
            {
                type = parsedType;
            }
            else
            {
                access.Error(FieldId.Type, $"unknown relationship type \"{access.GetString(typeValue)}\"; expected one of {AllowedRelationshipTypes}");
            }
        }

        var hasFrom = access.TryGetText(FieldId.From, required: true, out var fromValue);
        var hasTo = access.TryGetText(FieldId.To, required: true, out var toValue);
        int fromNumber, toNumber, endsOrder = -1;
        if (resolveEnds)
        {
            fromNumber = ResolveEnd(json, hasFrom, fromValue, FieldId.From, out var fromKind);
            toNumber = ResolveEnd(json, hasTo, toValue, FieldId.To, out var toKind);
            if (type is { } knownType)
            {
                CheckEndKinds(knownType, fromNumber, fromKind, toNumber, toKind);
            }
        }
        else
        {
            fromNumber = hasFrom ? Number(json, fromValue) : -1;
            toNumber = hasTo ? Number(json, toValue) : -1;
            endsOrder = Errors.Reserve(4);
        }

        var validFrom = access.OptionalDate(FieldId.ValidFrom);
        var validTo = access.OptionalDate(FieldId.ValidTo);
        if (validFrom is { } start && validTo is { } end && end < start)
        {
            access.Error(FieldId.ValidTo, $"validTo {end:yyyy-MM-dd} is before validFrom {start:yyyy-MM-dd}");
        }

        var status = access.RequiredEnum<RelationshipStatus>(FieldId.Status, "status") ?? default;

        var note = access.OptionalString(FieldId.Note, strings);
        var sources = Sources(json);
        if (Errors.Count > 0 || type is null || fromNumber < 0 || toNumber < 0)
        {
            return new RelationshipCheck(null, type, explicitId, fromNumber, toNumber, endsOrder);
        }

        var from = directory!.Id(fromNumber);
        var to = directory.Id(toNumber);
        var record = new RelationshipRecord
        {
            Key = explicitId ?? RelationshipRecord.DefaultKey(from, type.Value, to),
            Type = type.Value,
            From = from,
            To = to,
            ValidFrom = validFrom,
            ValidTo = validTo,
            Status = status,
            Note = note,
            Sources = sources,
        };
        return new RelationshipCheck(record, type, explicitId, fromNumber, toNumber, endsOrder);
    }

    /// <summary>The message for an end whose entity has a kind the type does not allow there, or null.</summary>
    public static string? EndKindError(RelationshipType type, bool isFrom, string id, EntityKind kind)
    {
        var info = RelationshipTypes.Info(type);
        var masks = isFrom ? FromKindMasks : ToKindMasks;
        if ((masks[(int)type] & (1 << (int)kind)) != 0)
        {
            return null;
        }

        return isFrom
            ? $"{info.Name} goes from {string.Join(" or ", info.FromKinds)}; \"{id}\" is a {kind}"
            : $"{info.Name} goes to {string.Join(" or ", info.ToKinds)}; \"{id}\" is a {kind}";
    }

    public static string UnknownEndError(string id) => $"unknown entity id \"{id}\" (no entity in this file has it)";

    /// <summary>The <c>sources</c> member of <see cref="Fields"/>, checked; shared with identical lists read before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<Source> Sources(ReadOnlySpan<byte> json)
    {
        if (!Fields.TryGet(FieldId.Sources, out var value) || value.Type == JsonTokenType.Null)
        {
            Errors.Add(FieldNames.PathSuffix(FieldId.Sources), "missing source: every entity and relationship needs at least one {\"document\", \"locator\"}");
            return [];
        }

        if (value.Type != JsonTokenType.StartArray)
        {
            Errors.Add(FieldNames.PathSuffix(FieldId.Sources), $"expected an array of sources, found {JsonText.Describe(json, value)}");
            return [];
        }

        var raw = JsonText.Raw(json, value);
        if (sourceLists is not null && sourceLists.TryGet(raw, out var known))
        {
            return known;
        }

        var errorsBefore = Errors.Count;
        var sources = ReadSources(raw);
        return sourceLists is not null && Errors.Count == errorsBefore ? sourceLists.Add(raw, sources) : sources;
    }

    private static int KindMask(IEnumerable<EntityKind> kinds) => kinds.Aggregate(0, (mask, kind) => mask | (1 << (int)kind));

    private List<Source> ReadSources(ReadOnlySpan<byte> raw)
    {
        var sources = new List<Source>();
        var reader = new Utf8JsonReader(raw, JsonText.FileOptions);
        reader.Read();
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var item = ReadItem(ref reader);
            if (item.Type != JsonTokenType.StartObject)
            {
                Errors.Add($".sources[{index}]", $"a source is an object {{\"document\", \"locator\"}}, not {JsonText.Describe(raw, item)}");
                index++;
                continue;
            }

            var access = new FieldAccess(raw, sourceFields, Errors, scratch, index);
            access.CheckFields(FieldSets.SourceMask, FieldSets.Source);
            var document = access.RequiredString(FieldId.Document, strings);
            var locator = access.RequiredString(FieldId.Locator, strings);
            var url = access.OptionalString(FieldId.Url, strings);
            if (document is not null && locator is not null)
            {
                sources.Add(new Source(document, locator, url));
            }

            index++;
        }

        if (index == 0)
        {
            Errors.Add(FieldNames.PathSuffix(FieldId.Sources), "missing source: the list is empty; every entity and relationship needs at least one");
        }

        return sources;
    }

    private FieldValue ReadItem(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            var start = (int)reader.TokenStartIndex;
            sourceFields.TryRead(ref reader, FieldSets.SourceMask);
            return new FieldValue(JsonTokenType.StartObject, start, (int)reader.BytesConsumed, false);
        }

        JsonText.TryValue(ref reader, out var item);
        return item;
    }

    private string? FailedId(ReadOnlySpan<byte> json, string? id) =>
        id ?? (Fields.TryGet(FieldId.Id, out var value) && value.Type == JsonTokenType.String ? JsonText.GetString(json, value) : null);

    // The number of an end's id, or -1 (with an error) when no entity has it; a failed entity's id is not reported again.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ResolveEnd(ReadOnlySpan<byte> json, bool present, in FieldValue value, FieldId end, out EntityKind? kind)
    {
        kind = null;
        if (!present)
        {
            return -1;
        }

        var number = value.Escaped ? directory!.Find(JsonText.GetString(json, value)) : directory!.Find(JsonText.Content(json, value));
        if (number >= 0)
        {
            switch (directory.State(number, out var entityKind))
            {
                case EntityState.Valid:
                    kind = entityKind;
                    return number;
                case EntityState.Failed:
                    return number;
            }
        }

        Errors.Add(FieldNames.PathSuffix(end), UnknownEndError(JsonText.GetString(json, value)));
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckEndKinds(RelationshipType type, int fromNumber, EntityKind? fromKind, int toNumber, EntityKind? toKind)
    {
        if (fromKind is { } from && EndKindError(type, isFrom: true, directory!.Id(fromNumber), from) is { } fromError)
        {
            Errors.Add(FieldNames.PathSuffix(FieldId.From), fromError);
        }

        if (toKind is { } to && EndKindError(type, isFrom: false, directory!.Id(toNumber), to) is { } toError)
        {
            Errors.Add(FieldNames.PathSuffix(FieldId.To), toError);
        }
    }

    private int Number(ReadOnlySpan<byte> json, in FieldValue value) =>
        value.Escaped ? directory!.FindOrAdd(JsonText.GetString(json, value)) : directory!.FindOrAdd(JsonText.Content(json, value));

    // The entity's own id, numbered in the directory (whatever comes of the entity, the file mentioned the id).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? EntityId(FieldAccess access)
    {
        if (!access.TryGetText(FieldId.Id, required: true, out var value))
        {
            return null;
        }

        if (directory is null)
        {
            return access.GetString(value);
        }

        EntityNumber = value.Escaped ? directory.FindOrAdd(access.GetString(value)) : directory.FindOrAdd(JsonText.Content(access.Json, value));
        return directory.Id(EntityNumber);
    }
}
