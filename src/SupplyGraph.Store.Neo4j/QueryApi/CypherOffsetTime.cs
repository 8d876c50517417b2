using System.Globalization;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>A time of day with a UTC offset (Cypher's zoned TIME), which .NET has no type for.</summary>
internal sealed record CypherOffsetTime(TimeOnly Time, TimeSpan Offset)
{
    /// <summary>The Query API's text form, e.g. <c>10:00:00+08:00</c>.</summary>
    public override string ToString() => TemporalText.Format(Time) + TemporalText.FormatOffset(Offset);

    internal static CypherOffsetTime Parse(string text)
    {
        if (text.EndsWith('Z'))
        {
            return new CypherOffsetTime(TemporalText.ParseTime(text[..^1]), TimeSpan.Zero);
        }

        var sign = text.LastIndexOfAny(['+', '-']);
        if (sign < 0)
        {
            throw new FormatException($"'{text}' is not a time with an offset such as 10:00:00+08:00.");
        }

        var offset = TimeSpan.ParseExact(text.AsSpan(sign + 1), @"hh\:mm", CultureInfo.InvariantCulture);
        return new CypherOffsetTime(TemporalText.ParseTime(text[..sign]), text[sign] == '-' ? -offset : offset);
    }
}
