namespace SupplyGraph.Generator;

/// <summary>
/// Picks an index of a tier with Zipf-like weights: rank r weighs 1/(r+1)^s, so index 0 is the hub and the tail is
/// long. Cumulative weights are integers computed once (a few megabytes at most); a pick is one binary search.
/// The exponent is given in quarters and computed with multiplication and square roots only, which IEEE 754 rounds
/// exactly, so the weights (and the output) are the same on every platform.
/// </summary>
internal sealed class WeightedPicker
{
    private const double Scale = 1L << 40;

    private readonly long[] cumulative;

    public WeightedPicker(int count, int exponentQuarters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(exponentQuarters);
        cumulative = new long[count];
        long total = 0;
        for (var rank = 0; rank < count; rank++)
        {
            total += Math.Max(1L, (long)(Scale / Power(rank + 1, exponentQuarters)));
            cumulative[rank] = total;
        }
    }

    public int Count => cumulative.Length;

    public long TotalWeight => cumulative[^1];

    public int Pick(ref Rng rng)
    {
        var target = (long)rng.Below((ulong)TotalWeight);

        // The first rank whose cumulative weight passes the target.
        int low = 0, high = cumulative.Length - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (cumulative[middle] > target)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    /// <summary>
    /// A pick that covers the tier: source <paramref name="sourceIndex"/> takes target <paramref name="sourceIndex"/>
    /// while there are targets left, then weighted picks. With at least as many sources as targets, no target is
    /// left without one (no designer without a chip, no regulator without a rule).
    /// </summary>
    public int PickCovering(ref Rng rng, int sourceIndex) => sourceIndex < Count ? sourceIndex : Pick(ref rng);

    /// <summary>
    /// How many targets <see cref="PickDistinct"/> forces on a source when covering: the targets t with
    /// t mod <paramref name="sourceCount"/> = <paramref name="sourceIndex"/>.
    /// </summary>
    public int ForcedCount(int sourceIndex, int sourceCount) =>
        sourceIndex < Count ? ((Count - 1 - sourceIndex) / sourceCount) + 1 : 0;

    /// <summary>
    /// Fills <paramref name="into"/> with distinct targets and returns how many: first the targets forced on this
    /// source when covering (every target t goes to source t mod <paramref name="sourceCount"/>, so across all
    /// sources every target is taken at least once), then weighted picks up to <paramref name="wanted"/> in all
    /// (fewer when the tier is smaller). Picks repeat rarely; after many repeats the rest come in rank order.
    /// </summary>
    public int PickDistinct(ref Rng rng, int wanted, Span<int> into, int sourceIndex = -1, int sourceCount = 0)
    {
        var picked = 0;
        if (sourceIndex >= 0)
        {
            for (var target = sourceIndex; target < Count && picked < into.Length; target += sourceCount)
            {
                into[picked++] = target;
            }
        }

        wanted = Math.Min(Math.Min(Math.Max(wanted, picked), Count), into.Length);
        for (var attempts = 0; picked < wanted && attempts < wanted * 32; attempts++)
        {
            var candidate = Pick(ref rng);
            if (!into[..picked].Contains(candidate))
            {
                into[picked++] = candidate;
            }
        }

        for (var candidate = 0; picked < wanted; candidate++)
        {
            if (!into[..picked].Contains(candidate))
            {
                into[picked++] = candidate;
            }
        }

        return picked;
    }

    /// <summary>x^(quarters/4) by multiplication and square roots.</summary>
    internal static double Power(double x, int quarters)
    {
        var result = 1.0;
        for (var i = 0; i < quarters / 4; i++)
        {
            result *= x;
        }

        var fourthRoot = Math.Sqrt(Math.Sqrt(x));
        for (var i = 0; i < quarters % 4; i++)
        {
            result *= fourthRoot;
        }

        return result;
    }
}
