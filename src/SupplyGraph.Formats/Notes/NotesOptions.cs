namespace SupplyGraph.Formats.Notes;

/// <summary>What to do with a typed "Related" line whose target is neither a note of the import nor a stored entity.</summary>
public enum UnresolvedLinks
{
    /// <summary>Report it as an error: nothing is imported (the default).</summary>
    Error,

    /// <summary>Import the rest and list the line as skipped, with the reason (<c>--skip-unresolved-links</c>).</summary>
    Skip,
}

/// <summary>How Markdown notes are read.</summary>
public sealed record NotesOptions
{
    public static NotesOptions Default { get; } = new();

    /// <summary>Role words of "Related" lines → relationship types (<c>--roles FILE</c>).</summary>
    public RoleMapping Roles { get; init; } = RoleMapping.Default;

    public UnresolvedLinks OnUnresolvedLink { get; init; } = UnresolvedLinks.Error;
}
