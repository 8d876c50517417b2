using System.Text;
using SupplyGraph.Domain.Datasets;

namespace SupplyGraph.Interchange.Yaml;

/// <summary>
/// Passes a stream through, checked as UTF-8, so that a file in another encoding is an error at its first bad byte
/// (line and column) rather than text full of replacement characters. A sequence cut by the end of one read is held
/// back and checked with the next.
/// </summary>
internal sealed class Utf8CheckingStream(Stream inner, string fileName) : Stream
{
    private readonly byte[] heldBack = new byte[3];
    private int heldBackCount;
    private long offset;
    private int line = 1;
    private long charactersInLine;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.Length < heldBack.Length + 1)
        {
            throw new ArgumentException("Read at least four bytes at a time.", nameof(buffer));
        }

        heldBack.AsSpan(0, heldBackCount).CopyTo(buffer);
        var filled = heldBackCount;
        var read = inner.Read(buffer[filled..]);
        filled += read;
        var bytes = buffer[..filled];
        var complete = read == 0 ? filled : CompleteLength(bytes);
        Check(bytes[..complete]);
        heldBackCount = filled - complete;
        bytes[complete..].CopyTo(heldBack);
        if (complete == 0 && read > 0)
        {
            // Only the start of a sequence arrived: read on, so that 0 keeps meaning the end of the stream.
            return Read(buffer);
        }

        return complete;
    }

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

    // Length of the bytes without a trailing sequence that the next read may complete.
    private static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var lead = bytes[^back];
            if ((lead & 0xC0) == 0x80)
            {
                continue;
            }

            var length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            return length > back ? bytes.Length - back : bytes.Length;
        }

        return bytes.Length;
    }

    private void Check(ReadOnlySpan<byte> bytes)
    {
        var valid = System.Text.Unicode.Utf8.IsValid(bytes) ? bytes.Length : FirstInvalid(bytes);
        Count(bytes[..valid]);
        if (valid < bytes.Length)
        {
            throw new YamlRejectedException(new DatasetError(fileName, "$", line, (int)Math.Min(charactersInLine + 1, int.MaxValue), $"the file is not valid UTF-8 (first bad byte at offset {offset})"));
        }
    }

    // Keeps the line and the column (in characters, as YAML counts them) of the next byte.
    private void Count(ReadOnlySpan<byte> bytes)
    {
        var skipped = offset == 0 && bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        offset += bytes.Length;
        bytes = bytes[skipped..];
        var lastNewline = bytes.LastIndexOf((byte)'\n');
        if (lastNewline >= 0)
        {
            line += bytes.Count((byte)'\n');
            charactersInLine = 0;
            bytes = bytes[(lastNewline + 1)..];
        }

        foreach (var b in bytes)
        {
            charactersInLine += (b & 0xC0) == 0x80 ? 0 : 1;
        }
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length && Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            at += consumed;
        }

        return at;
    }
}
