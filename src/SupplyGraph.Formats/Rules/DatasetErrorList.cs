using SupplyGraph.Domain.Datasets;
namespace SupplyGraph.Formats.Rules;

/// <summary>
/// The checks in the order the reader has always reported them: top-level fields, then each entity, then entity
/// references, then each relationship. Errors are found in file order (members may come in any order, some checks
/// wait for the end of the file) and sorted back into this order.
/// </summary>
internal enum ErrorPhase
{
    RootFields,
    Format,
    Version,
    Name,
    Description,
    EntitiesArray,
    Entities,
    References,
    RelationshipsArray,
    Relationships,
    DocumentsArray,
    Documents,
}

/// <summary>
/// A file's errors, at most <c>limit</c> of them kept; the rest are counted and reported as one final error.
/// </summary>
internal sealed class DatasetErrorList(string file, int limit)
{
    private readonly List<Entry> entries = [];
    private long notListed;

    public bool Any => entries.Count > 0 || notListed > 0;

    /// <summary>True once further errors will only be counted.</summary>
    public bool IsFull => entries.Count >= limit;

    public void Add(ErrorPhase phase, long index, int order, string path, (int Line, int Column)? position, string message, bool evenIfFull = false)
    {
        if (IsFull && !evenIfFull)
        {
            notListed++;
            return;
        }

        entries.Add(new Entry(phase, index, order, entries.Count, new DatasetError(file, path, position?.Line, position?.Column, message)));
    }

    public List<DatasetError> ToList()
    {
        entries.Sort(static (a, b) =>
        {
            var byPhase = a.Phase.CompareTo(b.Phase);
            if (byPhase != 0)
            {
                return byPhase;
            }

            var byIndex = a.Index.CompareTo(b.Index);
            return byIndex != 0 ? byIndex : a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.Found.CompareTo(b.Found);
        });
        var errors = entries.Select(entry => entry.Error).ToList();
        if (notListed > 0)
        {
            errors.Add(new DatasetError(
                file,
                "$",
                null,
                null,
                $"{notListed:N0} more error{(notListed == 1 ? " was" : "s were")} found and not listed: the reader lists the first {limit:N0}"));
        }

        return errors;
    }

    private readonly record struct Entry(ErrorPhase Phase, long Index, int Order, int Found, DatasetError Error);
}

/// <summary>
/// The errors of one element (an entity or a relationship), with paths relative to the element (".sources[0].url"),
/// before they are located in the file. Reused from element to element.
/// </summary>
internal sealed class ElementErrors
{
    private readonly List<ElementError> errors = [];
    private readonly List<string> positionRequests = [];
    private ErrorPhase phase;
    private int nextOrder;

    /// <summary>Errors of the element's own checks (not those of its references).</summary>
    public int Count { get; private set; }

    public bool IsEmpty => errors.Count == 0 && positionRequests.Count == 0;

    public List<ElementError> Errors => errors;

    public List<string> PositionRequests => positionRequests;

    public void Reset(ErrorPhase elementPhase)
    {
        errors.Clear();
        positionRequests.Clear();
        phase = elementPhase;
        nextOrder = 0;
        Count = 0;
    }

    public void Add(string relativePath, string message)
    {
        errors.Add(new ElementError(phase, nextOrder++, relativePath, message));
        Count++;
    }

    /// <summary>Holds places in the order for checks done later (when an end of a relationship is not yet read).</summary>
    public int Reserve(int count)
    {
        var first = nextOrder;
        nextOrder += count;
        return first;
    }

    /// <summary>An error of another phase found with this element (a reference that is not an Actor).</summary>
    public void AddOther(ErrorPhase otherPhase, int order, string relativePath, string message) =>
        errors.Add(new ElementError(otherPhase, order, relativePath, message));

    /// <summary>Asks for the position of a path, for a check done at the end of the file. Returns a ticket.</summary>
    public int RequestPosition(string relativePath)
    {
        positionRequests.Add(relativePath);
        return positionRequests.Count - 1;
    }
}

internal readonly record struct ElementError(ErrorPhase Phase, int Order, string RelativePath, string Message);
