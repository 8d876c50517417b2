using System.Security.Cryptography;
using System.Text;

namespace SupplyGraph.Api.Http.PersistedDocuments;

/// <summary>
/// The SHA-256 hex document identifier of the GraphQL-over-HTTP persisted documents appendix: <c>sha256:</c> and the
/// 64 lower-case hexadecimal digits of the SHA-256 of the document's text encoded in UTF-8, exactly as sent (no
/// whitespace is normalized: a different text is a different document).
/// </summary>
internal static class DocumentIdentifier
{
    public const string Sha256Prefix = "sha256:";

    /// <summary>What a well-formed identifier looks like, for messages.</summary>
    public const string Form = "\"sha256:\" and the 64 lower-case hexadecimal digits of the SHA-256 of the document's UTF-8 text";

    private const int HexDigits = 64;

    // An identifier is echoed in messages: at most this much of it, so a long one cannot grow the answer.
    private const int ShownCharacters = 80;

    /// <summary>The identifier of <paramref name="text"/>.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Sha256Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Whether <paramref name="id"/> is <c>sha256:</c> followed by 64 lower-case hexadecimal digits.</summary>
    public static bool IsWellFormed(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length == Sha256Prefix.Length + HexDigits
            && id.StartsWith(Sha256Prefix, StringComparison.Ordinal)
            && IsLowerHex(id.AsSpan(Sha256Prefix.Length));
    }

    /// <summary>Whether <paramref name="hash"/> is 64 lower-case hexadecimal digits (Apollo's <c>persistedQuery.sha256Hash</c>).</summary>
    public static bool IsSha256Hex(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return hash.Length == HexDigits && IsLowerHex(hash);
    }

    /// <summary><paramref name="id"/> quoted for a message, cut to a bounded length.</summary>
    public static string Shown(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length <= ShownCharacters ? $"\"{id}\"" : $"\"{id[..ShownCharacters]}…\" ({id.Length} characters)";
    }

    private static bool IsLowerHex(ReadOnlySpan<char> digits)
    {
        foreach (var digit in digits)
        {
            if (digit is not (>= '0' and <= '9') and not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
