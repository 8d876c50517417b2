namespace SupplyGraph.Domain.Vocabulary;

/// <summary>A relationship as stored: its ends by id.</summary>
public sealed record RelationshipRecord
{
    public required string Key { get; init; }

    public required RelationshipType Type { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public DateOnly? ValidFrom { get; init; }

    /// <summary>The last day the relationship held; open when null.</summary>
    public DateOnly? ValidTo { get; init; }

    public required RelationshipStatus Status { get; init; }

    public string? Note { get; init; }

    public required IReadOnlyList<Source> Sources { get; init; }

    public static string DefaultKey(string from, RelationshipType type, string to) => $"{from}/{type.Name()}/{to}";

    public bool IsValidOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);
}
