using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Formats.Json;

/// <summary>What the file has said so far about an entity id.</summary>
internal enum EntityState : byte
{
    /// <summary>Only referred to (yet): no entity with this id was read.</summary>
    Unknown,

    /// <summary>An entity with this id was read and failed its own checks (its references are not reported again).</summary>
    Failed,

    /// <summary>A valid entity has this id; the first one defines it.</summary>
    Valid,
}

/// <summary>
/// Every entity id of the file, each numbered once: whether a valid entity has it (and its kind and index), whether a
/// failed one does. Keeps one string per id, shared by the rows that name it. Looked up by the id's UTF-8 bytes.
/// </summary>
internal sealed class EntityDirectory : ITextShare
{
    private readonly Utf8StringTable ids = new();
    private Entry[] entries = new Entry[32];

    /// <summary>The number of the id, or -1 when the file has not mentioned it.</summary>
    public int Find(ReadOnlySpan<byte> utf8) => ids.Find(utf8);

    public int Find(ReadOnlySpan<char> id) => ids.Find(id);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FindOrAdd(ReadOnlySpan<byte> utf8)
    {
        var number = ids.Find(utf8);
        return number >= 0 ? number : Added(ids.Add(utf8));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FindOrAdd(string id)
    {
        var before = ids.Count;
        var number = ids.FindOrAdd(id);
        return ids.Count > before ? Added(number) : number;
    }

    public string Id(int number) => ids[number];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    string ITextShare.Get(ReadOnlySpan<byte> utf8)
    {
        var number = ids.Find(utf8);
        return number >= 0 ? ids[number] : Encoding.UTF8.GetString(utf8);
    }

    string ITextShare.Get(string text)
    {
        var number = ids.Find(text);
        return number >= 0 ? ids[number] : text;
    }

    public EntityState State(int number, out EntityKind kind)
    {
        var entry = entries[number];
        kind = entry.Kind;
        return entry.State;
    }

    /// <summary>Records a valid entity. Returns -1, or the index of the entity that already has the id.</summary>
    public int Define(int number, int index, EntityKind kind)
    {
        ref var entry = ref entries[number];
        if (entry.State == EntityState.Valid)
        {
            return entry.Index;
        }

        entry = new Entry(EntityState.Valid, kind, index);
        return -1;
    }

    public void MarkFailed(string id)
    {
        var number = FindOrAdd(id);
        ref var entry = ref entries[number];
        if (entry.State == EntityState.Unknown)
        {
            entry = entry with { State = EntityState.Failed };
        }
    }

    private int Added(int number)
    {
        if (number == entries.Length)
        {
            Array.Resize(ref entries, entries.Length * 2);
        }

        return number;
    }

    private readonly record struct Entry(EntityState State, EntityKind Kind, int Index);
}

/// <summary>
/// Relationship keys already used, to find duplicates. A key "from/TYPE/to" whose ends are known ids is held as three
/// numbers rather than a string: four million keys then cost tens of megabytes, not hundreds.
/// </summary>
internal sealed class RelationshipKeys(EntityDirectory directory)
{
    private const int MaxPackedNumber = (1 << 30) - 1;

    private readonly LongKeyTable pairs = new();
    private readonly Dictionary<string, int> texts = new(StringComparer.Ordinal);

    /// <summary>Records the key of the relationship at <paramref name="index"/>. Returns -1, or the index that has it already.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Add(string key, int fromNumber, RelationshipType type, int toNumber, bool isExplicit, int index)
    {
        if (!isExplicit && !directory.Id(fromNumber).Contains('/') && !directory.Id(toNumber).Contains('/'))
        {
            return Add(fromNumber, type, toNumber, key, index);
        }

        // "x/TYPE/y" with ids x and y the file mentions is the same key whether written as an id or made from the ends.
        if (TrySplit(key, out var from, out var keyType, out var to))
        {
            var x = directory.Find(from);
            var y = directory.Find(to);
            if (x >= 0 && y >= 0)
            {
                return Add(x, keyType, y, key, index);
            }
        }

        return AddText(key, index);
    }

    // Ends and type packed in 64 bits (30 + 30 + 4); ids numbered past 2^30 fall back to the key text, consistently.
    private int Add(int from, RelationshipType type, int to, string key, int index)
    {
        if (from > MaxPackedNumber || to > MaxPackedNumber)
        {
            return AddText(key, index);
        }

        var packed = (((ulong)from << 34) | ((ulong)to << 4) | (ulong)type) + 1;
        return pairs.TryAdd(packed, index, out var first) ? -1 : first;
    }

    private int AddText(string key, int index)
    {
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(texts, key, out var exists);
        if (exists)
        {
            return first;
        }

        first = index;
        return -1;
    }

    private static bool TrySplit(string key, out ReadOnlySpan<char> from, out RelationshipType type, out ReadOnlySpan<char> to)
    {
        from = to = default;
        type = default;
        var text = key.AsSpan();
        var firstSlash = text.IndexOf('/');
        if (firstSlash < 0)
        {
            return false;
        }

        var rest = text[(firstSlash + 1)..];
        var secondSlash = rest.IndexOf('/');
        if (secondSlash < 0 || rest[(secondSlash + 1)..].Contains('/'))
        {
            return false;
        }

        from = text[..firstSlash];
        to = rest[(secondSlash + 1)..];
        return RelationshipTypes.TryParse(rest[..secondSlash].ToString(), out type);
    }
}
