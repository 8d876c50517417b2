using System.Text;

namespace SupplyGraph.Formats.Notes;

/// <summary>A note's bytes as text: strict UTF-8 (a bad byte is located, not replaced), split into lines.</summary>
internal static class NoteText
{
    /// <summary>The note's lines (without line ends), or null after reporting why the bytes are not a note.</summary>
    public static string[]? Decode(ReadOnlySpan<byte> bytes, NoteErrorSink errors)
    {
        if (Utf8Checker.FirstFault(bytes) is { } fault)
        {
            errors.Add(NoteErrorSink.TextPath, fault.Line, fault.CharacterColumn, $"the note is not UTF-8: byte 0x{fault.Value:X2} is not valid here; save the note as UTF-8");
            return null;
        }

        var bom = Encoding.UTF8.Preamble;
        var text = Encoding.UTF8.GetString(bytes.StartsWith(bom) ? bytes[bom.Length..] : bytes);
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
