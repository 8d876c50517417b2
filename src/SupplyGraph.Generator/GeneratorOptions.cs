using System.Globalization;

namespace SupplyGraph.Generator;

/// <summary>What to generate: how many entities, from which seed. The same options always give the same bytes.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Size S: 10,000 entities (about 40,000 relationships).</summary>
    public const int S = 10_000;

    /// <summary>Size M: 100,000 entities (about 400,000 relationships).</summary>
    public const int M = 100_000;

    /// <summary>Size L: 1,000,000 entities (about 4,000,000 relationships).</summary>
    public const int L = 1_000_000;

    /// <summary>The fewest entities a dataset can have: enough for every tier to hold at least one.</summary>
    public const int MinimumEntities = 100;

    /// <summary>The most entities a dataset can have (ids and counters stay within <see cref="int"/>).</summary>
    public const int MaximumEntities = 100_000_000;

    public const int DefaultSeed = 42;

    /// <summary>The total number of entities, exactly; about four relationships are written per entity.</summary>
    public required int Entities { get; init; }

    public int Seed { get; init; } = DefaultSeed;

    /// <summary>The dataset's name; <c>synthetic-{entities}-seed-{seed}</c> when not given.</summary>
    public string? Name { get; init; }

    /// <summary>Indented JSON for reading by eye; compact (the default) for size and speed.</summary>
    public bool Indented { get; init; }

    /// <summary>The document every generated fact cites: plainly synthetic, and naming the seed.</summary>
    public string SourceDocument => $"synthetic:seed-{Seed.ToString(CultureInfo.InvariantCulture)}";

    public string DatasetName => Name ?? $"synthetic-{Entities.ToString(CultureInfo.InvariantCulture)}-seed-{Seed.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Options for a named size (<c>S</c>, <c>M</c>, <c>L</c>, any case) or a plain entity count (<c>250000</c>).</summary>
    public static GeneratorOptions ForSize(string size, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(size);
        var entities = size.Trim().ToUpperInvariant() switch
        {
            "S" => S,
            "M" => M,
            "L" => L,
            var text when int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var count) => count,
            _ => throw new ArgumentException($"unknown size \"{size}\": use S ({S:N0} entities), M ({M:N0}), L ({L:N0}) or a number", nameof(size)),
        };
        var options = new GeneratorOptions { Entities = entities, Seed = seed };
        options.Validate();
        return options;
    }

    /// <summary>Throws when the entity count is out of range.</summary>
    public void Validate()
    {
        if (Entities is < MinimumEntities or > MaximumEntities)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Entities),
                Entities,
                $"a synthetic dataset has between {MinimumEntities:N0} and {MaximumEntities:N0} entities");
        }
    }
}
