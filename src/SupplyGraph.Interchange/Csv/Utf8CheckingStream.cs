using System.Text;
using System.Text.Unicode;

namespace SupplyGraph.Interchange.Csv;

/// <summary>Thrown by <see cref="Utf8CheckingStream"/> at the first byte that is not UTF-8.</summary>
internal sealed class NotUtf8Exception(int line, int column, string message) : IOException(message)
{
    public int Line { get; } = line;

    /// <summary>1-based, in bytes from the start of the line (as the JSON reader counts columns).</summary>
    public int Column { get; } = column;
}

/// <summary>
/// Passes a stream through, checking as it goes that it is UTF-8, and stops at the first bad byte with its line and
/// column. The CSV parser reads bytes and would otherwise turn bad bytes into U+FFFD silently. Only the line count and
/// a few bytes of an unfinished character are kept, whatever the stream's size.
/// </summary>
internal sealed class Utf8CheckingStream(Stream inner) : Stream
{
    private readonly byte[] pending = new byte[4];
    private int pendingCount;
    private int line = 1;
    private long lineStart;
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Check(buffer[..read], atEnd: read == 0);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Check(buffer.Span[..read], atEnd: read == 0);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Check(ReadOnlySpan<byte> chunk, bool atEnd)
    {
        if (atEnd)
        {
            if (pendingCount > 0)
            {
                Fail(position - pendingCount, "the file ends inside a character");
            }

            return;
        }

        // A character cut by the end of the previous read: finish it with the first bytes of this one.
        var start = 0;
        if (pendingCount > 0)
        {
            var needed = Math.Min(SequenceLength(pending[0]) - pendingCount, chunk.Length);
            chunk[..needed].CopyTo(pending.AsSpan(pendingCount));
            pendingCount += needed;
            var status = Rune.DecodeFromUtf8(pending.AsSpan(0, pendingCount), out _, out var consumed);
            if (status == System.Buffers.OperationStatus.NeedMoreData)
            {
                position += needed;
                return;
            }

            if (status != System.Buffers.OperationStatus.Done || consumed != pendingCount)
            {
                Fail(position - (pendingCount - needed), BadByteMessage(pending[0]));
            }

            start = needed;
            position += needed;
            pendingCount = 0;
        }

        var rest = chunk[start..];
        var complete = rest.Length - UnfinishedTail(rest);
        var body = rest[..complete];
        if (!Utf8.IsValid(body))
        {
            var bad = FirstBadByte(body);
            CountLines(body[..bad]);
            Fail(position + bad, BadByteMessage(body[bad]));
        }

        CountLines(body);
        position += complete;
        rest[complete..].CopyTo(pending);
        pendingCount = rest.Length - complete;
        position += pendingCount;
    }

    private void CountLines(ReadOnlySpan<byte> body)
    {
        var last = body.LastIndexOf((byte)'\n');
        if (last >= 0)
        {
            line += body.Count((byte)'\n');
            lineStart = position + last + 1;
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(long offset, string reason)
    {
        // Lines are counted up to the checked part; offset is past it, on the current line or in the chunk being checked.
        throw new NotUtf8Exception(line, (int)(offset - lineStart) + 1, reason);
    }

    private static int FirstBadByte(ReadOnlySpan<byte> body)
    {
        var index = 0;
        while (index < body.Length)
        {
            if (Rune.DecodeFromUtf8(body[index..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return body.Length;
    }

    // Bytes at the end that begin a character the next read finishes (0 when the last character is whole).
    private static int UnfinishedTail(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) != 0x80)
            {
                // A lead byte: unfinished if its sequence is longer than what is left.
                return SequenceLength(b) > back ? back : 0;
            }
        }

        return 0;
    }

    private static int SequenceLength(byte lead) => lead switch
    {
        < 0x80 => 1,
        >= 0xC2 and < 0xE0 => 2,
        >= 0xE0 and < 0xF0 => 3,
        >= 0xF0 and < 0xF5 => 4,
        _ => 1,
    };

    private static string BadByteMessage(byte value) =>
        $"not UTF-8: byte 0x{value:X2} is not a valid character here; save the file as UTF-8";
}
