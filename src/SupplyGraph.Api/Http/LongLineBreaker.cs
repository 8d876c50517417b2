using System.Text;

namespace SupplyGraph.Api.Http;

/// <summary>
/// Breaks the long lines of a GraphQL document between its tokens, so that no syntax error lands far along a line
/// (<see cref="BoundedDocumentParser"/>). Where a line grows past half of <see cref="BreakLinesLongerThan"/>, the next
/// ignored character (space, tab, comma) becomes a line break; where there is none, as in a minified query
/// (<c>{a:entity(ref:"x"){id}b:…}</c>), a line break is inserted between two tokens where GraphQL allows ignored
/// characters: around punctuators, strings and characters no token starts with, before <c>$</c>, <c>@</c> and
/// <c>...</c>. Never inside a string, comment, name or number, and never between <c>$</c> or <c>@</c> and its name.
/// The copy therefore has the same tokens, and the positions of the inserted breaks map its offsets back.
/// </summary>
internal static class LongLineBreaker
{
    /// <summary>Lines longer than this are broken.</summary>
    public const int BreakLinesLongerThan = 512;

    private const int BreakAfter = BreakLinesLongerThan / 2;

    /// <summary>Breaks the long lines of <paramref name="text"/>, whose line breaks must all be <c>\n</c>.</summary>
    public static BrokenLines Break(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new StringBuilder(text.Length + (text.Length / BreakAfter) + 1);
        var insertions = new List<int>();
        var lineLength = 0;
        var breakableAfterPrevious = true;
        LongToken? longest = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                output.Append(c);
                lineLength = 0;
                breakableAfterPrevious = true;
                i++;
                continue;
            }

            if (c is ' ' or '\t' or ',')
            {
                // Ignored characters: one of them becomes the break, the copy stays as long.
                var breakHere = lineLength > BreakAfter;
                output.Append(breakHere ? '\n' : c);
                lineLength = breakHere ? 0 : lineLength + 1;
                breakableAfterPrevious = true;
                i++;
                continue;
            }

            var token = Scan(text, i);
            if (lineLength > BreakAfter && (breakableAfterPrevious || token.BreakableBefore))
            {
                insertions.Add(output.Length);
                output.Append('\n');
                lineLength = 0;
            }

            output.Append(text, i, token.End - i);
            var lastBreak = text.LastIndexOf('\n', token.End - 1, token.End - i);
            lineLength = lastBreak < 0 ? lineLength + (token.End - i) : token.End - lastBreak - 1;
            if (token.Kind is not null && LongestLine(text, i, token.End) is var length && length > (longest?.Length ?? 0))
            {
                longest = new LongToken(i, length, token.Kind);
            }

            breakableAfterPrevious = token.BreakableAfter;
            i = token.End;
        }

        if (lineLength > BreakAfter)
        {
            // A document that ends far along a line ("unexpected end") has its error on a line of its own.
            insertions.Add(output.Length);
            output.Append('\n');
        }

        return new BrokenLines(text, output.ToString(), [.. insertions], longest);
    }

    /// <summary>
    /// The token at <paramref name="start"/>: where it ends, whether a line break may go before and after it, and for
    /// the tokens the parser can stop inside (strings, numbers), what it is called.
    /// </summary>
    private static Token Scan(string text, int start)
    {
        var c = text[start];
        switch (c)
        {
            case '#':
                var lineEnd = text.IndexOf('\n', start);
                return new Token(lineEnd < 0 ? text.Length : lineEnd, null, BreakableBefore: true, BreakableAfter: true);
            case '"' when At(text, start, "\"\"\""):
                return new Token(EndOfBlockString(text, start + 3), "block string line", BreakableBefore: true, BreakableAfter: true);
            case '"':
                return new Token(EndOfString(text, start + 1), "string", BreakableBefore: true, BreakableAfter: true);
            case '.' when At(text, start, "..."):
                return new Token(start + 3, null, BreakableBefore: true, BreakableAfter: true);
            case '$' or '@':
                // The variable's or directive's name follows at once.
                return new Token(start + 1, null, BreakableBefore: true, BreakableAfter: false);
            case '-' or (>= '0' and <= '9'):
                return new Token(EndOf(text, start, IsNumberCharacter), "number", BreakableBefore: false, BreakableAfter: false);
            case '_' or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z'):
                return new Token(EndOf(text, start, IsNameCharacter), null, BreakableBefore: false, BreakableAfter: false);
            default:
                // A punctuator ({ } ( ) [ ] : = ! | &), or a character no token starts with: the parse stops there
                // either way, so a break around it changes nothing but where the line ends.
                return new Token(start + 1, null, BreakableBefore: true, BreakableAfter: true);
        }
    }

    private static bool At(string text, int index, string expected) =>
        string.CompareOrdinal(text, index, expected, 0, expected.Length) == 0;

    private static bool IsNameCharacter(char c) => c is '_' or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9');

    // Wider than a valid number (1e+5, 0.5, and what the parser refuses, such as 1a): all of it is one run it can stop in.
    private static bool IsNumberCharacter(char c) => IsNameCharacter(c) || c is '.' or '+' or '-';

    private static int EndOf(string text, int start, Func<char, bool> belongs)
    {
        var i = start + 1;
        while (i < text.Length && belongs(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>After the closing quote, or at the end of the line of a string left open.</summary>
    private static int EndOfString(string text, int i)
    {
        while (i < text.Length && text[i] is not ('"' or '\n'))
        {
            i += text[i] == '\\' ? 2 : 1;
        }

        return i < text.Length && text[i] == '"' ? i + 1 : Math.Min(i, text.Length);
    }

    /// <summary>After the closing <c>"""</c> (an escaped <c>\"""</c> does not close it), or at the end of the text.</summary>
    private static int EndOfBlockString(string text, int i)
    {
        while (i < text.Length)
        {
            if (At(text, i, "\\\"\"\""))
            {
                i += 4;
            }
            else if (At(text, i, "\"\"\""))
            {
                return i + 3;
            }
            else
            {
                i++;
            }
        }

        return text.Length;
    }

    private static int LongestLine(string text, int start, int end)
    {
        var longest = 0;
        var current = 0;
        for (var i = start; i < end; i++)
        {
            current = text[i] == '\n' ? 0 : current + 1;
            longest = Math.Max(longest, current);
        }

        return longest;
    }

    private readonly record struct Token(int End, string? Kind, bool BreakableBefore, bool BreakableAfter);
}

/// <summary>The longest string, line of a block string or number of a document: where it starts in it, how long, what it is.</summary>
internal sealed record LongToken(int Start, int Length, string Kind);

/// <summary>A document's copy with its long lines broken, and what maps the copy's offsets back to the original's.</summary>
internal sealed record BrokenLines(string Original, string Text, int[] Insertions, LongToken? LongestToken)
{
    /// <summary>The original's offset of the copy's <paramref name="copyOffset"/> (an inserted break maps to the character after it).</summary>
    public int OriginalOffset(int copyOffset)
    {
        var index = Array.BinarySearch(Insertions, copyOffset);
        var insertedBefore = index >= 0 ? index : ~index;
        return copyOffset - insertedBefore;
    }
}
