using System.Text.RegularExpressions;

namespace SupplyGraph.Api.Hosting;

/// <summary>
/// Takes credentials out of a text before it is shown or logged: the user-info of every address, written with a
/// scheme (<c>http://user:password@host</c>) or without one (<c>user:password@host</c>, which is how
/// <c>neo4j:PASSWORD@127.0.0.1:7474</c> was printed whole, issue 20), and every secret the settings hold
/// (<see cref="AddSecret"/>: the Neo4j password and token), wherever it appears alone.
/// </summary>
public static partial class CredentialRedaction
{
    /// <summary>What a credential is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>
    /// Secrets shorter than this are not masked alone: they would mask ordinary words in every message, and a password
    /// that short protects nothing. They are still masked inside an address's user-info.
    /// </summary>
    public const int MinSecretLength = 4;

    private static readonly Lock SecretsLock = new();

    // Longest first, so a secret that contains another is masked whole. Replaced, never changed: readers need no lock.
    private static volatile string[] secrets = [];

    /// <summary>Masks <paramref name="secret"/> in every text redacted from now on (the process's settings hold it).</summary>
    public static void AddSecret(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < MinSecretLength)
        {
            return;
        }

        lock (SecretsLock)
        {
            if (!secrets.Contains(secret, StringComparer.Ordinal))
            {
                secrets = [.. secrets.Append(secret).OrderByDescending(known => known.Length)];
            }
        }
    }

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var redacted = UserInfoAfterScheme().Replace(text, "${scheme}://" + Mask + "@");
        redacted = UserInfoWithoutScheme().Replace(redacted, Mask + "@");
        foreach (var secret in secrets)
        {
            redacted = redacted.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return redacted;
    }

    /// <summary>The address without its user-info, for display.</summary>
    public static string Redact(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var shown = uri.IsAbsoluteUri && !string.IsNullOrEmpty(uri.UserInfo)
            ? new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.ToString()
            : uri.OriginalString;
        return Redact(shown);
    }

    // scheme://anything-but-a-slash@ (greedy to the last '@' before the path, so a raw '@' in a password is covered).
    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://[^/\s]+@")]
    private static partial Regex UserInfoAfterScheme();

    // user:password@ starting a word (after a space, a quote, a bracket, '=' or the start): the form without "//"
    // (neo4j:PASSWORD@host), which a URI parser reads as a scheme and a path. A plain user@host (an e-mail) is kept.
    [GeneratedRegex(@"(?<=^|[\s'""(\[<=,;])[^\s/@'""<>()\[\]=,;:]+:[^\s/'""<>]*@")]
    private static partial Regex UserInfoWithoutScheme();
}
