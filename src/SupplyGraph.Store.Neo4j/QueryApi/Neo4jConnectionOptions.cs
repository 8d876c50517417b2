using System.Text;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>Where and how to reach Neo4j's HTTP Query API.</summary>
public sealed record Neo4jConnectionOptions
{
    /// <summary>The HTTP(S) base address, e.g. <c>http://localhost:7474</c> or <c>https://db.example.com:7473</c>.</summary>
    public required Uri Uri { get; init; }

    /// <summary>The address for display (logs, health, errors): without any user-info, so a password written into it never shows.</summary>
    public string RedactedUri => Redact(Uri);

    public string Database { get; init; } = "neo4j";

    /// <summary>User for basic authentication; give <see cref="Password"/> with it.</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>A token for bearer authentication (SSO), instead of user and password.</summary>
    public string? BearerToken { get; init; }

    /// <summary>How long one HTTP request may take before it fails as a timeout (each retry gets its own).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a failed implicit-transaction statement is tried again, where that is safe.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first pause before a retry; each further retry doubles it, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long a unit of work (<see cref="ICypherRunner.ExecuteAsync{T}"/>) keeps being run again after transient
    /// failures, counted from its first try: long enough to ride out a server restart, as the drivers' 30 s default.
    /// </summary>
    public TimeSpan MaxTransactionRetryTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the rollback (<c>DELETE</c>) of a transaction that was not committed may take. It is sent whatever the
    /// caller's token says (a cancelled caller must not leave a transaction holding locks), so it gets a short timeout
    /// of its own; a rollback the server refuses while a statement of the transaction still runs is tried again in
    /// the background until the transaction would expire.
    /// </summary>
    public TimeSpan RollbackTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws an <see cref="ArgumentException"/> that says what to fix when the options cannot work.</summary>
    public void Validate()
    {
        if (Uri is null || !Uri.IsAbsoluteUri)
        {
            throw new ArgumentException(
                $"Neo4jConnectionOptions.Uri must be an absolute http(s) address such as http://localhost:7474; got '{RedactedUri}'.",
                nameof(Uri));
        }

        if (!Uri.OriginalString.Contains("://", StringComparison.Ordinal))
        {
            // "neo4j:PASSWORD@127.0.0.1:7474" parses as scheme "neo4j" and a path: it is an address without a scheme.
            throw new ArgumentException(
                $"Neo4jConnectionOptions.Uri '{RedactedUri}' has no http:// or https:// in front: write it as http://host:7474, "
                + "with the user and its password in their own settings (SUPPLYGRAPH_NEO4J_USER and its password variable).",
                nameof(Uri));
        }

        if (Uri.Scheme is "neo4j" or "neo4j+s" or "neo4j+ssc" or "bolt" or "bolt+s" or "bolt+ssc")
        {
            throw new ArgumentException(
                $"Neo4jConnectionOptions.Uri '{RedactedUri}' is a Bolt address ({Uri.Scheme}://), but this client speaks Neo4j's HTTP "
                + $"Query API: use the http(s) address instead, e.g. http://{Uri.Host}:7474 or https://{Uri.Host}:7473.",
                nameof(Uri));
        }

        if (Uri.Scheme != Uri.UriSchemeHttp && Uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException(
                $"Neo4jConnectionOptions.Uri '{RedactedUri}' must use http or https (the Query API listens on 7474 or 7473).",
                nameof(Uri));
        }

        if (!string.IsNullOrEmpty(Uri.Query) || !string.IsNullOrEmpty(Uri.Fragment))
        {
            throw new ArgumentException(
                $"Neo4jConnectionOptions.Uri '{RedactedUri}' must be a base address without query or fragment.", nameof(Uri));
        }

        if (string.IsNullOrWhiteSpace(Database))
        {
            throw new ArgumentException("Neo4jConnectionOptions.Database must name a database, e.g. \"neo4j\".", nameof(Database));
        }

        ValidateCredentials();

        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException(
                $"Neo4jConnectionOptions.RequestTimeout must be positive; got {RequestTimeout}.", nameof(RequestTimeout));
        }

        if (RollbackTimeout <= TimeSpan.Zero && RollbackTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException(
                $"Neo4jConnectionOptions.RollbackTimeout must be positive; got {RollbackTimeout}.", nameof(RollbackTimeout));
        }

        if (MaxRetries < 0)
        {
            throw new ArgumentException($"Neo4jConnectionOptions.MaxRetries cannot be negative; got {MaxRetries}.", nameof(MaxRetries));
        }

        if (RetryBaseDelay < TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"Neo4jConnectionOptions.RetryBaseDelay cannot be negative; got {RetryBaseDelay}.", nameof(RetryBaseDelay));
        }
    }

    // Secrets stay out of logs that print the options.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Uri = ").Append(RedactedUri)
            .Append(", Database = ").Append(Database)
            .Append(", User = ").Append(User)
            .Append(", Password = ").Append(Password is null ? "" : "***")
            .Append(", BearerToken = ").Append(BearerToken is null ? "" : "***")
            .Append(", RequestTimeout = ").Append(RequestTimeout)
            .Append(", RollbackTimeout = ").Append(RollbackTimeout)
            .Append(", MaxRetries = ").Append(MaxRetries)
            .Append(", RetryBaseDelay = ").Append(RetryBaseDelay);
        return true;
    }

    /// <summary>
    /// The address as written, with whatever stands before its host's '@' masked: the user-info of
    /// <c>http://user:password@host</c>, and also of <c>user:password@host</c> written without a scheme, which a URI
    /// parser reads as scheme <c>user</c> and path <c>password@host</c> (and so printed whole, issue 20).
    /// </summary>
    private static string Redact(Uri? uri)
    {
        if (uri is null)
        {
            return string.Empty;
        }

        if (uri.IsAbsoluteUri && !string.IsNullOrEmpty(uri.UserInfo))
        {
            return uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped);
        }

        var text = uri.OriginalString;
        var (start, at) = UserInfoSpan(text);
        return at < 0 ? text : string.Concat(text.AsSpan(0, start), "***", text.AsSpan(at));
    }

    /// <summary>The password written into <paramref name="address"/> (<c>user:password@</c>, with or without a scheme), or null.</summary>
    internal static string? PasswordInAddress(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return null;
        }

        var (start, at) = UserInfoSpan(address);
        if (at < 0)
        {
            return null;
        }

        var userInfo = address[start..at];
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        var password = userInfo[(colon + 1)..];
        try
        {
            return System.Uri.UnescapeDataString(password);
        }
        catch (UriFormatException)
        {
            return password;
        }
    }

    // Where the user-info starts (after "scheme://", else at the start) and the '@' that ends it (the last one before
    // the path), or -1 when there is none.
    private static (int Start, int At) UserInfoSpan(string text)
    {
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var pathStart = text.IndexOfAny(['/', '?', '#'], start);
        var authority = pathStart < 0 ? text[start..] : text[start..pathStart];
        var at = authority.LastIndexOf('@');
        return (start, at < 0 ? -1 : start + at);
    }

    private void ValidateCredentials()
    {
        if (User is not null && Password is null)
        {
            throw new ArgumentException($"Neo4jConnectionOptions.User '{User}' is set without a Password.", nameof(Password));
        }

        if (User is null && Password is not null)
        {
            throw new ArgumentException("Neo4jConnectionOptions.Password is set without a User.", nameof(User));
        }

        if (User is not null && User.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Neo4jConnectionOptions.User '{User}' contains ':', which basic authentication cannot carry.", nameof(User));
        }

        if (User is not null && BearerToken is not null)
        {
            throw new ArgumentException(
                "Neo4jConnectionOptions sets both User/Password and BearerToken; choose one way to authenticate.",
                nameof(BearerToken));
        }
    }
}
