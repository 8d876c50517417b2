using System.Globalization;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// A date-time in a named time zone: the instant with the offset in force there, plus the zone id
/// (e.g. <c>America/New_York</c>), which a <see cref="DateTimeOffset"/> alone would lose.
/// </summary>
internal sealed record CypherZonedDateTime(DateTimeOffset Value, string ZoneId)
{
    /// <summary>The Query API's text form, e.g. <c>2025-01-27T09:30:00-05:00[America/New_York]</c>.</summary>
    public override string ToString() => $"{TemporalText.Format(Value)}[{ZoneId}]";

    internal static CypherZonedDateTime Parse(string text)
    {
        var open = text.IndexOf('[', StringComparison.Ordinal);
        if (open < 0 || !text.EndsWith(']'))
        {
            throw new FormatException($"'{text}' is not a zoned date-time in the form 2025-01-27T09:30:00-05:00[Zone/Id].");
        }

        var instant = DateTimeOffset.Parse(text.AsSpan(0, open), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return new CypherZonedDateTime(instant, text[(open + 1)..^1]);
    }
}
