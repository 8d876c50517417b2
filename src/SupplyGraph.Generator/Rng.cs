namespace SupplyGraph.Generator;

/// <summary>What a random stream decides. Each entity has one independent stream per purpose.</summary>
internal enum Purpose
{
    Attributes,
    Designer,
    Foundries,
    Launch,
    Developer,
    Release,
    Issuer,
    RuleDates,
    Restriction,
    Relationships,
}

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator whose algorithm is fixed here, unlike
/// <see cref="Random"/>'s. Streams are keyed by (seed, tier, index, purpose), so any fact about an entity can be
/// recomputed where it is needed (a chip's designer when writing the chip and again when writing DESIGNS)
/// without keeping anything in memory. Integer arithmetic only, so the output is the same on every platform.
/// </summary>
internal struct Rng
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    private ulong state;

    public Rng(ulong state) => this.state = state;

    public static Rng For(int seed, SyntheticTier tier, int index, Purpose purpose)
    {
        var key = Mix((ulong)(uint)seed ^ 0x5EED5EED5EED5EEDUL);
        key = Mix(key + (((ulong)tier + 1) * 0xD6E8FEB86659FD93UL));
        key = Mix(key + (((ulong)(uint)index + 1) * 0xA0761D6478BD642FUL));
        key = Mix(key + (((ulong)purpose + 1) * 0xE7037ED1A0B428DBUL));
        return new Rng(key);
    }

    public ulong Next()
    {
        state += Golden;
        return Mix(state);
    }

    /// <summary>Uniform in [0, <paramref name="bound"/>) by multiply-high (Lemire).</summary>
    public int Below(int bound) => (int)Below((ulong)bound);

    public ulong Below(ulong bound) => (ulong)(((UInt128)Next() * bound) >> 64);

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>], both included.</summary>
    public int Between(int low, int high) => low + Below(high - low + 1);

    /// <summary>True with probability <paramref name="percent"/>/100.</summary>
    public bool Chance(int percent) => Below(100) < percent;

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
