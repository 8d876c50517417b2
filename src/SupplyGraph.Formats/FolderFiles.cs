namespace SupplyGraph.Formats;

/// <summary>The files a folder named as an input holds: every level down, in ordinal path order.</summary>
internal static class FolderFiles
{
    // Hidden and system entries (.obsidian, .trash, .git) are an editor's or a tool's, not inputs.
    private static readonly EnumerationOptions Everywhere = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    /// <summary>The folder's files whose extension is one of <paramref name="extensions"/> (ignoring case).</summary>
    public static IEnumerable<string> WithExtensions(string folder, IReadOnlyCollection<string> extensions) =>
        Directory.EnumerateFiles(folder, "*", Everywhere)
            .Where(file => extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
}
