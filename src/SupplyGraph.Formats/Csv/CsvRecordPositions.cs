namespace SupplyGraph.Formats.Csv;

/// <summary>
/// Where each field of a record starts in the file, found by walking the record's raw bytes with the RFC 4180 rules
/// the reader uses (a quoted field may hold commas and line breaks). Done only for a record with an error.
/// </summary>
internal static class CsvRecordPositions
{
    /// <summary>
    /// The line and 1-based column (in bytes, as the JSON reader counts) of field <paramref name="fieldIndex"/> of a
    /// record that starts at column 1 of <paramref name="recordLine"/>; past the last field, the end of the record.
    /// </summary>
    public static (int Line, int Column) Of(ReadOnlySpan<byte> raw, int recordLine, int fieldIndex)
    {
        var line = recordLine;
        var lineStart = 0;
        var field = 0;
        var fieldStart = 0;
        var quoted = false;
        for (var i = 0; i < raw.Length && field < fieldIndex; i++)
        {
            var b = raw[i];
            if (b == (byte)'"' && quoted)
            {
                // A doubled quote is an escaped quote inside the field; a single one closes it.
                if (i + 1 < raw.Length && raw[i + 1] == (byte)'"')
                {
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (b == (byte)'"' && i == fieldStart)
            {
                quoted = true;
            }
            else if (b == (byte)',' && !quoted)
            {
                field++;
                fieldStart = i + 1;
            }
            else if (b == (byte)'\n' || (b == (byte)'\r' && (i + 1 == raw.Length || raw[i + 1] != (byte)'\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        var start = field == fieldIndex ? fieldStart : raw.Length;
        return (line, start - lineStart + 1);
    }
}
