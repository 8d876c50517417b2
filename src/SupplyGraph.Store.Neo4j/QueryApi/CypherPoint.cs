using System.Globalization;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// A spatial point. For geographic SRIDs (4326, 4979) X is the longitude and Y the latitude; 7203 and 9157
/// are Cartesian. Travels as WKT with the SRID, e.g. <c>SRID=4326;POINT (120.15 30.27)</c>.
/// </summary>
internal sealed record CypherPoint(int Srid, double X, double Y, double? Z = null)
{
    /// <summary>The Query API's text form: extended WKT carrying the SRID.</summary>
    public string Wkt => Z is { } z
        ? $"SRID={Srid.ToString(CultureInfo.InvariantCulture)};POINT Z ({Format(X)} {Format(Y)} {Format(z)})"
        : $"SRID={Srid.ToString(CultureInfo.InvariantCulture)};POINT ({Format(X)} {Format(Y)})";

    public override string ToString() => Wkt;

    /// <summary>Reads the server's <c>SRID=n;POINT [Z] (x y [z])</c>.</summary>
    internal static CypherPoint Parse(string wkt)
    {
        var separator = wkt.IndexOf(';', StringComparison.Ordinal);
        var open = wkt.IndexOf('(', StringComparison.Ordinal);
        var close = wkt.LastIndexOf(')');
        if (!wkt.StartsWith("SRID=", StringComparison.OrdinalIgnoreCase) || separator < 0 || open < separator || close < open)
        {
            throw new FormatException($"'{wkt}' is not a point in the form SRID=n;POINT (x y).");
        }

        var srid = int.Parse(wkt.AsSpan(5, separator - 5), NumberStyles.Integer, CultureInfo.InvariantCulture);
        var coordinates = wkt[(open + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (coordinates.Length is not (2 or 3))
        {
            throw new FormatException($"'{wkt}' has {coordinates.Length} coordinates; a point has 2 or 3.");
        }

        return new CypherPoint(
            srid,
            ParseCoordinate(coordinates[0]),
            ParseCoordinate(coordinates[1]),
            coordinates.Length == 3 ? ParseCoordinate(coordinates[2]) : null);
    }

    private static double ParseCoordinate(string text) =>
        double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
