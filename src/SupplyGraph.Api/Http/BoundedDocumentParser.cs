using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using SupplyGraph.Api.GraphQL.Errors;

namespace SupplyGraph.Api.Http;

/// <summary>
/// Parses a GraphQL document in time that grows with its length, not its square. The parser's error message draws a
/// caret under the error's column one space at a time (quadratic in the column: a syntax error 200 KB along one line
/// cost 104 CPU-seconds), so a document with long lines is first parsed as a copy in which long lines are broken
/// between tokens (<see cref="LongLineBreaker"/>). The copy has the same tokens: when it parses, so does the original
/// (parsed then, for the true locations); when it does not, its error is reported at the original's line and column.
/// Only a token the parser can stop inside (a string, a line of a block string, a number) cannot be broken: one longer
/// than <see cref="MaxTokenLength"/> is refused, with where it is.
/// </summary>
internal sealed class BoundedDocumentParser(IDocumentBuilder documentBuilder)
{
    /// <summary>Lines longer than this are broken in the copy.</summary>
    public const int BreakLinesLongerThan = LongLineBreaker.BreakLinesLongerThan;

    /// <summary>
    /// The longest string (or line of a block string) or number read: an error inside a longer one would cost the
    /// parser's caret drawing its square. Names have no such limit (the parser never stops inside a name).
    /// </summary>
    public const int MaxTokenLength = 4096;

    public ParsedDocument Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);

        // The parser's error message also splits lines on \n alone while it counts \r as a line break too, and then
        // indexes past its array (an IndexOutOfRangeException, a 500): a copy with \n line breaks only avoids it.
        if (LongestLine(query) <= BreakLinesLongerThan && !query.Contains('\r', StringComparison.Ordinal))
        {
            return TryBuild(query, copy: null);
        }

        var copy = LongLineBreaker.Break(OnlyNewlines(query));
        if (copy.LongestToken is { Length: > MaxTokenLength } token)
        {
            var (line, column) = LineAndColumn(query, token.Start);
            return ParsedDocument.Refused(
                ErrorCodes.QueryTooLarge,
                $"The query has a {token.Kind} of {token.Length} characters at line {line}, column {column}; a string (each line of a block string) "
                + $"or number may be at most {MaxTokenLength} characters long. Pass long text in a variable split over several, or shorten it.");
        }

        var parsedCopy = TryBuild(copy.Text, copy);
        return parsedCopy.Document is null ? parsedCopy : TryBuild(query, copy: null);
    }

    private ParsedDocument TryBuild(string text, BrokenLines? copy)
    {
        try
        {
            return ParsedDocument.Parsed(documentBuilder.Build(text));
        }
        catch (SyntaxError wrapped) when (wrapped.InnerException is GraphQLSyntaxErrorException syntax)
        {
            var error = wrapped;
            if (copy is not null && error.Locations is { Count: > 0 } locations)
            {
                // The copy's line and column, moved to the original's (the copy's offset less the line breaks inserted before it).
                var offset = copy.OriginalOffset(OffsetOf(text, syntax.Location.Line, syntax.Location.Column));
                var (line, column) = LineAndColumn(copy.Original, offset);
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
