using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupplyGraph.Domain.Vocabulary;
using ModelEntity = SupplyGraph.Domain.Vocabulary.Model;

namespace SupplyGraph.Domain.Datasets;

/// <summary>
/// Reads and validates a dataset file (format "supplygraph-dataset", version 1; see datasets/README.md).
/// Either the whole file is valid and a <see cref="Dataset"/> comes back, or a
/// <see cref="DatasetValidationException"/> lists every error with its file, line, column and JSON path.
/// </summary>
public static partial class DatasetReader
{
    public const string FormatName = "supplygraph-dataset";
    public const int FormatVersion = 1;

    private static readonly string[] TopLevelFields = ["$schema", "format", "version", "name", "description", "entities", "relationships"];
    private static readonly string[] CommonEntityFields = ["id", "kind", "name", "aliases", "country", "description", "tags", "sources"];
    private static readonly Dictionary<EntityKind, string[]> KindFields = new()
    {
        [EntityKind.Actor] = ["category", "website"],
        [EntityKind.Chip] = ["designer", "foundries", "process"],
        [EntityKind.Model] = ["developer", "releaseDate", "parameters", "activeParameters"],
        [EntityKind.Regulation] = ["issuer", "jurisdiction", "announced", "effective", "rescinded", "citation", "summary"],
    };

    private static readonly string[] RelationshipFields = ["id", "type", "from", "to", "validFrom", "validTo", "status", "note", "sources"];
    private static readonly string[] SourceFields = ["document", "locator", "url"];

    public static Dataset Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    public static Dataset Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.ToArray(), fileName);
    }

    public static Dataset Read(byte[] utf8, string fileName)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        var context = new ReadContext(fileName);
        var dataset = Parse(utf8, context);
        if (context.Errors.Count > 0 || dataset is null)
        {
            throw new DatasetValidationException(context.Located(utf8));
        }

        return dataset;
    }

    /// <summary>Reads one entity written by <see cref="DatasetJson.WriteEntity"/> (a store's row, say).</summary>
    public static Entity ReadEntityJson(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        var context = new ReadContext(origin);
        using var document = JsonDocument.Parse(json);
        var entity = ParseEntity(document.RootElement, "$", context);
        return context.Errors.Count == 0 && entity is not null
            ? entity
            : throw new DatasetValidationException(context.Located(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>Reads a sources array written by <see cref="DatasetJson.SourcesToJson"/>.</summary>
    public static IReadOnlyList<Source> ReadSourcesJson(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        var context = new ReadContext(origin);
        using var document = JsonDocument.Parse($"{{\"sources\":{json}}}");
        var sources = Sources(document.RootElement, "$", context);
        return context.Errors.Count == 0
            ? sources
            : throw new DatasetValidationException(context.Located(Encoding.UTF8.GetBytes(json)));
    }

    private static Dataset? Parse(byte[] utf8, ReadContext context)
    {
        if (utf8.Length == 0 || utf8.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            context.Error("$", "the file is empty; a dataset is a JSON object with \"format\", \"version\", \"entities\" and \"relationships\"");
            return null;
        }

        if (!IsUtf8(utf8, out var badOffset))
        {
            context.ErrorAt("$", 1 + utf8.AsSpan(0, badOffset).Count((byte)'\n'), 1, $"the file is not valid UTF-8 (first bad byte at offset {badOffset})");
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0) + 1;
            var column = (int)(exception.BytePositionInLine ?? 0) + 1;
            context.ErrorAt(exception.Path ?? "$", line, column, $"not valid JSON: {FirstSentence(exception.Message)}");
            return null;
        }

        using (document)
        {
            return ParseRoot(document.RootElement, context);
        }
    }

    private static Dataset? ParseRoot(JsonElement root, ReadContext context)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            context.Error("$", $"a dataset is a JSON object, not {Describe(root)}");
            return null;
        }

        CheckFields(root, "$", TopLevelFields, context);
        var format = RequiredString(root, "$", "format", context);
        if (format is not null && format != FormatName)
        {
            context.Error("$.format", $"expected \"{FormatName}\", found \"{format}\"");
        }

        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var versionNumber))
        {
            context.Error("$.version", $"required: the format version, a number ({FormatVersion})");
        }
        else if (versionNumber != FormatVersion)
        {
            context.Error("$.version", $"unsupported format version {versionNumber}; this build reads version {FormatVersion}");
        }

        var name = OptionalString(root, "$", "name", context) ?? Path.GetFileNameWithoutExtension(context.File);
        var description = OptionalString(root, "$", "description", context);

        var entities = new List<Entity>();
        var entityPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (element, path) in RequiredArray(root, "$", "entities", context))
        {
            var entity = ParseEntity(element, path, context);
            if (entity is null)
            {
                // References to an entity that failed its own checks were reported with it; don't report them again.
                if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var failedId) && failedId.ValueKind == JsonValueKind.String)
                {
                    context.FailedIds.Add(failedId.GetString()!);
                }

                continue;
            }

            if (entityPaths.TryGetValue(entity.Id, out var firstPath))
            {
                context.Error(path + ".id", $"duplicate entity id \"{entity.Id}\" (first defined at {firstPath})");
                continue;
            }

            entityPaths[entity.Id] = path;
            entities.Add(entity);
        }

        var byId = entities.ToDictionary(entity => entity.Id, StringComparer.Ordinal);
        CheckEntityReferences(entities, entityPaths, byId, context);

        var relationships = new List<RelationshipRecord>();
        var relationshipPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (element, path) in RequiredArray(root, "$", "relationships", context))
        {
            var relationship = ParseRelationship(element, path, byId, entityPaths, context);
            if (relationship is null)
            {
                continue;
            }

            if (relationshipPaths.TryGetValue(relationship.Key, out var firstPath))
            {
                context.Error(path, $"duplicate relationship \"{relationship.Key}\" (first defined at {firstPath}); give each claim its own \"id\"");
                continue;
            }

            relationshipPaths[relationship.Key] = path;
            relationships.Add(relationship);
        }

        return context.Errors.Count == 0 ? new Dataset(name, description, entities, relationships) : null;
    }

    private static Entity? ParseEntity(JsonElement element, string path, ReadContext context)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            context.Error(path, $"an entity is a JSON object, not {Describe(element)}");
            return null;
        }

        var errorsBefore = context.Errors.Count;
        var id = RequiredString(element, path, "id", context);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            context.Error(path + ".id", $"\"{id}\" is not a valid id: use lower-case letters, digits and single hyphens (\"nvidia-h800\")");
        }

        var kindText = RequiredString(element, path, "kind", context);
        EntityKind? kind = null;
        if (kindText is not null)
        {
            if (WireNames.TryParse<EntityKind>(kindText, out var parsedKind))
            {
                kind = parsedKind;
            }
            else
            {
                context.Error(path + ".kind", $"unknown entity kind \"{kindText}\"; expected one of {Allowed<EntityKind>()}");
            }
        }

        var name = RequiredString(element, path, "name", context);
        var aliases = StringList(element, path, "aliases", context);
        var country = OptionalString(element, path, "country", context);
        if (country is not null && !CountryPattern().IsMatch(country))
        {
            context.Error(path + ".country", $"\"{country}\" is not an ISO 3166-1 alpha-2 code (two capital letters, \"CN\")");
        }

        var entityDescription = OptionalString(element, path, "description", context);
        var tags = StringList(element, path, "tags", context);
        var sources = Sources(element, path, context);

        if (kind is null)
        {
            return null;
        }

        CheckFields(element, path, [.. CommonEntityFields, .. KindFields[kind.Value]], context, kind.Value);
        Entity? entity = kind.Value switch
        {
            EntityKind.Actor => ParseActor(element, path, context),
            EntityKind.Chip => new Chip
            {
                Id = id ?? "",
                Name = name ?? "",
                Sources = sources,
                Designer = OptionalString(element, path, "designer", context),
                Foundries = StringList(element, path, "foundries", context),
                Process = OptionalString(element, path, "process", context),
            },
            EntityKind.Model => new ModelEntity
            {
                Id = id ?? "",
                Name = name ?? "",
                Sources = sources,
                Developer = OptionalString(element, path, "developer", context),
                ReleaseDate = OptionalDate(element, path, "releaseDate", context),
                Parameters = OptionalLong(element, path, "parameters", context),
                ActiveParameters = OptionalLong(element, path, "activeParameters", context),
            },
            EntityKind.Regulation => ParseRegulation(element, path, context),
            _ => null,
        };

        if (entity is null || context.Errors.Count > errorsBefore)
        {
            return null;
        }

        return entity with
        {
            Id = id!,
            Name = name!,
            Aliases = aliases,
            Country = country,
            Description = entityDescription,
            Tags = tags,
            Sources = sources,
        };
    }

    private static Actor? ParseActor(JsonElement element, string path, ReadContext context)
    {
        var categoryText = RequiredString(element, path, "category", context);
        if (categoryText is null)
        {
            return null;
        }

        if (!WireNames.TryParse<ActorCategory>(categoryText, out var category))
        {
            context.Error(path + ".category", $"unknown actor category \"{categoryText}\"; expected one of {Allowed<ActorCategory>()}");
            return null;
        }

        return new Actor
        {
            Id = "",
            Name = "",
            Sources = [],
            Category = category,
            Website = OptionalString(element, path, "website", context),
        };
    }

    private static Regulation? ParseRegulation(JsonElement element, string path, ReadContext context)
    {
        var issuer = RequiredString(element, path, "issuer", context);
        var jurisdiction = RequiredString(element, path, "jurisdiction", context);
        if (jurisdiction is not null && !CountryPattern().IsMatch(jurisdiction))
        {
            context.Error(path + ".jurisdiction", $"\"{jurisdiction}\" is not an ISO 3166-1 alpha-2 code (two capital letters, \"US\")");
        }

        var announced = OptionalDate(element, path, "announced", context);
        var effective = RequiredDate(element, path, "effective", context);
        var rescinded = OptionalDate(element, path, "rescinded", context);
        var citation = RequiredString(element, path, "citation", context);
        var summary = RequiredString(element, path, "summary", context);
        if (effective is { } from && rescinded is { } until && until < from)
        {
            context.Error(path + ".rescinded", $"rescinded {until:yyyy-MM-dd} is before effective {from:yyyy-MM-dd}");
        }

        if (issuer is null || jurisdiction is null || effective is null || citation is null || summary is null)
        {
            return null;
        }

        return new Regulation
        {
            Id = "",
            Name = "",
            Sources = [],
            Issuer = issuer,
            Jurisdiction = jurisdiction,
            Announced = announced,
            Effective = effective.Value,
            Rescinded = rescinded,
            Citation = citation,
            Summary = summary,
        };
    }

    private static void CheckEntityReferences(
        List<Entity> entities,
        Dictionary<string, string> paths,
        Dictionary<string, Entity> byId,
        ReadContext context)
    {
        foreach (var entity in entities)
        {
            var path = paths[entity.Id];
            switch (entity)
            {
                case Chip chip:
                    CheckActorReference(chip.Designer, $"{path}.designer", byId, context);
                    for (var i = 0; i < chip.Foundries.Count; i++)
                    {
                        CheckActorReference(chip.Foundries[i], $"{path}.foundries[{i}]", byId, context);
                    }

                    break;
                case ModelEntity model:
                    CheckActorReference(model.Developer, $"{path}.developer", byId, context);
                    break;
                case Regulation regulation:
                    CheckActorReference(regulation.Issuer, $"{path}.issuer", byId, context);
                    break;
            }
        }
    }

    private static void CheckActorReference(string? id, string path, Dictionary<string, Entity> byId, ReadContext context)
    {
        if (id is null)
        {
            return;
        }

        if (!byId.TryGetValue(id, out var target))
        {
            if (!context.FailedIds.Contains(id))
            {
                context.Error(path, $"unknown entity id \"{id}\"");
            }
        }
        else if (target.Kind != EntityKind.Actor)
        {
            context.Error(path, $"\"{id}\" is a {target.Kind}; an Actor is expected here");
        }
    }

    private static RelationshipRecord? ParseRelationship(
        JsonElement element,
        string path,
        Dictionary<string, Entity> byId,
        Dictionary<string, string> entityPaths,
        ReadContext context)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            context.Error(path, $"a relationship is a JSON object, not {Describe(element)}");
            return null;
        }

        var errorsBefore = context.Errors.Count;
        CheckFields(element, path, RelationshipFields, context);
        var explicitId = OptionalString(element, path, "id", context);
        if (explicitId is not null && !RelationshipIdPattern().IsMatch(explicitId))
        {
            context.Error(path + ".id", $"\"{explicitId}\" is not a valid relationship id: use letters, digits, underscores, hyphens and slashes (\"deepseek-v3/TRAINED_ON/nvidia-h800/seed-000\")");
        }

        var typeText = RequiredString(element, path, "type", context);
        RelationshipType? type = null;
        if (typeText is not null)
        {
            if (RelationshipTypes.TryParse(typeText, out var parsed))
            {
                type = parsed;
            }
            else
            {
                context.Error(path + ".type", $"unknown relationship type \"{typeText}\"; expected one of {string.Join(", ", RelationshipTypes.All.Select(info => info.Name))}");
            }
        }

        var from = RequiredString(element, path, "from", context);
        var to = RequiredString(element, path, "to", context);
        var fromEntity = ResolveEnd(from, path + ".from", byId, entityPaths, context);
        var toEntity = ResolveEnd(to, path + ".to", byId, entityPaths, context);
        if (type is { } knownType)
        {
            var info = RelationshipTypes.Info(knownType);
            if (fromEntity is not null && !info.FromKinds.Contains(fromEntity.Kind))
            {
                context.Error(path + ".from", $"{info.Name} goes from {string.Join(" or ", info.FromKinds)}; \"{from}\" is a {fromEntity.Kind}");
            }

            if (toEntity is not null && !info.ToKinds.Contains(toEntity.Kind))
            {
                context.Error(path + ".to", $"{info.Name} goes to {string.Join(" or ", info.ToKinds)}; \"{to}\" is a {toEntity.Kind}");
            }
        }

        var validFrom = OptionalDate(element, path, "validFrom", context);
        var validTo = OptionalDate(element, path, "validTo", context);
        if (validFrom is { } start && validTo is { } end && end < start)
        {
            context.Error(path + ".validTo", $"validTo {end:yyyy-MM-dd} is before validFrom {start:yyyy-MM-dd}");
        }

        var statusText = RequiredString(element, path, "status", context);
        RelationshipStatus status = default;
        if (statusText is not null && !WireNames.TryParse(statusText, out status))
        {
            context.Error(path + ".status", $"unknown status \"{statusText}\"; expected one of {Allowed<RelationshipStatus>()}");
        }

        var note = OptionalString(element, path, "note", context);
        var sources = Sources(element, path, context);
        if (context.Errors.Count > errorsBefore || type is null)
        {
            return null;
        }

        return new RelationshipRecord
        {
            Key = explicitId ?? RelationshipRecord.DefaultKey(from!, type.Value, to!),
            Type = type.Value,
            From = from!,
            To = to!,
            ValidFrom = validFrom,
            ValidTo = validTo,
            Status = status,
            Note = note,
            Sources = sources,
        };
    }

    private static Entity? ResolveEnd(
        string? id,
        string path,
        Dictionary<string, Entity> byId,
        Dictionary<string, string> entityPaths,
        ReadContext context)
    {
        if (id is null)
        {
            return null;
        }

        if (byId.TryGetValue(id, out var entity))
        {
            return entity;
        }

        // An entity that exists but failed its own validation was reported already; don't report it twice.
        if (!entityPaths.ContainsKey(id) && !context.FailedIds.Contains(id))
        {
            context.Error(path, $"unknown entity id \"{id}\" (no entity in this file has it)");
        }

        return null;
    }

    private static List<Source> Sources(JsonElement element, string path, ReadContext context)
    {
        var sources = new List<Source>();
        if (!element.TryGetProperty("sources", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            context.Error(path + ".sources", "missing source: every entity and relationship needs at least one {\"document\", \"locator\"}");
            return sources;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            context.Error(path + ".sources", $"expected an array of sources, found {Describe(array)}");
            return sources;
        }

        if (array.GetArrayLength() == 0)
        {
            context.Error(path + ".sources", "missing source: the list is empty; every entity and relationship needs at least one");
            return sources;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}.sources[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                context.Error(itemPath, $"a source is an object {{\"document\", \"locator\"}}, not {Describe(item)}");
                continue;
            }

            CheckFields(item, itemPath, SourceFields, context);
            var document = RequiredString(item, itemPath, "document", context);
            var locator = RequiredString(item, itemPath, "locator", context);
            var url = OptionalString(item, itemPath, "url", context);
            if (document is not null && locator is not null)
            {
                sources.Add(new Source(document, locator, url));
            }
        }

        return sources;
    }

    private static IEnumerable<(JsonElement Element, string Path)> RequiredArray(JsonElement parent, string path, string name, ReadContext context)
    {
        if (!parent.TryGetProperty(name, out var array))
        {
            context.Error($"{path}.{name}", "required: an array (it may be empty)");
            yield break;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            context.Error($"{path}.{name}", $"expected an array, found {Describe(array)}");
            yield break;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            yield return (element, $"{path}.{name}[{index++}]");
        }
    }

    private static void CheckFields(JsonElement element, string path, IReadOnlyCollection<string> allowed, ReadContext context, EntityKind? kind = null)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (allowed.Contains(property.Name))
            {
                continue;
            }

            var otherKind = KindFields.FirstOrDefault(pair => pair.Value.Contains(property.Name)).Key;
            var hint = kind is not null && KindFields.Any(pair => pair.Value.Contains(property.Name))
                ? $"; it belongs to {otherKind}, not {kind}"
                : Closest(property.Name, allowed) is { } suggestion ? $"; did you mean \"{suggestion}\"?" : string.Empty;
            context.Error($"{path}.{property.Name}", $"unknown field \"{property.Name}\"{hint}");
        }
    }

    private static string? RequiredString(JsonElement element, string path, string name, ReadContext context)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            context.Error($"{path}.{name}", "required field is missing");
            return null;
        }

        return StringValue(value, $"{path}.{name}", context, required: true);
    }

    private static string? OptionalString(JsonElement element, string path, string name, ReadContext context) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? StringValue(value, $"{path}.{name}", context, required: false)
            : null;

    private static string? StringValue(JsonElement value, string path, ReadContext context, bool required)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            context.Error(path, $"expected a string, found {Describe(value)}");
            return null;
        }

        var text = value.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            context.Error(path, "must not be empty");
            return null;
        }

        return text;
    }

    private static List<string> StringList(JsonElement element, string path, string name, ReadContext context)
    {
        var list = new List<string>();
        if (!element.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            context.Error($"{path}.{name}", $"expected an array of strings, found {Describe(array)}");
            return list;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (StringValue(item, $"{path}.{name}[{index++}]", context, required: true) is { } text)
            {
                list.Add(text);
            }
        }

        return list;
    }

    private static DateOnly? RequiredDate(JsonElement element, string path, string name, ReadContext context)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            context.Error($"{path}.{name}", "required field is missing: a date YYYY-MM-DD");
            return null;
        }

        return DateValue(value, $"{path}.{name}", context);
    }

    private static DateOnly? OptionalDate(JsonElement element, string path, string name, ReadContext context) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? DateValue(value, $"{path}.{name}", context)
            : null;

    private static DateOnly? DateValue(JsonElement value, string path, ReadContext context)
    {
        if (value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        context.Error(path, $"bad date {value.GetRawText()}: expected a calendar date written YYYY-MM-DD");
        return null;
    }

    private static long? OptionalLong(JsonElement element, string path, string name, ReadContext context)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= 0)
        {
            return number;
        }

        context.Error($"{path}.{name}", $"expected a whole non-negative number, found {value.GetRawText()}");
        return null;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString(),
    };

    private static string Allowed<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", WireNames.AllowedValues<TEnum>());

    private static string? Closest(string name, IEnumerable<string> candidates) =>
        candidates
            .Select(candidate => (candidate, distance: TextDistance.Levenshtein(name.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(pair => pair.distance <= Math.Max(2, name.Length / 3))
            .OrderBy(pair => pair.distance)
            .Select(pair => pair.candidate)
            .FirstOrDefault();

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static bool IsUtf8(byte[] bytes, out int badOffset)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            decoder.GetCharCount(bytes);
            badOffset = -1;
            return true;
        }
        catch (DecoderFallbackException exception)
        {
            badOffset = exception.Index;
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9_]+([-/][A-Za-z0-9_]+)*$")]
    private static partial Regex RelationshipIdPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    private sealed class ReadContext(string file)
    {
        private readonly List<(string Path, int? Line, int? Column, string Message)> errors = [];

        public string File { get; } = file;

        public HashSet<string> FailedIds { get; } = new(StringComparer.Ordinal);

        public List<(string Path, int? Line, int? Column, string Message)> Errors => errors;

        public void Error(string path, string message) => errors.Add((path, null, null, message));

        public void ErrorAt(string path, int line, int column, string message) => errors.Add((path, line, column, message));

        public List<DatasetError> Located(byte[] utf8)
        {
            var unlocated = errors.Where(error => error.Line is null).Select(error => error.Path).ToHashSet(StringComparer.Ordinal);
            var positions = unlocated.Count > 0 ? JsonPositions.Locate(utf8, ParentsToo(unlocated)) : [];
            return errors.Select(error =>
            {
                if (error.Line is not null)
                {
                    return new DatasetError(File, error.Path, error.Line, error.Column, error.Message);
                }

                // A missing field has no position of its own: point at the nearest enclosing value.
                var (line, column) = NearestPosition(error.Path, positions);
                return new DatasetError(File, error.Path, line, column, error.Message);
            }).ToList();
        }

        private static HashSet<string> ParentsToo(HashSet<string> paths)
        {
            var all = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in paths)
            {
                for (var current = path; current.Length > 0; current = Parent(current))
                {
                    all.Add(current);
                }
            }

            return all;
        }

        private static (int?, int?) NearestPosition(string path, Dictionary<string, (int Line, int Column)> positions)
        {
            for (var current = path; current.Length > 0; current = Parent(current))
            {
                if (positions.TryGetValue(current, out var position))
                {
                    return (position.Line, position.Column);
                }
            }

            return (null, null);
        }

        private static string Parent(string path)
        {
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            return cut > 0 ? path[..cut] : string.Empty;
        }
    }
}
