using System.Globalization;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// A Cypher duration kept as its ISO-8601 text (e.g. <c>P1Y2M3DT4H</c>): months and days have no fixed
/// length, so no .NET type holds one without loss.
/// </summary>
internal sealed record CypherDuration(string Iso)
{
    /// <summary>A duration of exactly this many seconds (a TimeSpan has no months or days of its own).</summary>
    public static CypherDuration FromTimeSpan(TimeSpan value)
    {
        var seconds = decimal.Divide(value.Ticks, TimeSpan.TicksPerSecond);
        return new CypherDuration($"PT{seconds.ToString("0.#######", CultureInfo.InvariantCulture)}S");
    }

    public override string ToString() => Iso;
}
