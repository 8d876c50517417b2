namespace SupplyGraph.Domain.Importing;

/// <summary>How one import runs.</summary>
public sealed record ImportOptions
{
    public static ImportOptions Default { get; } = new();

    /// <summary>Validate and count what would change (added, updated, unchanged), then roll back: nothing is kept.</summary>
    public bool DryRun { get; init; }

    /// <summary>Told how far the import has got, every so often, from the thread doing the work.</summary>
    public Action<ImportProgress>? Progress { get; init; }
}

/// <summary>How far an import has got: rows written so far in its transaction, of the total when known.</summary>
public sealed record ImportProgress(string Dataset, long RowsWritten, long? RowsTotal);
