using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Formats.Notes;

/// <summary>A <c>[[wiki link]]</c> as written (<see cref="Text"/>) and the name it points at.</summary>
internal sealed record WikiLink(string Target, string Text, int Line, int Column);

/// <summary>One line of the "Related" list: <c>[[Target]] — role (description)</c>.</summary>
internal sealed record RelatedItem(WikiLink Link, string Role, string? Description);

/// <summary>The structure of one note: front matter, title, aliases, tags, the Related list and the other links.</summary>
internal sealed record ParsedNote(
    string File,
    string[] Lines,
    FrontMatter FrontMatter,
    Located<string> Title,
    IReadOnlyList<Located<string>> Aliases,
    IReadOnlyList<Located<string>> Tags,
    IReadOnlyList<RelatedItem> Related,
    IReadOnlyList<WikiLink> Links)
{
    /// <summary>The document facts cite: the note's file name.</summary>
    public string DocumentName => Path.GetFileName(File);

    /// <summary>True when nothing in the note names it and the title is its file name.</summary>
    public bool TitleFromFileName => Title.Line == 0;

    /// <summary>The source of a fact taken from <paramref name="line"/> (1-based): the file name and the line's text.</summary>
    public Source SourceOf(int line) =>
        line == 0 ? new Source(DocumentName, FileNameLocator) : new Source(DocumentName, $"{LinePrefix}{line}: {Lines[line - 1].Trim()}");

    /// <summary>True for a source <see cref="SourceOf"/> makes for this note (any line): what a new reading replaces.</summary>
    public bool IsOwnCitation(Source source) =>
        source.Document == DocumentName && source.Url is null
        && (source.Locator == FileNameLocator || source.Locator.StartsWith(LinePrefix, StringComparison.Ordinal));

    private const string FileNameLocator = "file name";
    private const string LinePrefix = "line ";
}
