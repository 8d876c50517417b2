using System.Runtime.CompilerServices;

namespace SupplyGraph.Formats.Rules;

/// <summary>
/// The format's patterns for ids and codes (datasets/README.md, datasets/*.schema.json), as loops, for every reader
/// (JSON, YAML, CSV, notes). The whole text must match: a final "\n" is refused, as the JSON Schema refuses it
/// (a .NET regular expression's <c>$</c> would have let one through).
/// </summary>
internal static class TextRules
{
    /// <summary><c>^[a-z0-9]+(-[a-z0-9]+)*$</c></summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsEntityId(ReadOnlySpan<char> text)
    {
        var needCharacter = true;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                needCharacter = false;
            }
            else if (c == '-' && !needCharacter)
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

    /// <summary><c>^[A-Za-z0-9_]+([-/][A-Za-z0-9_]+)*$</c></summary>
    public static bool IsRelationshipId(ReadOnlySpan<char> text)
    {
        var needCharacter = true;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                needCharacter = false;
            }
            else if (c is '-' or '/' && !needCharacter)
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

    /// <summary><c>^[A-Z]{2}$</c></summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsCountryCode(ReadOnlySpan<char> text)
    {
        return text.Length == 2 && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1]);
    }
}
