using System.Runtime.CompilerServices;

namespace SupplyGraph.Domain.Datasets;

/// <summary>Calendar dates written <c>yyyy-MM-dd</c>, read straight from UTF-8 (datasets, store rows).</summary>
public static class IsoDate
{
    /// <summary>
    /// True for ten ASCII bytes <c>dddd-dd-dd</c> naming a real day. <paramref name="shapeMatched"/> says whether the
    /// bytes had that shape at all (a caller may try other spellings when they did not).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> text, out DateOnly date, out bool shapeMatched)
    {
        date = default;
        shapeMatched = false;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day))
        {
            return false;
        }

        shapeMatched = true;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int number)
    {
        number = 0;
        foreach (var digit in digits)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            number = (number * 10) + (digit - '0');
        }

        return true;
    }
}
