using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using System.Text;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Formats.Json;

/// <summary>Gives out shared copies of strings: see <see cref="StringPool"/> and <see cref="EntityDirectory"/>.</summary>
internal interface ITextShare
{
    /// <summary>The string with these UTF-8 bytes (a string's content as it lies in the file, without escapes).</summary>
    string Get(ReadOnlySpan<byte> utf8);

    string Get(string text);
}

/// <summary>
/// Shares short strings that repeat from row to row (country codes, tags, documents), so a million rows hold a few
/// dozen copies. Remembers at most <see cref="MaxStrings"/> strings; past that, new ones are just allocated.
/// </summary>
internal sealed class StringPool : ITextShare
{
    public const int MaxLength = 64;
    public const int MaxStrings = 65_536;

    private readonly Utf8StringTable strings = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var number = strings.Find(utf8);
        if (number >= 0)
        {
            return strings[number];
        }

        return strings.Count < MaxStrings ? strings[strings.Add(utf8)] : Encoding.UTF8.GetString(utf8);
    }

    public string Get(string text)
    {
        if (text.Length > MaxLength)
        {
            return text;
        }

        var number = strings.Find(text);
        if (number >= 0)
        {
            return strings[number];
        }

        return strings.Count < MaxStrings ? strings[strings.FindOrAdd(text)] : text;
    }
}

/// <summary>
/// Shares source lists: identical <c>sources</c> arrays (the same raw JSON bytes) give the same list instance, read
/// and checked once. Generated data repeats a few dozen lists millions of times. Remembers at most
/// <see cref="MaxLists"/> lists of at most <see cref="MaxBytes"/> bytes each; others are read every time.
/// </summary>
internal sealed class SourceListPool
{
    public const int MaxLists = 65_536;
    public const int MaxBytes = 8 * 1024;

    private readonly ByteKeyTable rawLists = new();
    private readonly List<IReadOnlyList<Source>> lists = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(ReadOnlySpan<byte> rawJson, out IReadOnlyList<Source> sources)
    {
        var number = rawLists.Find(rawJson);
        sources = number >= 0 ? lists[number] : [];
        return number >= 0;
    }

    /// <summary>The list to use for these bytes from now on: read-only, as it is shared.</summary>
    public IReadOnlyList<Source> Add(ReadOnlySpan<byte> rawJson, List<Source> sources)
    {
        if (lists.Count >= MaxLists || rawJson.Length > MaxBytes)
        {
            return sources;
        }

        var shared = new ReadOnlyCollection<Source>(sources);
        rawLists.Add(rawJson);
        lists.Add(shared);
        return shared;
    }
}
