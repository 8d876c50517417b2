using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using SupplyGraph.Api.GraphQL.Errors;

namespace SupplyGraph.Api.Http;

/// <summary>
/// Parses a GraphQL document in time that grows with its length, not its square. The parser's error message draws a
/// caret under the error's column one space at a time (quadratic in the column: a syntax error 200 KB along one line
/// cost 104 CPU-seconds), so a document with long lines is first parsed as a copy whose ignored characters (spaces,
/// tabs, commas outside strings and comments) are turned into line breaks where a line grows long. The copy has the
/// same tokens at the same offsets: when it parses, so does the original (parsed then, for the true locations); when it
/// does not, its error is reported at the original's line and column.
/// </summary>
internal sealed class BoundedDocumentParser(IDocumentBuilder documentBuilder)
{
    /// <summary>Lines longer than this are broken in the copy.</summary>
    public const int BreakLinesLongerThan = 512;

    /// <summary>A line that cannot be broken below this (one long string or name) is refused.</summary>
    public const int MaxUnbreakableLine = 4096;

    public ParsedDocument Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);

        // The parser's error message also splits lines on \n alone while it counts \r as a line break too, and then
        // indexes past its array (an IndexOutOfRangeException, a 500): a copy with \n line breaks only avoids it.
        if (LongestLine(query) <= BreakLinesLongerThan && !query.Contains('\r', StringComparison.Ordinal))
        {
            return TryBuild(query, original: null);
        }

        var copy = BreakLongLines(OnlyNewlines(query));
        var longest = LongestLine(copy);
        if (longest > MaxUnbreakableLine)
        {
            return ParsedDocument.Refused(
                ErrorCodes.QueryTooLarge,
                $"The query has a run of {longest} characters that cannot be broken over lines (a long string or name); at most {MaxUnbreakableLine} are read.");
        }

        var parsedCopy = TryBuild(copy, original: query);
        return parsedCopy.Document is null ? parsedCopy : TryBuild(query, original: null);
    }

    private ParsedDocument TryBuild(string text, string? original)
    {
        try
        {
            return ParsedDocument.Parsed(documentBuilder.Build(text));
        }
        catch (SyntaxError wrapped) when (wrapped.InnerException is GraphQLSyntaxErrorException syntax)
        {
            var error = wrapped;
            if (original is not null && error.Locations is { Count: > 0 } locations)
            {
                // The copy's line and column, moved to the original's (same offset, fewer line breaks).
                var offset = OffsetOf(text, syntax.Location.Line, syntax.Location.Column);
                var (line, column) = LineAndColumn(original, offset);
                locations.Clear();
                error.AddLocation(new Location(line, column));
            }

            return ParsedDocument.Failed(error);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return ParsedDocument.Refused(
                ErrorCodes.QueryTooDeep,
                "The query nests deeper than the parser reads (selections, fragments, lists and objects in values all count); flatten it.");
        }
        catch (Exception exception) when (exception is IndexOutOfRangeException or ArgumentException or InvalidOperationException)
        {
            // The parser failed while describing an error: still the client's malformed query, never a 500.
            return ParsedDocument.Refused(ErrorCodes.ParseFailed, "The query could not be parsed: it is not a well-formed GraphQL document.");
        }
        catch (SyntaxError other)
        {
            return ParsedDocument.Failed(other);
        }
    }

    /// <summary>The same text, as long, with \r\n written " \n" and a lone \r written \n: the same line breaks, one character for them.</summary>
    internal static string OnlyNewlines(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '\r')
            {
                chars[i] = i + 1 < chars.Length && chars[i + 1] == '\n' ? ' ' : '\n';
            }
        }

        return new string(chars);
    }

    /// <summary>The same text with spaces, tabs and commas outside strings and comments turned into line breaks on long lines.</summary>
    internal static string BreakLongLines(string text)
    {
        var chars = text.ToCharArray();
        var lineLength = 0;
        var i = 0;
        while (i < chars.Length)
        {
            var c = chars[i];
            if (c is '\n' or '\r')
            {
                lineLength = 0;
                i++;
            }
            else if (c == '#')
            {
                // A comment runs to the end of its line.
                while (i < chars.Length && chars[i] is not ('\n' or '\r'))
                {
                    i++;
                }
            }
            else if (c == '"' && i + 2 < chars.Length && chars[i + 1] == '"' && chars[i + 2] == '"')
            {
                i = SkipBlockString(chars, i + 3, ref lineLength);
            }
            else if (c == '"')
            {
                i = SkipString(chars, i + 1, ref lineLength);
            }
            else if (c is ' ' or '\t' or ',' && lineLength > BreakLinesLongerThan / 2)
            {
                chars[i++] = '\n';
                lineLength = 0;
            }
            else
            {
                lineLength++;
                i++;
            }
        }

        return new string(chars);
    }

    private static int SkipString(char[] chars, int i, ref int lineLength)
    {
        lineLength++;
        while (i < chars.Length && chars[i] is not ('"' or '\n' or '\r'))
        {
            i += chars[i] == '\\' ? 2 : 1;
            lineLength += 2;
        }

        lineLength++;
        return i + 1;
    }

    private static int SkipBlockString(char[] chars, int i, ref int lineLength)
    {
        lineLength += 3;
        while (i < chars.Length)
        {
            if (chars[i] == '\\' && i + 3 < chars.Length && chars[i + 1] == '"' && chars[i + 2] == '"' && chars[i + 3] == '"')
            {
                i += 4;
                lineLength += 4;
            }
            else if (chars[i] == '"' && i + 2 < chars.Length && chars[i + 1] == '"' && chars[i + 2] == '"')
            {
                lineLength += 3;
                return i + 3;
            }
            else
            {
                lineLength = chars[i] is '\n' or '\r' ? 0 : lineLength + 1;
                i++;
            }
        }

        return i;
    }

    internal static int LongestLine(string text)
    {
        var longest = 0;
        var current = 0;
        foreach (var c in text)
        {
            current = c is '\n' or '\r' ? 0 : current + 1;
            longest = Math.Max(longest, current);
        }

        return longest;
    }

    private static int OffsetOf(string text, int line, int column)
    {
        var offset = 0;
        for (var current = 1; current < line && offset < text.Length; offset++)
        {
            if (IsLineEnd(text, offset))
            {
                current++;
            }
        }

        return Math.Min(text.Length, offset + column - 1);
    }

    private static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (IsLineEnd(text, i))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    // \r\n is one line break, counted at its \n.
    private static bool IsLineEnd(string text, int i) =>
        text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'));
}

/// <summary>A parsed document, or the error to answer instead: a syntax error, or a limit the document passes.</summary>
internal sealed record ParsedDocument(GraphQLDocument? Document, SyntaxError? SyntaxError, string? RefusalCode, string? RefusalMessage)
{
    public static ParsedDocument Parsed(GraphQLDocument document) => new(document, null, null, null);

    public static ParsedDocument Failed(SyntaxError error) => new(null, error, null, null);

    public static ParsedDocument Refused(string code, string message) => new(null, null, code, message);
}
