using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace SupplyGraph.Formats.Yaml;

/// <summary>
/// What a plain (unquoted) scalar means under the YAML 1.2 core schema, as JSON text: null, a boolean, a number, or
/// (anything else, dates included) a string. Quoted and block scalars are always strings and never come here.
/// </summary>
internal static partial class YamlScalars
{
    private static readonly SearchValues<char> OctalDigits = SearchValues.Create("01234567");
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public enum Kind
    {
        Null,
        Boolean,
        Number,
        String,
        NotFinite,
    }

    /// <summary>The kind of a plain scalar and, for booleans and numbers, its JSON text.</summary>
    public static (Kind Kind, string? Json) Resolve(string plain)
    {
        switch (plain)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return (Kind.Null, "null");
            case "true" or "True" or "TRUE":
                return (Kind.Boolean, "true");
            case "false" or "False" or "FALSE":
                return (Kind.Boolean, "false");
        }

        if (plain.Length == 0 || !(char.IsAsciiDigit(plain[0]) || plain[0] is '-' or '+' or '.'))
        {
            return (Kind.String, null);
        }

        if (NotFinite().IsMatch(plain))
        {
            return (Kind.NotFinite, null);
        }

        if (plain.StartsWith("0o", StringComparison.Ordinal) && plain.Length > 2 && plain.AsSpan(2).ContainsAnyExcept(OctalDigits))
        {
            return (Kind.String, null);
        }

        if (plain.StartsWith("0o", StringComparison.Ordinal) && plain.Length > 2)
        {
            var value = BigInteger.Zero;
            foreach (var digit in plain.AsSpan(2))
            {
                value = (value * 8) + (digit - '0');
            }

            return (Kind.Number, value.ToString(CultureInfo.InvariantCulture));
        }

        if (plain.StartsWith("0x", StringComparison.Ordinal) && plain.Length > 2 && !plain.AsSpan(2).ContainsAnyExcept(HexDigits))
        {
            // A leading 0 keeps BigInteger from reading the top bit as a sign.
            return (Kind.Number, BigInteger.Parse("0" + plain[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        }

        var match = Decimal().Match(plain);
        return match.Success ? (Kind.Number, AsJsonNumber(match)) : (Kind.String, null);
    }

    // JSON is stricter than YAML: no "+", no leading zeros, no "1." or ".5".
    private static string AsJsonNumber(Match match)
    {
        var sign = match.Groups["sign"].Value == "-" ? "-" : "";
        var integral = match.Groups["integral"].Value.TrimStart('0');
        var fraction = match.Groups["fraction"].Value;
        var exponent = match.Groups["exponent"].Value;
        return string.Concat(sign, integral.Length == 0 ? "0" : integral, fraction.Length > 1 ? fraction : "", exponent);
    }

    [GeneratedRegex(@"^(?<sign>[-+]?)(?:(?<integral>[0-9]+)(?<fraction>\.[0-9]*)?|(?<fraction>\.[0-9]+))(?<exponent>[eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Decimal();

    [GeneratedRegex(@"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex NotFinite();
}
