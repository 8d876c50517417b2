using System.Buffers;
using System.IO.Pipelines;

namespace SupplyGraph.Formats.Yaml;

/// <summary>
/// Writes JSON tokens so that each value starts on the line and, where there is room, at the column of the YAML node it
/// came from; the JSON reader's line and column are then the YAML file's. Newlines and spaces between JSON tokens are
/// free, and YAML nodes come in document order, so lines only go forward. Punctuation and keys wait for the next value:
/// those on its line are written right before it, ending where it starts (so <c>name: x</c> puts <c>"x"</c> at x's
/// column, with <c>"name":</c> shifted left into the indentation); those on earlier lines go where their YAML was.
/// </summary>
internal sealed class JsonLayout(PipeWriter output)
{
    private readonly List<PendingToken> pending = [];
    private long line = 1;
    private long column = 1;

    /// <summary>Bytes written since the last <see cref="Flushed"/>.</summary>
    public long Unflushed { get; private set; }

    /// <summary>Bytes written in all.</summary>
    public long Written { get; private set; }

    /// <summary>A token written right after whatever comes before it: a comma, a closing bracket.</summary>
    public void Attached(byte[] token) => pending.Add(new PendingToken(token, 0, 0));

    /// <summary>A token that belongs at a YAML position (an opening bracket, a key with its colon) but may move left.</summary>
    public void Placed(byte[] token, long yamlLine, long yamlColumn) => pending.Add(new PendingToken(token, yamlLine, yamlColumn));

    /// <summary>A value: the tokens waiting before it are laid out, then it is written at its YAML position if there is room.</summary>
    public void Value(ReadOnlySpan<byte> token, long yamlLine, long yamlColumn)
    {
        var onValueLine = pending.FindIndex(token => token.Line >= yamlLine);
        var tailStart = onValueLine < 0 ? pending.Count : onValueLine;
        for (var i = 0; i < tailStart; i++)
        {
            WriteAt(pending[i].Text, pending[i].Line, pending[i].Column);
        }

        long tailLength = 0;
        for (var i = tailStart; i < pending.Count; i++)
        {
            tailLength += pending[i].Text.Length;
        }

        MoveTo(yamlLine, yamlColumn - tailLength);
        for (var i = tailStart; i < pending.Count; i++)
        {
            Write(pending[i].Text);
        }

        pending.Clear();
        WriteAt(token, yamlLine, yamlColumn);
    }

    /// <summary>Writes what is still waiting (the closing brackets at the end of the document).</summary>
    public void Finish()
    {
        foreach (var token in pending)
        {
            WriteAt(token.Text, token.Line, token.Column);
        }

        pending.Clear();
        Write("\n"u8);
    }

    public void Flushed() => Unflushed = 0;

    private void WriteAt(ReadOnlySpan<byte> token, long yamlLine, long yamlColumn)
    {
        if (yamlLine > 0)
        {
            MoveTo(yamlLine, yamlColumn);
        }

        Write(token);
    }

    // Goes down to the line, then right to the column; never back.
    private void MoveTo(long targetLine, long targetColumn)
    {
        if (targetLine > line)
        {
            Fill((byte)'\n', targetLine - line);
            line = targetLine;
            column = 1;
        }

        if (targetLine == line && targetColumn > column)
        {
            Fill((byte)' ', targetColumn - column);
        }
    }

    private void Fill(byte filler, long count)
    {
        while (count > 0)
        {
            var span = output.GetSpan(1);
            var length = (int)Math.Min(count, span.Length);
            span[..length].Fill(filler);
            output.Advance(length);
            Count(length);
            count -= length;
        }
    }

    private void Write(ReadOnlySpan<byte> token)
    {
        output.Write(token);
        Count(token.Length);
    }

    private void Count(int length)
    {
        column += length;
        Unflushed += length;
        Written += length;
    }

    private readonly record struct PendingToken(byte[] Text, long Line, long Column);
}
