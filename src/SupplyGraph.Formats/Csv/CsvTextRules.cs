namespace SupplyGraph.Formats.Csv;

/// <summary>The dataset format's patterns for ids and codes (datasets/README.md), as the JSON reader applies them.</summary>
internal static class CsvTextRules
{
    /// <summary><c>^[a-z0-9]+(-[a-z0-9]+)*$</c></summary>
    public static bool IsEntityId(ReadOnlySpan<char> text) => IsWords(text, static c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c), static c => c == '-');

    /// <summary><c>^[A-Za-z0-9_]+([-/][A-Za-z0-9_]+)*$</c></summary>
    public static bool IsRelationshipId(ReadOnlySpan<char> text) => IsWords(text, static c => char.IsAsciiLetterOrDigit(c) || c == '_', static c => c is '-' or '/');

    /// <summary><c>^[A-Z]{2}$</c></summary>
    public static bool IsCountryCode(ReadOnlySpan<char> text) =>
        text.Length == 2 && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1]);

    // Words of word characters joined by single separators, neither first nor last.
    private static bool IsWords(ReadOnlySpan<char> text, Func<char, bool> isWordCharacter, Func<char, bool> isSeparator)
    {
        var needCharacter = true;
        foreach (var c in text)
        {
            if (isWordCharacter(c))
            {
                needCharacter = false;
            }
            else if (isSeparator(c) && !needCharacter)
            {
                needCharacter = true;
            }
            else
            {
                return false;
            }
        }

        return !needCharacter;
    }
}
