using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupplyGraph.Formats.Notes;

/// <summary>A value taken from a note, with where it stands in the note (1-based line and column).</summary>
internal readonly record struct Located<T>(T Value, int Line, int Column);

/// <summary>
/// The YAML between a first line <c>---</c> and the next <c>---</c> (or <c>...</c>). Positions are the note's own:
/// YamlDotNet counts from the first line of the YAML, which is the note's second line.
/// </summary>
internal sealed class FrontMatter
{
    private const int FirstYamlLine = 2;

    private readonly Dictionary<string, (Located<string> Key, YamlNode Value)> fields;

    private FrontMatter(Dictionary<string, (Located<string> Key, YamlNode Value)> fields, int lineCount)
    {
        this.fields = fields;
        LineCount = lineCount;
    }

    public static FrontMatter None { get; } = new(new(StringComparer.OrdinalIgnoreCase), 0);

    /// <summary>Lines the front matter takes at the top of the note, fences included (0 when there is none).</summary>
    public int LineCount { get; }

    /// <summary>The keys in the order written.</summary>
    public IEnumerable<Located<string>> Keys => fields.Values.Select(entry => entry.Key).OrderBy(key => key.Line);

    /// <summary>The front matter of a note, <see cref="None"/> when it has none, or null after reporting why it is broken.</summary>
    public static FrontMatter? Read(string[] lines, NoteErrorSink errors)
    {
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return None;
        }

        var close = Array.FindIndex(lines, 1, line => line.TrimEnd() is "---" or "...");
        if (close < 0)
        {
            errors.Add(NoteErrorSink.FrontMatterPath, 1, 1, "the front matter opened on line 1 is never closed: end it with a line \"---\"");
            return null;
        }

        YamlNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(string.Join('\n', lines[1..close])));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException exception)
        {
            errors.Add(NoteErrorSink.FrontMatterPath, Line(exception.Start), (int)exception.Start.Column, NoteYaml.Message(exception));
            return null;
        }

        var fields = new Dictionary<string, (Located<string>, YamlNode)>(StringComparer.OrdinalIgnoreCase);
        if (root is null || (root is YamlScalarNode { Value: null or "" }))
        {
            return new FrontMatter(fields, close + 1);
        }

        if (root is not YamlMappingNode mapping)
        {
            errors.Add(NoteErrorSink.FrontMatterPath, Line(root.Start), (int)root.Start.Column, "expected \"key: value\" lines (a YAML mapping)");
            return null;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                errors.Add(NoteErrorSink.FrontMatterPath, Line(keyNode.Start), (int)keyNode.Start.Column, "a key must be a plain word");
                return null;
            }

            if (!fields.TryAdd(key, (new Located<string>(key, Line(keyNode.Start), (int)keyNode.Start.Column), value)))
            {
                errors.Add(NoteErrorSink.FrontMatterPath + "." + key, Line(keyNode.Start), (int)keyNode.Start.Column, $"\"{key}\" is given twice");
                return null;
            }
        }

        return new FrontMatter(fields, close + 1);
    }

    public bool Has(string key) => fields.ContainsKey(key);

    /// <summary>A single text value; null when absent or empty; an error when it is a list or mapping.</summary>
    public Located<string>? Text(string key, NoteErrorSink errors)
    {
        if (!fields.TryGetValue(key, out var field))
        {
            return null;
        }

        if (field.Value is YamlScalarNode scalar)
        {
            return string.IsNullOrWhiteSpace(scalar.Value) ? null : At(scalar, scalar.Value.Trim());
        }

        errors.Add(Path(key), Line(field.Value.Start), (int)field.Value.Start.Column, "expected a single value");
        return null;
    }

    /// <summary>A list (<c>[a, b]</c> or <c>- a</c> lines) or one value; <paramref name="split"/> splits one value at commas.</summary>
    public IReadOnlyList<Located<string>> List(string key, NoteErrorSink errors, bool split = false)
    {
        if (!fields.TryGetValue(key, out var field))
        {
            return [];
        }

        switch (field.Value)
        {
            case YamlScalarNode { Value: var value } scalar when !string.IsNullOrWhiteSpace(value):
                return split
                    ? [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(item => At(scalar, item))]
                    : [At(scalar, value.Trim())];
            case YamlScalarNode:
                return [];
            case YamlSequenceNode sequence:
                var items = new List<Located<string>>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: var text } itemScalar)
                    {
                        if (!string.IsNullOrWhiteSpace(text))
                        {
                            items.Add(At(itemScalar, text.Trim()));
                        }
                    }
                    else
                    {
                        errors.Add(Path(key), Line(item.Start), (int)item.Start.Column, "expected a list of plain values");
                    }
                }

                return items;
            default:
                errors.Add(Path(key), Line(field.Value.Start), (int)field.Value.Start.Column, "expected a list of plain values");
                return [];
        }
    }

    public static string Path(string key) => $"{NoteErrorSink.FrontMatterPath}.{key}";

    private static Located<string> At(YamlNode node, string value) => new(value, Line(node.Start), (int)node.Start.Column);

    private static int Line(Mark mark) => (int)mark.Line + FirstYamlLine - 1;
}
