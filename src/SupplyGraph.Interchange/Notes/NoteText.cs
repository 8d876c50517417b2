using System.Text;
using System.Text.Unicode;

namespace SupplyGraph.Interchange.Notes;

/// <summary>A note's bytes as text: strict UTF-8 (a bad byte is located, not replaced), split into lines.</summary>
internal static class NoteText
{
    /// <summary>The note's lines (without line ends), or null after reporting why the bytes are not a note.</summary>
    public static string[]? Decode(ReadOnlySpan<byte> bytes, NoteErrorSink errors)
    {
        var bom = Encoding.UTF8.Preamble;
        if (bytes.StartsWith(bom))
        {
            bytes = bytes[bom.Length..];
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false, isFinalBlock: true);
        if (status != System.Buffers.OperationStatus.Done)
        {
            var before = bytes[..bytesRead];
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            var line = before.Count((byte)'\n') + 1;
            var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
            errors.Add(NoteErrorSink.TextPath, line, column, $"the note is not UTF-8: byte 0x{bytes[bytesRead]:X2} is not valid here; save the note as UTF-8");
            return null;
        }

        var text = new string(chars, 0, charsWritten);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(NoteErrorSink.TextPath, 1, 1, "the note is empty: write at least a title (a `# Title` heading or front matter `title`)");
            return null;
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].EndsWith('\r'))
            {
                lines[i] = lines[i][..^1];
            }
        }

        return lines;
    }
}
