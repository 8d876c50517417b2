using System.Globalization;
using System.Text.RegularExpressions;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Graph;

/// <summary>
/// The keys a reference is looked up by and a regulation's citation is found by, shared by both stores so they
/// match alike: a key is <see cref="GraphIndex.NameKey"/>; a Federal Register citation also has its normal form
/// <c>88 FR 73458</c>, however loosely written (<c>88 fr 73458</c>, <c>88 F.R. 73458</c>, <c>88FR73458</c>).
/// </summary>
public static partial class ReferenceKeys
{
    /// <summary>
    /// The keys a reference or a search text is looked up by: its name key, and its Federal Register normal form when
    /// the whole text is one citation. Distinct, name key first.
    /// </summary>
    public static IReadOnlyList<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = GraphIndex.NameKey(text);
        return FederalRegister(text) is { } citation && citation != key ? [key, citation] : [key];
    }

    /// <summary>
    /// The keys an entity is found by through its citation (a regulation's only): the whole citation as a name key,
    /// then each Federal Register citation inside it in normal form (a long citation text may quote one). Distinct.
    /// </summary>
    public static IReadOnlyList<string> CitationKeys(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity is Regulation { Citation: { } citation } ? OfCitation(citation) : [];
    }

    /// <summary>The keys of one citation text: see <see cref="CitationKeys(Entity)"/>.</summary>
    public static IReadOnlyList<string> OfCitation(string citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        var keys = new List<string>();
        var whole = GraphIndex.NameKey(citation);
        if (whole.Length > 0)
        {
            keys.Add(whole);
        }

        foreach (Match match in FederalRegisterPattern().Matches(citation))
        {
            var normal = Normal(match);
            if (!keys.Contains(normal, StringComparer.Ordinal))
            {
                keys.Add(normal);
            }
        }

        return keys;
    }

    /// <summary>The Federal Register normal form (<c>88 FR 73458</c>) of a text that is one citation and nothing else, or null.</summary>
    public static string? FederalRegister(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = FederalRegisterPattern().Match(text.Trim());
        return match.Success && match.Index == 0 && match.Length == text.Trim().Length ? Normal(match) : null;
    }

    // Volume and page as numbers, so "088 FR 073458" is the same citation; the FR upper-cased between single spaces.
    private static string Normal(Match match) => string.Create(
        CultureInfo.InvariantCulture,
        $"{int.Parse(match.Groups["volume"].ValueSpan, CultureInfo.InvariantCulture)} FR {int.Parse(match.Groups["page"].ValueSpan, CultureInfo.InvariantCulture)}");

    // "<volume> FR <page>": FR with or without dots and spaces ("F.R.", "F. R."), or "Fed. Reg."; digits on both sides
    // not part of a longer number. "15 CFR 744" is no match: the C stands between the volume and the F.
    [GeneratedRegex(
        @"(?<![\p{N}\p{L}.])(?<volume>[0-9]{1,3})[ \t]*(?:F\.?[ \t]*R\.?|Fed\.?[ \t]*Reg\.?)[ \t]*(?<page>[0-9]{1,6})(?![\p{N}\p{L}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FederalRegisterPattern();
}
