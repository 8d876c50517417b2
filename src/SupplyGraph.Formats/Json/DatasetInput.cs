using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace SupplyGraph.Formats.Json;

/// <summary>
/// The reader's view of a dataset stream: one pooled buffer, refilled from the stream, checked as UTF-8 as it arrives,
/// and grown only when a single value the parser must see whole does not fit. The parser sees
/// <see cref="Window"/>: the bytes it still needs, up to the last complete UTF-8 sequence.
/// Also turns file offsets into line and column, counting the lines of bytes before they are dropped.
/// </summary>
internal sealed class DatasetInput : IDisposable
{
    private readonly Stream stream;
    private readonly DatasetReadStatistics? statistics;
    private byte[] buffer;

    // buffer[start..checkedEnd) is the window; buffer[checkedEnd..end) was read but ends inside a UTF-8 sequence.
    private int start;
    private int checkedEnd;
    private int end;
    private long bufferOffset;
    private LinePosition bufferStart = LinePosition.FileStart;
    private LinePosition cursor = LinePosition.FileStart;

    public DatasetInput(Stream stream, int initialSize, DatasetReadStatistics? statistics)
    {
        this.stream = stream;
        this.statistics = statistics;
        buffer = ArrayPool<byte>.Shared.Rent(Math.Max(16, initialSize));
        Record();
    }

    /// <summary>The stream has ended and every byte read was checked.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>True once a byte other than JSON whitespace was seen.</summary>
    public bool HasContent { get; private set; }

    /// <summary>File offset of the first byte that is not UTF-8, once <see cref="Fill"/> returned false.</summary>
    public long InvalidUtf8Offset { get; private set; } = -1;

    /// <summary>The bytes the parser has not consumed yet, all valid UTF-8.</summary>
    public ReadOnlySpan<byte> Window => buffer.AsSpan(start, checkedEnd - start);

    /// <summary>File offset of the first byte of <see cref="Window"/>.</summary>
    public long WindowOffset => bufferOffset + start;

    /// <summary>The parser is done with the first <paramref name="count"/> bytes of the window.</summary>
    public void Consume(int count) => start += count;

    /// <summary>Reads more of the stream. False when the new bytes are not UTF-8 (see <see cref="InvalidUtf8Offset"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Fill()
    {
        if (IsComplete)
        {
            throw new InvalidOperationException("The stream has already ended.");
        }

        Compact();
        if (end == buffer.Length)
        {
            Grow();
        }

        var wanted = buffer.Length - end;
        var read = stream.ReadAtLeast(buffer.AsSpan(end, wanted), wanted, throwOnEndOfStream: false);
        var endOfStream = read < wanted;
        end += read;
        if (statistics is not null)
        {
            statistics.BytesRead += read;
        }

        var fresh = buffer.AsSpan(checkedEnd, end - checkedEnd);
        var complete = endOfStream ? fresh.Length : Utf8Chunks.CompleteLength(fresh);
        var checkedNow = fresh[..complete];
        if (!Utf8.IsValid(checkedNow))
        {
            InvalidUtf8Offset = bufferOffset + checkedEnd + Utf8Chunks.FirstInvalidOffset(checkedNow);
            return false;
        }

        if (!HasContent && checkedNow.IndexOfAnyExcept(" \t\r\n"u8) >= 0)
        {
            HasContent = true;
        }

        checkedEnd += complete;
        IsComplete = endOfStream;
        return true;
    }

    /// <summary>Reads and checks the rest of the stream without parsing it. False when it is not UTF-8.</summary>
    public bool CheckRest()
    {
        while (!IsComplete)
        {
            start = checkedEnd;
            if (!Fill())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Line and column (both from 1, the column in bytes) of a file offset still in the buffer.</summary>
    public (int Line, int Column) PositionOf(long offset)
    {
        if (offset < bufferOffset || offset > bufferOffset + end)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "The offset is no longer in the buffer.");
        }

        cursor = offset >= cursor.Offset ? Forward(cursor, offset) : Backward(cursor, offset);
        var column = offset - cursor.LineStart + 1;
        return (cursor.Line, (int)Math.Min(column, int.MaxValue));
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    private void Compact()
    {
        if (start == 0)
        {
            return;
        }

        // Count the lines of the bytes about to be dropped: errors found later still need their line numbers.
        bufferStart = Forward(bufferStart, bufferOffset + start);
        if (cursor.Offset < bufferStart.Offset)
        {
            cursor = bufferStart;
        }

        buffer.AsSpan(start, end - start).CopyTo(buffer);
        bufferOffset += start;
        checkedEnd -= start;
        end -= start;
        start = 0;
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
        buffer.AsSpan(0, end).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
        Record();
    }

    private void Record()
    {
        if (statistics is not null)
        {
            statistics.LargestBuffer = Math.Max(statistics.LargestBuffer, buffer.Length);
        }
    }

    private LinePosition Forward(LinePosition origin, long offset)
    {
        var bytes = buffer.AsSpan((int)(origin.Offset - bufferOffset), (int)(offset - origin.Offset));
        var lastNewline = bytes.LastIndexOf((byte)'\n');
        return lastNewline < 0
            ? origin with { Offset = offset }
            : new LinePosition(offset, origin.Line + bytes.Count((byte)'\n'), origin.Offset + lastNewline + 1);
    }

    private LinePosition Backward(LinePosition origin, long offset)
    {
        var skipped = buffer.AsSpan((int)(offset - bufferOffset), (int)(origin.Offset - offset));
        var newlines = skipped.Count((byte)'\n');
        if (newlines == 0)
        {
            return origin with { Offset = offset };
        }

        var before = buffer.AsSpan(0, (int)(offset - bufferOffset));
        var lastNewline = before.LastIndexOf((byte)'\n');
        var lineStart = lastNewline >= 0 ? bufferOffset + lastNewline + 1 : bufferStart.LineStart;
        return new LinePosition(offset, origin.Line - newlines, lineStart);
    }

    /// <summary>A file offset with the line it is on and where that line starts.</summary>
    private readonly record struct LinePosition(long Offset, int Line, long LineStart)
    {
        public static LinePosition FileStart { get; } = new(0, 1, 0);
    }
}
