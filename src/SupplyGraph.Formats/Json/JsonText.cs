using System.Buffers.Text;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using SupplyGraph.Domain.Datasets;

namespace SupplyGraph.Formats.Json;

/// <summary>Values of a <see cref="FieldValue"/> read from the bytes it points into, as <c>JsonElement</c> would give them.</summary>
internal static class JsonText
{
    /// <summary>The dataset file's JSON: comments allowed and skipped, as the reader always allowed them.</summary>
    public static readonly JsonReaderOptions FileOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The value the reader is on, reading past it if it is an object or array. False when the data ends first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryValue(ref Utf8JsonReader reader, out FieldValue value)
    {
        var type = reader.TokenType;
        var start = (int)reader.TokenStartIndex;
        switch (type)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                if (!reader.TrySkip())
                {
                    value = default;
                    return false;
                }

                value = new FieldValue(type, start, (int)reader.BytesConsumed, false);
                return true;
            case JsonTokenType.String:
                value = new FieldValue(type, start, start + reader.ValueSpan.Length + 2, reader.ValueIsEscaped);
                return true;
            default:
                value = new FieldValue(type, start, start + reader.ValueSpan.Length, false);
                return true;
        }
    }

    /// <summary>A string's bytes between its quotes, escapes not undone.</summary>
    public static ReadOnlySpan<byte> Content(ReadOnlySpan<byte> json, in FieldValue value) =>
        json.Slice(value.Start + 1, value.End - value.Start - 2);

    public static ReadOnlySpan<byte> Raw(ReadOnlySpan<byte> json, in FieldValue value) => json[value.Start..value.End];

    /// <summary>The value's JSON text as written, as <c>JsonElement.GetRawText</c> gives it.</summary>
    public static string RawText(ReadOnlySpan<byte> json, in FieldValue value) => Encoding.UTF8.GetString(Raw(json, value));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string GetString(ReadOnlySpan<byte> json, in FieldValue value) =>
        value.Escaped ? Unescape(Raw(json, value)) : Encoding.UTF8.GetString(Content(json, value));

    /// <summary>A member name's text, escapes undone.</summary>
    public static string GetName(ReadOnlySpan<byte> json, in MemberName name) =>
        GetString(json, new FieldValue(JsonTokenType.String, name.Start, name.Start + name.Length + 2, name.Escaped));

    /// <summary>True for a string that is empty or white space only (<see cref="string.IsNullOrWhiteSpace"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsBlank(ReadOnlySpan<byte> json, in FieldValue value)
    {
        var content = Content(json, value);
        if (content.IsEmpty)
        {
            return true;
        }

        // Almost every value starts with a visible ASCII character: no need to decode it to know.
        var first = content[0];
        if (!value.Escaped && first < 0x80 && first != (byte)' ' && (first < 0x09 || first > 0x0D))
        {
            return false;
        }

        return string.IsNullOrWhiteSpace(GetString(json, value));
    }

    public static bool TryGetInt32(ReadOnlySpan<byte> json, in FieldValue value, out int number)
    {
        var raw = Raw(json, value);
        return Utf8Parser.TryParse(raw, out number, out var consumed) && consumed == raw.Length;
    }

    public static bool TryGetInt64(ReadOnlySpan<byte> json, in FieldValue value, out long number)
    {
        var raw = Raw(json, value);
        return Utf8Parser.TryParse(raw, out number, out var consumed) && consumed == raw.Length;
    }

    /// <summary>A date written YYYY-MM-DD, by the same rule as <c>DateOnly.TryParseExact(text, "yyyy-MM-dd")</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryGetDate(ReadOnlySpan<byte> json, in FieldValue value, out DateOnly date)
    {
        if (!value.Escaped)
        {
            var parsed = TryParseIsoDate(Content(json, value), out date, out var decided);
            if (decided)
            {
                return parsed;
            }
        }

        return DateOnly.TryParseExact(GetString(json, value), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>"an object", "the string \"x\"", …: how error messages name a value.</summary>
    public static string Describe(ReadOnlySpan<byte> json, in FieldValue value) => value.Type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => $"the string \"{GetString(json, value)}\"",
        JsonTokenType.Number => $"the number {RawText(json, value)}",
        JsonTokenType.True or JsonTokenType.False => $"the boolean {RawText(json, value)}",
        JsonTokenType.Null => "null",
        _ => value.Type.ToString(),
    };

    private static string Unescape(ReadOnlySpan<byte> quoted)
    {
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString()!;
    }

    // The common shape, ten ASCII bytes dddd-dd-dd, is decided here; anything else goes to DateOnly.TryParseExact.
    private static bool TryParseIsoDate(ReadOnlySpan<byte> text, out DateOnly date, out bool decided) =>
        IsoDate.TryParse(text, out date, out decided);
}
