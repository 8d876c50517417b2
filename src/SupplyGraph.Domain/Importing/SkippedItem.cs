namespace SupplyGraph.Domain.Importing;

/// <summary>
/// Something in an input that was deliberately not imported, and why: a note's "Related" line whose role maps to no
/// relationship type, say. Not an error: the input still imports; the summary lists these.
/// </summary>
public sealed record SkippedItem(string File, int? Line, string What, string Reason)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {What}: {Reason}" : $"{File}: {What}: {Reason}";
}
