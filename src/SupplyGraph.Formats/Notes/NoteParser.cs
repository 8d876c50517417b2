using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SupplyGraph.Formats.Rules;

namespace SupplyGraph.Formats.Notes;

/// <summary>
/// Reads a note's structure with Markdig (headings, paragraphs, list items, code) and its front matter with YamlDotNet.
/// Only structure is taken: the title, the aliases, tags, the "Related" list and where the other links are. Prose is
/// never mined; links inside code are not links.
/// </summary>
internal static partial class NoteParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <summary>The note, or null after reporting why it cannot be read (encoding, emptiness, front matter, Related lines).</summary>
    public static ParsedNote? Parse(string file, ReadOnlySpan<byte> bytes, NoteErrorSink errors)
    {
        var lines = NoteText.Decode(bytes, errors);
        if (lines is null)
        {
            return null;
        }

        var frontMatter = FrontMatter.Read(lines, errors);
        if (frontMatter is null)
        {
            return null;
        }

        // Markdig sees the body only, with the front matter blanked so its line numbers stay the note's.
        var bodyLines = lines.Select((line, index) => index < frontMatter.LineCount ? string.Empty : line).ToArray();
        var body = string.Join('\n', bodyLines);
        var lineStarts = LineStarts(bodyLines);
        var document = Markdown.Parse(body, Pipeline);
        var before = errors.Count;

        var related = ReadRelated(document, lines, errors, out var relatedParagraphs);
        var codeSpans = document.Descendants<CodeInline>().Select(code => (code.Span.Start, code.Span.End)).ToArray();
        var links = new List<WikiLink>();
        var inlineTags = new List<Located<string>>();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block is not (ParagraphBlock or HeadingBlock) || relatedParagraphs.Contains(block))
            {
                continue;
            }

            for (var line = block.Line; line < lines.Length && lineStarts[line] <= block.Span.End; line++)
            {
                links.AddRange(LinksIn(lines[line], line, lineStarts[line], codeSpans));
                if (block is ParagraphBlock)
                {
                    inlineTags.AddRange(TagsIn(lines[line], line));
                }
            }
        }

        var tags = frontMatter.List(FieldNames.Tags, errors, split: true).Concat(frontMatter.List("tag", errors, split: true))
            .Select(tag => tag with { Value = tag.Value.TrimStart('#').ToLowerInvariant() })
            .Concat(inlineTags)
            .Where(tag => tag.Value.Length > 0)
            .ToList();
        var aliases = frontMatter.List(FieldNames.Aliases, errors).Concat(frontMatter.List("alias", errors)).ToList();
        var title = frontMatter.Text("title", errors) ?? FirstHeading(document, lines) ?? BoldLead(document, lines)
            ?? new Located<string>(Path.GetFileNameWithoutExtension(file), 0, 0);

        return errors.Count > before ? null : new ParsedNote(file, lines, frontMatter, title, aliases, tags, related, links);
    }

    private static int[] LineStarts(string[] lines)
    {
        var starts = new int[lines.Length + 1];
        for (var i = 0; i < lines.Length; i++)
        {
            starts[i + 1] = starts[i] + lines[i].Length + 1;
        }

        return starts;
    }

    private static Located<string>? FirstHeading(MarkdownDocument document, string[] lines)
    {
        var heading = document.Descendants<HeadingBlock>().FirstOrDefault(block => block.Level == 1);
        if (heading is null)
        {
            return null;
        }

        var text = WithoutLinkBrackets(InlineText(heading.Inline)).Trim();
        var column = lines[heading.Line].IndexOf(text, StringComparison.Ordinal);
        return text.Length == 0 ? null : new Located<string>(text, heading.Line + 1, column < 0 ? heading.Column + 1 : column + 1);
    }

    // "**DeepSeek** — Hangzhou-based AI lab": the bold words opening the first paragraph (tag lines aside).
    private static Located<string>? BoldLead(MarkdownDocument document, string[] lines)
    {
        var first = document.OfType<ParagraphBlock>().FirstOrDefault(paragraph => !IsTagLine(lines[paragraph.Line]));
        if (first?.Inline?.FirstChild is not EmphasisInline { DelimiterCount: 2 } bold)
        {
            return null;
        }

        var text = WithoutLinkBrackets(InlineText(bold)).Trim();
        return text.Length == 0 ? null : new Located<string>(text, first.Line + 1, bold.Column + 1);
    }

    private static List<RelatedItem> ReadRelated(MarkdownDocument document, string[] lines, NoteErrorSink errors, out HashSet<Block> consumed)
    {
        consumed = new HashSet<Block>(ReferenceEqualityComparer.Instance);
        var items = new List<RelatedItem>();
        foreach (var heading in document.Descendants<HeadingBlock>().Where(IsRelatedHeading).ToList())
        {
            var parent = heading.Parent!;
            for (var i = parent.IndexOf(heading) + 1; i < parent.Count && parent[i] is not HeadingBlock; i++)
            {
                if (parent[i] is not ListBlock list)
                {
                    continue;
                }

                foreach (var item in list.OfType<ListItemBlock>())
                {
                    if (item.FirstOrDefault() is not ParagraphBlock paragraph)
                    {
                        continue;
                    }

                    consumed.Add(paragraph);
                    if (ReadRelatedItem(lines[paragraph.Line], paragraph.Line, paragraph.Column, errors) is { } related)
                    {
                        items.Add(related);
                    }
                }
            }
        }

        return items;
    }

    private static bool IsRelatedHeading(HeadingBlock heading) =>
        string.Equals(InlineText(heading.Inline).Trim(), "Related", StringComparison.OrdinalIgnoreCase);

    private static RelatedItem? ReadRelatedItem(string line, int lineIndex, int column, NoteErrorSink errors)
    {
        var content = line[column..].TrimEnd();
        var match = RelatedLine().Match(content);
        if (!match.Success)
        {
            errors.Add(NoteErrorSink.RelatedPath, lineIndex + 1, column + 1, $"expected \"[[Target]] — role (description)\", found \"{content}\"");
            return null;
        }

        var link = new WikiLink(match.Groups["target"].Value.Trim(), match.Groups["link"].Value, lineIndex + 1, column + 1);
        var role = RoleMapping.Normalize(match.Groups["role"].Value);
        if (role.Length == 0)
        {
            errors.Add(NoteErrorSink.RelatedPath, lineIndex + 1, column + 1, $"{link.Text} has no role: write \"{link.Text} — role (description)\"");
            return null;
        }

        var description = match.Groups[FieldNames.Description] is { Success: true } group && group.Value.Trim().Length > 0 ? group.Value.Trim() : null;
        return new RelatedItem(link, role, description);
    }

    private static IEnumerable<WikiLink> LinksIn(string line, int lineIndex, int lineStart, (int Start, int End)[] codeSpans)
    {
        foreach (Match match in WikiLinkPattern().Matches(line))
        {
            var start = lineStart + match.Index;
            var target = match.Groups["target"].Value.Trim();
            var embedded = match.Index > 0 && line[match.Index - 1] == '!';
            if (target.Length == 0 || embedded || codeSpans.Any(span => span.Start <= start && start <= span.End))
            {
                continue;
            }

            yield return new WikiLink(target, match.Value, lineIndex + 1, match.Index + 1);
        }
    }

    private static IEnumerable<Located<string>> TagsIn(string line, int lineIndex)
    {
        if (!IsTagLine(line))
        {
            yield break;
        }

        foreach (Match match in TagPattern().Matches(line))
        {
            yield return new Located<string>(match.Groups["tag"].Value.ToLowerInvariant(), lineIndex + 1, match.Index + 1);
        }
    }

    // A line of tags only ("#actor #china #ai"): Obsidian's inline tags; a tag is not all digits.
    private static bool IsTagLine(string line) =>
        TagLinePattern().IsMatch(line) && TagPattern().Matches(line).All(match => !match.Groups["tag"].Value.All(char.IsAsciiDigit));

    private static string WithoutLinkBrackets(string text) => WikiLinkPattern().Replace(text, match =>
        match.Groups["shown"].Success ? match.Groups["shown"].Value : match.Groups["target"].Value);

    private static string InlineText(ContainerInline? container)
    {
        var text = new StringBuilder();
        Append(container);
        return text.ToString();

        void Append(Inline? inline)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline children:
                    foreach (var child in children)
                    {
                        Append(child);
                    }

                    break;
            }
        }
    }

    [GeneratedRegex(@"\[\[(?<target>[^\[\]|#]*)(?:#[^\[\]|]*)?(?:\|(?<shown>[^\[\]]*))?\]\]")]
    private static partial Regex WikiLinkPattern();

    [GeneratedRegex(@"^(?<link>\[\[(?<target>[^\[\]|#]+)(?:#[^\[\]|]*)?(?:\|[^\[\]]*)?\]\])\s*(?:[—–:-]\s*(?<role>[^()]*?)\s*(?:\((?<description>.*)\))?)?\s*$")]
    private static partial Regex RelatedLine();

    [GeneratedRegex(@"^\s*#[\p{L}\p{N}_/-]+(?:\s+#[\p{L}\p{N}_/-]+)*\s*$")]
    private static partial Regex TagLinePattern();

    [GeneratedRegex(@"#(?<tag>[\p{L}\p{N}_/-]+)")]
    private static partial Regex TagPattern();
}
