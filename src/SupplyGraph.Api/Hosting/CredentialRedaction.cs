using System.Text.RegularExpressions;

namespace SupplyGraph.Api.Hosting;

/// <summary>Takes the user-info (<c>user:password@</c>) out of every address in a text before it is shown or logged.</summary>
public static partial class CredentialRedaction
{
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return UserInfo().Replace(text, "${scheme}://***@");
    }

    /// <summary>The address without its user-info, for display.</summary>
    public static string Redact(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return string.IsNullOrEmpty(uri.UserInfo) ? uri.ToString() : new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();
    }

    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://[^/\s@]+@")]
    private static partial Regex UserInfo();
}
