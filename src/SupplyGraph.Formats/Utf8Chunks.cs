using System.Text.Unicode;

namespace SupplyGraph.Formats;

/// <summary>UTF-8 checks that work chunk by chunk: a sequence cut by the chunk's end is checked with the next chunk.</summary>
internal static class Utf8Chunks
{
    /// <summary>Length of <paramref name="bytes"/> without a trailing sequence that the next chunk may complete.</summary>
    public static int CompleteLength(ReadOnlySpan<byte> bytes)
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

    /// <summary>Offset of the first byte of the first invalid sequence, or -1.</summary>
    public static long FirstInvalidOffset(ReadOnlySpan<byte> bytes)
    {
        Span<char> scratch = stackalloc char[1024];
        long offset = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(bytes, scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            switch (status)
            {
                case System.Buffers.OperationStatus.Done:
                    return -1;
                case System.Buffers.OperationStatus.DestinationTooSmall:
                    offset += read;
                    bytes = bytes[read..];
                    break;
                default:
                    return offset + read;
            }
        }
    }
}
