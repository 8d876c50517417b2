namespace SupplyGraph.Domain.Exporting;

/// <summary>
/// What an export covers: the whole graph, or the neighbourhood of one entity — every entity within
/// <see cref="Hops"/> relationships of it (either direction) and every relationship between two of those.
/// </summary>
public sealed record ExportScope
{
    public static ExportScope Whole { get; } = new();

    /// <summary>An id, name, alias or citation, resolved as the resolve question does; null for the whole graph.</summary>
    public string? Entity { get; init; }

    public int Hops { get; init; } = 1;

    public static ExportScope Around(string entity, int hops)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        ArgumentOutOfRangeException.ThrowIfNegative(hops);
        return new ExportScope { Entity = entity, Hops = hops };
    }
}
