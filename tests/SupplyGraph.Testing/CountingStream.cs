using SupplyGraph.Formats;

namespace SupplyGraph.Testing;

/// <summary>Passes a stream through, counting the bytes read and the largest single read asked for.</summary>
public sealed class CountingStream(Stream inner) : PassThroughStream(inner)
{
    public long BytesRead => Position;

    /// <summary>The size asked for is what the reader buffers; the size returned may be less.</summary>
    public int LargestRead { get; private set; }

    protected override void OnRead(ReadOnlySpan<byte> read, int asked) => LargestRead = Math.Max(LargestRead, asked);
}
