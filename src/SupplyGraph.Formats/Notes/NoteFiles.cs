namespace SupplyGraph.Formats.Notes;

/// <summary>The note files of an import: files named explicitly (any extension) and, in folders, every <c>*.md</c> and <c>*.markdown</c>.</summary>
internal static class NoteFiles
{
    private static readonly string[] Extensions = [".md", ".markdown"];

    /// <summary>Each path's notes in ordinal path order; a path that does not exist is yielded as itself and fails when read.</summary>
    public static IEnumerable<string> Enumerate(IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                yield return path;
                continue;
            }

            foreach (var file in FolderFiles.WithExtensions(path, Extensions))
            {
                yield return file;
            }
        }
    }
}
