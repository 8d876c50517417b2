using System.Runtime.CompilerServices;
using System.Text.Json;
using SupplyGraph.Formats.Rules;

namespace SupplyGraph.Formats.Json;

/// <summary>
/// Where one JSON value lies in the bytes being read: its token type and its raw extent, strings with their quotes
/// and objects and arrays from bracket to bracket.
/// </summary>
internal readonly record struct FieldValue(JsonTokenType Type, int Start, int End, bool Escaped);

/// <summary>A member name as read: which known name it is, and where its raw text lies (for unknown names).</summary>
internal readonly record struct MemberName(FieldId Id, int Start, int Length, bool Escaped);

/// <summary>
/// The members of one JSON object, read in one pass without allocating: for each known name its value (the last one,
/// as <c>JsonElement.TryGetProperty</c> finds it, and where its first one starts, as error positions point there), and
/// in order, the members that a check of allowed fields might reject. Reused from object to object.
/// </summary>
internal sealed class ObjectFields
{
    private readonly FieldValue[] values = new FieldValue[FieldNames.Count];
    private readonly int[] firstStarts = new int[FieldNames.Count];
    private readonly int[] generations = new int[FieldNames.Count];
    private readonly List<MemberName> extras = [];
    private int generation;

    /// <summary>Members whose names are not always allowed, in file order.</summary>
    public List<MemberName> Extras => extras;

    public bool TryGet(FieldId id, out FieldValue value)
    {
        if (generations[(int)id] == generation)
        {
            value = values[(int)id];
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Start of the first value of the member, or -1.</summary>
    public int FirstStart(FieldId id) => generations[(int)id] == generation ? firstStarts[(int)id] : -1;

    /// <summary>
    /// Reads the members of the object whose start the reader is on, through its end. False when the reader's data ends
    /// first (the caller then reads the object again with more data).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryRead(ref Utf8JsonReader reader, ulong alwaysAllowed)
    {
        Clear();
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return true;
            }

            var nameStart = (int)reader.TokenStartIndex;
            var nameLength = reader.ValueSpan.Length;
            var nameEscaped = reader.ValueIsEscaped;
            var id = nameEscaped ? FieldNames.Identify(reader.GetString()!) : FieldNames.Identify(reader.ValueSpan);
            if (!reader.Read() || !JsonText.TryValue(ref reader, out var value))
            {
                return false;
            }

            if ((alwaysAllowed & FieldNames.Bit(id)) == 0)
            {
                extras.Add(new MemberName(id, nameStart, nameLength, nameEscaped));
            }

            if (id != FieldId.Unknown)
            {
                Set(id, value);
            }
        }
    }

    private void Clear()
    {
        extras.Clear();
        if (generation == int.MaxValue)
        {
            Array.Clear(generations);
            generation = 0;
        }

        generation++;
    }

    private void Set(FieldId id, FieldValue value)
    {
        var index = (int)id;
        if (generations[index] != generation)
        {
            generations[index] = generation;
            firstStarts[index] = value.Start;
        }

        values[index] = value;
    }
}
