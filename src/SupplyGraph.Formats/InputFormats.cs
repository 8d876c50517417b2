namespace SupplyGraph.Formats;

/// <summary>How inputs named on the command line are read: which format, and which files belong together.</summary>
public sealed record InputOptions
{
    public static InputOptions Default { get; } = new();

    /// <summary>Read every path as this format instead of telling it from the extension.</summary>
    public InterchangeFormat? Format { get; init; }
}

/// <summary>
/// Turns paths into the inputs an import reads, one transaction each: every dataset file (JSON or YAML) on its own;
/// all CSV files together (node files and relationship files belong together, as for neo4j-admin); all notes together
/// (notes link to each other). Inputs keep the order in which their first path was named.
/// </summary>
public static class InputFormats
{
    private static readonly Dictionary<string, InterchangeFormat> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".json"] = InterchangeFormat.DatasetJson,
        [".yaml"] = InterchangeFormat.DatasetYaml,
        [".yml"] = InterchangeFormat.DatasetYaml,
        [".csv"] = InterchangeFormat.Csv,
        [".md"] = InterchangeFormat.Notes,
        [".markdown"] = InterchangeFormat.Notes,
    };

    /// <summary>The format of one path: from the option, the extension, a folder's contents, or the file's first bytes.</summary>
    /// <exception cref="InputFormatException">When the path does not exist or its format cannot be told.</exception>
    public static InterchangeFormat Detect(string path, InputOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        if (Directory.Exists(path))
        {
            return options.Format ?? DetectFolder(path);
        }

        if (!File.Exists(path))
        {
            throw new InputFormatException(path, "no such file or folder");
        }

        if (options.Format is { } format)
        {
            return format;
        }

        return ByExtension.TryGetValue(Path.GetExtension(path), out var byExtension)
            ? byExtension
            : Sniff(path);
    }

    /// <summary>Groups the paths into inputs; see the class summary.</summary>
    public static IReadOnlyList<InputGroup> Group(IReadOnlyList<string> paths, InputOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var groups = new List<InputGroup>();
        InputGroup? csv = null;
        InputGroup? notes = null;
        foreach (var path in paths)
        {
            var format = Detect(path, options);
            switch (format)
            {
                case InterchangeFormat.Csv:
                    csv ??= Add(groups, format);
                    csv.Paths.AddRange(Directory.Exists(path) ? CsvFilesIn(path) : [path]);
                    break;
                case InterchangeFormat.Notes:
                    notes ??= Add(groups, format);
                    notes.Paths.Add(path);
                    break;
                default:
                    Add(groups, format).Paths.Add(path);
                    break;
            }
        }

        return groups;
    }

    // A folder of CSV files (an export) is its *.csv files, in ordinal order so errors come in the same order each run.
    private static IEnumerable<string> CsvFilesIn(string folder) => FolderFiles.WithExtensions(folder, [".csv"]);

    private static InputGroup Add(List<InputGroup> groups, InterchangeFormat format)
    {
        var group = new InputGroup(format);
        groups.Add(group);
        return group;
    }

    private static InterchangeFormat DetectFolder(string path)
    {
        var extensions = FolderFiles.WithExtensions(path, ByExtension.Keys)
            .Select(file => ByExtension[Path.GetExtension(file)])
            .ToHashSet();
        if (extensions.Contains(InterchangeFormat.Notes))
        {
            return InterchangeFormat.Notes;
        }

        if (extensions.Contains(InterchangeFormat.Csv))
        {
            return InterchangeFormat.Csv;
        }

        throw new InputFormatException(path, "a folder is read as Markdown notes (*.md) or CSV files (*.csv), and it holds neither; name dataset files one by one");
    }

    // Files without a telling extension (the seed note is a .txt): a JSON object, or front matter / a heading.
    private static InterchangeFormat Sniff(string path)
    {
        Span<byte> head = stackalloc byte[64];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var text = System.Text.Encoding.UTF8.GetString(head[..read]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('{'))
        {
            return InterchangeFormat.DatasetJson;
        }

        if (text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith('#'))
        {
            return InterchangeFormat.Notes;
        }

        throw new InputFormatException(path, $"cannot tell the format from the extension \"{Path.GetExtension(path)}\" or the first bytes; pass --as json|yaml|csv|notes");
    }
}

/// <summary>Paths read together as one input.</summary>
public sealed class InputGroup(InterchangeFormat format)
{
    public InterchangeFormat Format { get; } = format;

    public List<string> Paths { get; } = [];
}

/// <summary>A path that cannot be read as any input format.</summary>
public sealed class InputFormatException : Exception
{
    public InputFormatException(string path, string reason)
        : base($"{path}: {reason}")
    {
        Path = path;
    }

    public InputFormatException()
    {
        Path = string.Empty;
    }

    public InputFormatException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    public InputFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    public string Path { get; }
}
