using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Rules;

namespace SupplyGraph.Formats.Json;

/// <summary>
/// Reads the members of one object (an element, or one source in it) as the format's rules need them, reporting what
/// is wrong with paths relative to the element. Paths are built only for errors.
/// </summary>
internal readonly ref struct FieldAccess
{
    private readonly ReadOnlySpan<byte> json;
    private readonly ObjectFields fields;
    private readonly ElementErrors errors;
    private readonly List<string> scratch;
    private readonly int sourceIndex;

    public FieldAccess(ReadOnlySpan<byte> json, ObjectFields fields, ElementErrors errors, List<string> scratch, int sourceIndex = -1)
    {
        this.json = json;
        this.fields = fields;
        this.errors = errors;
        this.scratch = scratch;
        this.sourceIndex = sourceIndex;
    }

    public ReadOnlySpan<byte> Json => json;

    public string Path(FieldId id) => Path(FieldNames.PathSuffix(id));

    public string Path(string suffix) => sourceIndex < 0 ? suffix : $".sources[{sourceIndex}]{suffix}";

    public void Error(FieldId id, string message) => errors.Add(Path(id), message);

    public bool TryGet(FieldId id, out FieldValue value) => fields.TryGet(id, out value);

    /// <summary>
    /// A string member, checked like the reader's RequiredString/OptionalString (null counts as missing; a required
    /// one must not be blank) without decoding it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetText(FieldId id, bool required, out FieldValue value)
    {
        if (!fields.TryGet(id, out value) || value.Type == JsonTokenType.Null)
        {
            if (required)
            {
                Error(id, "required field is missing");
            }

            return false;
        }

        return IsText(value, id, -1, required);
    }

    public string? RequiredString(FieldId id, ITextShare? share = null) =>
        TryGetText(id, required: true, out var value) ? GetString(value, share) : null;

    public string? OptionalString(FieldId id, ITextShare? share = null) =>
        TryGetText(id, required: false, out var value) ? GetString(value, share) : null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string GetString(in FieldValue value, ITextShare? share = null)
    {
        if (share is null)
        {
            return JsonText.GetString(json, value);
        }

        return value.Escaped ? share.Get(JsonText.GetString(json, value)) : share.Get(JsonText.Content(json, value));
    }

    /// <summary>A required string member that is one of the values of <typeparamref name="TEnum"/>, as the format spells them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TEnum? RequiredEnum<TEnum>(FieldId id, string what)
        where TEnum : struct, Enum
    {
        if (!TryGetText(id, required: true, out var value))
        {
            return null;
        }

        if (WireValues<TEnum>.TryParse(json, value, out var parsed))
        {
            return parsed;
        }

        Error(id, $"unknown {what} \"{GetString(value)}\"; expected one of {string.Join(", ", WireNames.AllowedValues<TEnum>())}");
        return null;
    }

    /// <summary>A member that is a list of non-blank strings; absent or null is an empty list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<string> StringList(FieldId id, ITextShare? share = null)
    {
        if (!fields.TryGet(id, out var value) || value.Type == JsonTokenType.Null)
        {
            return [];
        }

        if (value.Type != JsonTokenType.StartArray)
        {
            Error(id, $"expected an array of strings, found {JsonText.Describe(json, value)}");
            return [];
        }

        // The items are read from the list's own bytes: their offsets are relative to it.
        scratch.Clear();
        var items = new FieldAccess(JsonText.Raw(json, value), fields, errors, scratch, sourceIndex);
        var reader = new Utf8JsonReader(items.json, JsonText.FileOptions);
        reader.Read();
        reader.Read();
        for (var index = 0; reader.TokenType != JsonTokenType.EndArray; index++)
        {
            JsonText.TryValue(ref reader, out var item);
            if (items.IsText(item, id, index, required: true))
            {
                scratch.Add(items.GetString(item, share));
            }

            reader.Read();
        }

        return scratch.Count == 0 ? [] : scratch.ToArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DateOnly? RequiredDate(FieldId id)
    {
        if (!fields.TryGet(id, out var value) || value.Type == JsonTokenType.Null)
        {
            Error(id, "required field is missing: a date YYYY-MM-DD");
            return null;
        }

        return Date(id, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DateOnly? OptionalDate(FieldId id) =>
        fields.TryGet(id, out var value) && value.Type != JsonTokenType.Null ? Date(id, value) : null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long? OptionalLong(FieldId id)
    {
        if (!fields.TryGet(id, out var value) || value.Type == JsonTokenType.Null)
        {
            return null;
        }

        if (value.Type == JsonTokenType.Number && JsonText.TryGetInt64(json, value, out var number) && number >= 0)
        {
            return number;
        }

        Error(id, $"expected a whole non-negative number, found {JsonText.RawText(json, value)}");
        return null;
    }

    /// <summary>Reports each member not in <paramref name="allowed"/>, with a hint: the kind it belongs to, or the closest name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CheckFields(ulong allowed, IReadOnlyCollection<string> allowedNames, EntityKind? kind = null)
    {
        foreach (var member in fields.Extras)
        {
            if (member.Id != FieldId.Unknown && (allowed & FieldNames.Bit(member.Id)) != 0)
            {
                continue;
            }

            var name = member.Id == FieldId.Unknown ? JsonText.GetName(json, member) : FieldNames.Of(member.Id);
            var owner = FieldSets.KindOwning(name);
            var hint = kind is not null && owner is not null
                ? $"; it belongs to {owner}, not {kind}"
                : FieldSets.Closest(name, allowedNames) is { } suggestion ? $"; did you mean \"{suggestion}\"?" : string.Empty;
            errors.Add(Path("." + name), $"unknown field \"{name}\"{hint}");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsText(in FieldValue value, FieldId id, int listIndex, bool required)
    {
        if (value.Type != JsonTokenType.String)
        {
            errors.Add(ItemPath(id, listIndex), $"expected a string, found {JsonText.Describe(json, value)}");
            return false;
        }

        if (required && JsonText.IsBlank(json, value))
        {
            errors.Add(ItemPath(id, listIndex), "must not be empty");
            return false;
        }

        return true;
    }

    private string ItemPath(FieldId id, int listIndex) => listIndex < 0 ? Path(id) : $"{Path(id)}[{listIndex}]";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private DateOnly? Date(FieldId id, in FieldValue value)
    {
        if (value.Type == JsonTokenType.String && JsonText.TryGetDate(json, value, out var date))
        {
            return date;
        }

        Error(id, $"bad date {JsonText.RawText(json, value)}: expected a calendar date written YYYY-MM-DD");
        return null;
    }
}

/// <summary>Enum values as the format spells them, matched on UTF-8 bytes.</summary>
internal static class WireValues<TEnum>
    where TEnum : struct, Enum
{
    private static readonly (byte[] Utf8, TEnum Value)[] Table =
        [.. Enum.GetValues<TEnum>().Select(value => (Encoding.UTF8.GetBytes(WireNames.ToWire(value)), value))];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> json, in FieldValue value, out TEnum parsed)
    {
        if (value.Escaped)
        {
            return WireNames.TryParse(JsonText.GetString(json, value), out parsed);
        }

        var content = JsonText.Content(json, value);
        foreach (var (utf8, candidate) in Table)
        {
            if (content.SequenceEqual(utf8))
            {
                parsed = candidate;
                return true;
            }
        }

        parsed = default;
        return false;
    }
}
