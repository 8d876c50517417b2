namespace SupplyGraph.Formats;

/// <summary>
/// A read-only, forward-only stream over another that hands reads through unchanged. Derived streams look at each
/// read in <see cref="OnRead"/> (to count or check the bytes); used as is with <c>leaveOpen</c>, it keeps a caller's
/// stream open when the reader disposes what it was given.
/// </summary>
public class PassThroughStream(Stream inner, bool leaveOpen = false) : Stream
{
    private long bytesRead;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    /// <summary>The bytes read so far; it cannot be set.</summary>
    public override long Position { get => bytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Passed(buffer[..read], buffer.Length);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Passed(buffer.Span[..read], buffer.Length);
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

    /// <summary>
    /// Sees each read before it is returned: the bytes read (none at the end of the stream) and the size asked for.
    /// Throwing here fails the read.
    /// </summary>
    protected virtual void OnRead(ReadOnlySpan<byte> read, int asked)
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Passed(ReadOnlySpan<byte> read, int asked)
    {
        OnRead(read, asked);
        bytesRead += read.Length;
    }
}
