using System.Globalization;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>ISO-8601 text for the temporal types, shared by reading and writing so both agree.</summary>
internal static class TemporalText
{
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(TimeOnly value) => value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

    public static string Format(DateTime value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

    public static string Format(DateTimeOffset value) =>
        Format(value.DateTime) + FormatOffset(value.Offset);

    public static string FormatOffset(TimeSpan offset) =>
        offset == TimeSpan.Zero
            ? "Z"
            : (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text) =>
        DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Neo4j keeps nanoseconds; .NET keeps 100 ns ticks, so the last two digits round away.
    public static TimeOnly ParseTime(string text) => TimeOnly.Parse(text, CultureInfo.InvariantCulture);

    public static DateTime ParseLocalDateTime(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static DateTimeOffset ParseOffsetDateTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
