using SupplyGraph.Domain.Datasets;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Formats.Csv;

/// <summary>
/// The errors of one read of a set of CSV files, in file order: at most <see cref="DatasetReader.ErrorLimit"/> are
/// listed, the rest only counted and reported as one final error, as the JSON reader does.
/// </summary>
internal sealed class CsvErrors(string source)
{
    private readonly List<(int FileOrder, long Sequence, DatasetError Error)> entries = [];
    private long notListed;
    private long found;

    public bool Any => entries.Count > 0 || notListed > 0;

    public void Add(int fileOrder, string file, string where, int line, int? column, string message)
    {
        if (entries.Count >= DatasetReader.ErrorLimit)
        {
            notListed++;
            return;
        }

        entries.Add((fileOrder, found++, new DatasetError(file, where, line, column, message)));
    }

    /// <summary>The errors sorted by file (in reading order), line and column; checks done at the end slot back in.</summary>
    public List<DatasetError> ToList()
    {
        var errors = entries
            .OrderBy(entry => entry.FileOrder)
            .ThenBy(entry => entry.Error.Line ?? 0)
            .ThenBy(entry => entry.Error.Column ?? 0)
            .ThenBy(entry => entry.Sequence)
            .Select(entry => entry.Error)
            .ToList();
        if (notListed > 0)
        {
            errors.Add(new DatasetError(
                source,
                "*",
                null,
                null,
                $"{notListed:N0} more error{(notListed == 1 ? " was" : "s were")} found and not listed: the reader lists the first {DatasetReader.ErrorLimit:N0}"));
        }

        return errors;
    }
}
