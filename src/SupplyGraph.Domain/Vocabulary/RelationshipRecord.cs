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

    /// <summary>True when <see cref="Key"/> is <see cref="DefaultKey"/> of its ends and type, checked without building that string.</summary>
    public bool HasDefaultKey
    {
        get
        {
            var key = Key.AsSpan();
            var type = Type.Name();
            return key.Length == From.Length + type.Length + To.Length + 2
                && key.StartsWith(From, StringComparison.Ordinal)
                && key[From.Length] == '/'
                && key.Slice(From.Length + 1, type.Length).SequenceEqual(type)
                && key[From.Length + 1 + type.Length] == '/'
                && key.EndsWith(To, StringComparison.Ordinal);
        }
    }

    public bool IsValidOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);
}
