using SupplyGraph.Domain.Datasets;

namespace SupplyGraph.Formats.Notes;

/// <summary>Where one note's errors go: the file is fixed, so a check names only the place and the message.</summary>
internal sealed class NoteErrorSink(string file, Action<DatasetError>? add)
{
    public const string TextPath = "text";
    public const string FrontMatterPath = "front matter";
    public const string TitlePath = "title";
    public const string RelatedPath = "Related";

    /// <summary>Drops everything: for a second read of a note whose errors were reported by the first.</summary>
    public static NoteErrorSink Discard(string file) => new(file, null);

    public string File => file;

    public int Count { get; private set; }

    public void Add(string where, int line, int column, string message)
    {
        Count++;
        add?.Invoke(new DatasetError(file, where, line, column, message));
    }
}
