namespace SupplyGraph.Domain.Vocabulary;

/// <summary>A node of the graph. Kind-specific fields live on the derived records.</summary>
public abstract record Entity
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string? Country { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public required IReadOnlyList<Source> Sources { get; init; }

    public abstract EntityKind Kind { get; }
}

public sealed record Actor : Entity
{
    public required ActorCategory Category { get; init; }

    public string? Website { get; init; }

    public override EntityKind Kind => EntityKind.Actor;
}

public sealed record Chip : Entity
{
    public string? Designer { get; init; }

    public IReadOnlyList<string> Foundries { get; init; } = [];

    public string? Process { get; init; }

    public override EntityKind Kind => EntityKind.Chip;
}

public sealed record Model : Entity
{
    public string? Developer { get; init; }

    public DateOnly? ReleaseDate { get; init; }

    public long? Parameters { get; init; }

    public long? ActiveParameters { get; init; }

    public override EntityKind Kind => EntityKind.Model;
}

public sealed record Regulation : Entity
{
    public required string Issuer { get; init; }

    public required string Jurisdiction { get; init; }

    public DateOnly? Announced { get; init; }

    public required DateOnly Effective { get; init; }

    public DateOnly? Rescinded { get; init; }

    public required string Citation { get; init; }

    public required string Summary { get; init; }

    public override EntityKind Kind => EntityKind.Regulation;

    /// <summary>True when the rule applies on <paramref name="date"/>: effective, not yet rescinded.</summary>
    public bool IsInForce(DateOnly date) => Effective <= date && (Rescinded is null || date < Rescinded);
}
