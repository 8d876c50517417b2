using System.Runtime.CompilerServices;

namespace SupplyGraph.Domain.Questions;

/// <summary>
/// An array of structs a walk appends to and empties without freeing, so the next walk reuses its capacity: the
/// arenas behind route listing, which would otherwise be a few hundred thousand small objects per hub answer.
/// </summary>
/// <remarks>
/// A reference from the indexer is only good until the next append (which may move the items to a larger array);
/// a span over earlier items stays readable after one (it keeps the old array, whose items no longer change).
/// </remarks>
internal sealed class GrowingArray<T>
    where T : struct
{
    private T[] items;

    public GrowingArray(int capacity = 16) => items = new T[Math.Max(1, capacity)];

    public int Count { get; private set; }

    /// <summary>The memory the array holds, whatever it is filled to.</summary>
    public long Bytes => (long)items.Length * Unsafe.SizeOf<T>();

    public ref T this[int index] => ref items[index];

    public ReadOnlySpan<T> Slice(int start, int length) => items.AsSpan(start, length);

    public int Add(in T item)
    {
        if (Count == items.Length)
        {
            Grow(Count + 1);
        }

        items[Count] = item;
        return Count++;
    }

    /// <summary>Makes room for <paramref name="count"/> items at the end and returns where they start; they hold stale values until written.</summary>
    public int Reserve(int count)
    {
        if (Count + count > items.Length)
        {
            Grow(Count + count);
        }

        var start = Count;
        Count += count;
        return start;
    }

    /// <summary>Drops the items from <paramref name="count"/> on (a stack's pop).</summary>
    public void Truncate(int count) => Count = count;

    public void Clear() => Count = 0;

    /// <summary>Empties the array and lets its memory go, keeping room for <paramref name="capacity"/> items.</summary>
    public void TrimTo(int capacity)
    {
        Count = 0;
        items = new T[Math.Max(1, capacity)];
    }

    private void Grow(int needed) => Array.Resize(ref items, Math.Max(needed, items.Length * 2));
}
