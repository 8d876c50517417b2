namespace SupplyGraph.Formats;

/// <summary>Thrown by <see cref="Utf8CheckingStream"/> at the first byte that is not UTF-8.</summary>
internal sealed class NotUtf8Exception(Utf8Fault fault) : IOException(MessageOf(fault))
{
    public Utf8Fault Fault { get; } = fault;

    public int Line => Fault.Line;

    /// <summary>1-based, in bytes from the start of the line (as the JSON reader counts columns).</summary>
    public int Column => Fault.ByteColumn;

    private static string MessageOf(Utf8Fault fault) => fault.EndsInsideCharacter
        ? "the file ends inside a character"
        : $"not UTF-8: byte 0x{fault.Value:X2} is not a valid character here; save the file as UTF-8";
}

/// <summary>
/// Passes a stream through, checking as it goes that it is UTF-8, and stops at the first bad byte with a
/// <see cref="NotUtf8Exception"/> that locates it (see <see cref="Utf8Fault"/>): each format reports the column it
/// counts in. Without it, readers turn bad bytes into U+FFFD silently.
/// </summary>
internal sealed class Utf8CheckingStream(Stream inner) : PassThroughStream(inner)
{
    private readonly Utf8Checker checker = new();

    protected override void OnRead(ReadOnlySpan<byte> read, int asked)
    {
        // Nothing read for a buffer of some size is the end of the stream.
        var fault = read.IsEmpty && asked > 0 ? checker.End() : checker.Check(read);
        if (fault is { } found)
        {
            throw new NotUtf8Exception(found);
        }
    }
}
