using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace SupplyGraph.Formats.Json;

/// <summary>
/// Strings looked up by their UTF-8 bytes, as they lie in the file, without decoding them first; each string gets a
/// number (0, 1, 2, … in order of adding). Open addressing: one probe usually touches one slot and one string.
/// The reader's own tables are written out rather than taken from the framework because they are the hot path of a
/// gigabyte read, and must be fast from the first row (see <see cref="MethodImplOptions.AggressiveOptimization"/>).
/// </summary>
internal sealed class Utf8StringTable
{
    private const int StackBytes = 256;

    // Each slot: the string's hash (high 32 bits) and its number + 1 (low 32 bits); 0 is empty.
    private ulong[] slots = new ulong[64];
    private string[] strings = new string[32];
    private int count;

    public int Count => count;

    public string this[int number] => strings[number];

    /// <summary>The number of the string with these UTF-8 bytes, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(ReadOnlySpan<byte> utf8)
    {
        var hash = ByteHash.Of(utf8);
        var mask = slots.Length - 1;
        for (var i = (int)hash & mask; ; i = (i + 1) & mask)
        {
            var slot = slots[i];
            if (slot == 0)
            {
                return -1;
            }

            var number = (int)(uint)slot - 1;
            if ((uint)(slot >> 32) == hash && Utf8Text.Equals(strings[number], utf8))
            {
                return number;
            }
        }
    }

    public int Find(ReadOnlySpan<char> text)
    {
        byte[]? rented = null;
        var utf8 = Utf8Text.Encode(text, stackalloc byte[StackBytes], ref rented);
        try
        {
            return Find(utf8);
        }
        finally
        {
            Utf8Text.Return(rented);
        }
    }

    /// <summary>Adds a string the table does not hold; <paramref name="text"/> is it decoded, when the caller has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Add(ReadOnlySpan<byte> utf8, string? text = null)
    {
        if (count == strings.Length)
        {
            Array.Resize(ref strings, count * 2);
        }

        if (count >= slots.Length / 2)
        {
            Grow();
        }

        var number = count++;
        strings[number] = text ?? Encoding.UTF8.GetString(utf8);
        Place(((ulong)ByteHash.Of(utf8) << 32) | (uint)(number + 1));
        return number;
    }

    public int FindOrAdd(ReadOnlySpan<byte> utf8)
    {
        var number = Find(utf8);
        return number >= 0 ? number : Add(utf8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FindOrAdd(string text)
    {
        byte[]? rented = null;
        var utf8 = Utf8Text.Encode(text, stackalloc byte[StackBytes], ref rented);
        try
        {
            var number = Find(utf8);
            return number >= 0 ? number : Add(utf8, text);
        }
        finally
        {
            Utf8Text.Return(rented);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Grow()
    {
        var old = slots;
        slots = new ulong[old.Length * 2];
        foreach (var slot in old)
        {
            if (slot != 0)
            {
                Place(slot);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Place(ulong slot)
    {
        var mask = slots.Length - 1;
        var i = (int)(slot >> 32) & mask;
        while (slots[i] != 0)
        {
            i = (i + 1) & mask;
        }

        slots[i] = slot;
    }
}

/// <summary>Byte strings (kept as copies), each numbered once: the raw JSON of source lists.</summary>
internal sealed class ByteKeyTable
{
    private ulong[] slots = new ulong[64];
    private byte[][] keys = new byte[32][];
    private int count;

    public int Count => count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(ReadOnlySpan<byte> key)
    {
        var hash = ByteHash.Of(key);
        var mask = slots.Length - 1;
        for (var i = (int)hash & mask; ; i = (i + 1) & mask)
        {
            var slot = slots[i];
            if (slot == 0)
            {
                return -1;
            }

            var number = (int)(uint)slot - 1;
            if ((uint)(slot >> 32) == hash && key.SequenceEqual(keys[number]))
            {
                return number;
            }
        }
    }

    /// <summary>Adds a key the table does not hold.</summary>
    public int Add(ReadOnlySpan<byte> key)
    {
        if (count == keys.Length)
        {
            Array.Resize(ref keys, count * 2);
        }

        if (count >= slots.Length / 2)
        {
            var old = slots;
            slots = new ulong[old.Length * 2];
            foreach (var slot in old)
            {
                if (slot != 0)
                {
                    Place(slot);
                }
            }
        }

        var number = count++;
        keys[number] = key.ToArray();
        Place(((ulong)ByteHash.Of(key) << 32) | (uint)(number + 1));
        return number;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Place(ulong slot)
    {
        var mask = slots.Length - 1;
        var i = (int)(slot >> 32) & mask;
        while (slots[i] != 0)
        {
            i = (i + 1) & mask;
        }

        slots[i] = slot;
    }
}

/// <summary>
/// A set of 64-bit keys (never 0), each with the int it was added with: the relationship keys already used.
/// Twelve bytes a key at most half full, so four million keys take about 100 MB.
/// </summary>
internal sealed class LongKeyTable
{
    private ulong[] keys = new ulong[1024];
    private int[] values = new int[1024];
    private int count;
    private int shift = 64 - 10;

    /// <summary>Adds the key with the value; if it is there already, returns false and the value it came with.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(ulong key, int value, out int existing)
    {
        if (count >= keys.Length / 2)
        {
            Grow();
        }

        var mask = keys.Length - 1;
        for (var i = Index(key); ; i = (i + 1) & mask)
        {
            var current = keys[i];
            if (current == key)
            {
                existing = values[i];
                return false;
            }

            if (current == 0)
            {
                keys[i] = key;
                values[i] = value;
                count++;
                existing = -1;
                return true;
            }
        }
    }

    // Fibonacci hashing: the high bits of key × 2^64/φ.
    private int Index(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> shift);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Grow()
    {
        var oldKeys = keys;
        var oldValues = values;
        keys = new ulong[oldKeys.Length * 2];
        values = new int[oldKeys.Length * 2];
        shift--;
        var mask = keys.Length - 1;
        for (var j = 0; j < oldKeys.Length; j++)
        {
            if (oldKeys[j] == 0)
            {
                continue;
            }

            var i = Index(oldKeys[j]);
            while (keys[i] != 0)
            {
                i = (i + 1) & mask;
            }

            keys[i] = oldKeys[j];
            values[i] = oldValues[j];
        }
    }
}

/// <summary>
/// A fast hash of a short byte string (ids, names, raw JSON of a source list), seeded per process so that a file
/// cannot be made of ids that collide by design (it is not a cryptographic defence).
/// </summary>
internal static class ByteHash
{
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint Of(ReadOnlySpan<byte> bytes)
    {
        var hash = Seed ^ (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xFF51AFD7ED558CCDUL;
            hash ^= hash >> 29;
            bytes = bytes[8..];
        }

        if (bytes.Length >= 4)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt32LittleEndian(bytes)) * 0xFF51AFD7ED558CCDUL;
            hash ^= hash >> 29;
            bytes = bytes[4..];
        }

        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        hash ^= hash >> 33;
        return (uint)hash;
    }
}

/// <summary>Comparing and encoding strings against UTF-8 bytes without allocating.</summary>
internal static class Utf8Text
{
    /// <summary>True when <paramref name="text"/> encodes to exactly <paramref name="utf8"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Equals(string text, ReadOnlySpan<byte> utf8)
    {
        if (text.Length == utf8.Length && Ascii.Equals(utf8, text))
        {
            return true;
        }

        if (Ascii.IsValid(utf8) && Ascii.IsValid(text))
        {
            return false;
        }

        return Encoding.UTF8.GetByteCount(text) == utf8.Length && Encoding.UTF8.GetBytes(text).AsSpan().SequenceEqual(utf8);
    }

    public static ReadOnlySpan<byte> Encode(ReadOnlySpan<char> text, Span<byte> stack, ref byte[]? rented)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var buffer = length <= stack.Length ? stack : rented = ArrayPool<byte>.Shared.Rent(length);
        return buffer[..Encoding.UTF8.GetBytes(text, buffer)];
    }

    public static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
