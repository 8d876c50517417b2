using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SupplyGraph.Formats;

/// <summary>
/// Where the first byte that is not UTF-8 is. Lines and columns count from 1; <see cref="ByteColumn"/> counts the
/// bytes from the start of the line (as the JSON and CSV readers do), <see cref="CharacterColumn"/> the UTF-16
/// characters (as text readers, YamlDotNet and the notes do), not counting a byte order mark at the file's start.
/// </summary>
internal readonly record struct Utf8Fault(long Offset, int Line, int ByteColumn, int CharacterColumn, byte Value, bool EndsInsideCharacter);

/// <summary>
/// Checks bytes as UTF-8 chunk by chunk, as they arrive, and locates the first bad byte. A character cut by the end of
/// one chunk is finished with the next. Only the line count and a few bytes of an unfinished character are kept,
/// however many bytes pass.
/// </summary>
internal sealed class Utf8Checker
{
    private readonly byte[] pending = new byte[4];
    private int pendingCount;

    // Everything before offset was checked and counted; pending holds the bytes at offset of an unfinished character.
    private long offset;
    private int line = 1;
    private long lineStart;
    private long characters;

    /// <summary>The first bad byte of the whole of <paramref name="bytes"/>, or null when it is all UTF-8.</summary>
    public static Utf8Fault? FirstFault(ReadOnlySpan<byte> bytes)
    {
        var checker = new Utf8Checker();
        return checker.Check(bytes) ?? checker.End();
    }

    /// <summary>Checks the next chunk: the first bad byte, or null when it is UTF-8 so far.</summary>
    public Utf8Fault? Check(ReadOnlySpan<byte> chunk)
    {
        // A character cut by the end of the previous chunk: finish it with the first bytes of this one.
        var used = 0;
        while (pendingCount > 0 && used < chunk.Length)
        {
            pending[pendingCount++] = chunk[used++];
            var sequence = pending.AsSpan(0, pendingCount);
            var status = Rune.DecodeFromUtf8(sequence, out var rune, out _);
            if (status == OperationStatus.NeedMoreData)
            {
                continue;
            }

            if (status != OperationStatus.Done)
            {
                return FaultHere(endsInsideCharacter: false);
            }

            Count(sequence, rune.Utf16SequenceLength);
            pendingCount = 0;
        }

        var rest = chunk[used..];
        var complete = Utf8Chunks.CompleteLength(rest);
        var body = rest[..complete];
        if (!Utf8.IsValid(body))
        {
            var bad = (int)Utf8Chunks.FirstInvalidOffset(body);
            Count(body[..bad]);
            return FaultHere(endsInsideCharacter: false, body[bad]);
        }

        Count(body);
        rest[complete..].CopyTo(pending.AsSpan(pendingCount));
        pendingCount += rest.Length - complete;
        return null;
    }

    /// <summary>The stream ended: a fault when it ends inside a character (or with the start of a bad one).</summary>
    public Utf8Fault? End()
    {
        if (pendingCount == 0)
        {
            return null;
        }

        var status = Rune.DecodeFromUtf8(pending.AsSpan(0, pendingCount), out _, out _);
        return FaultHere(endsInsideCharacter: status == OperationStatus.NeedMoreData);
    }

    private Utf8Fault FaultHere(bool endsInsideCharacter, byte? value = null) => new(
        offset,
        line,
        (int)Math.Min(offset - lineStart + 1, int.MaxValue),
        (int)Math.Min(characters + 1, int.MaxValue),
        value ?? pending[0],
        endsInsideCharacter);

    // Moves past valid bytes, keeping the line, where it starts and how many characters of it came so far.
    private void Count(ReadOnlySpan<byte> valid, int? utf16Length = null)
    {
        var start = offset;
        offset += valid.Length;
        if (start == 0 && valid.StartsWith("\uFEFF"u8))
        {
            // A byte order mark is no character of the first line.
            valid = valid[3..];
            utf16Length = null;
            start += 3;
        }

        var lastNewline = valid.LastIndexOf((byte)'\n');
        if (lastNewline >= 0)
        {
            line += valid.Count((byte)'\n');
            lineStart = start + lastNewline + 1;
            characters = 0;
            valid = valid[(lastNewline + 1)..];
        }

        characters += utf16Length ?? Utf16Length(valid);
    }

    private static long Utf16Length(ReadOnlySpan<byte> valid)
    {
        long length = 0;
        foreach (var b in valid)
        {
            // One per lead byte, two for a four-byte sequence (a surrogate pair); none for continuation bytes.
            length += (b & 0xC0) == 0x80 ? 0 : b >= 0xF0 ? 2 : 1;
        }

        return length;
    }
}
