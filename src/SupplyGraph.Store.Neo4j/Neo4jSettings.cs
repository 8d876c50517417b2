using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j;

/// <summary>
/// The Neo4j store's settings as a host binds them (the <c>SupplyGraph:Neo4j</c> section, <c>SUPPLYGRAPH_NEO4J_*</c>):
/// where the Query API is and who we are, as text, turned into <see cref="Neo4jStoreOptions"/> by <see cref="ToStoreOptions"/>.
/// </summary>
public sealed class Neo4jSettings
{
    /// <summary>The HTTP(S) base address of the server's Query API, e.g. http://localhost:7474.</summary>
    public string? Uri { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>A bearer token (Aura, SSO) instead of a user and password.</summary>
    public string? BearerToken { get; set; }

    public string Database { get; set; } = "neo4j";

    public int RequestTimeoutSeconds { get; set; } = 30;

    public int ImportBatchSize { get; set; } = 1000;

    /// <summary>Seconds between looks at Neo4j's last commit (the projection is read again when it moved); 0: never.</summary>
    public double ProjectionRefreshSeconds { get; set; } = 1;

    /// <summary>The store's options; throws when the address is missing or not an absolute HTTP(S) address.</summary>
    public Neo4jStoreOptions ToStoreOptions() => new()
    {
        Connection = ToConnectionOptions(),
        ImportBatchSize = ImportBatchSize,
        ProjectionRefreshInterval = TimeSpan.FromSeconds(ProjectionRefreshSeconds),
    };

    /// <summary>
    /// The secrets these settings hold, for a host to mask wherever they appear: the password, the token, and a
    /// password written into the address (with or without a scheme: <c>neo4j:PASSWORD@host</c>).
    /// </summary>
    public IEnumerable<string> Secrets()
    {
        if (!string.IsNullOrEmpty(Password))
        {
            yield return Password;
        }

        if (!string.IsNullOrEmpty(BearerToken))
        {
            yield return BearerToken;
        }

        if (Neo4jConnectionOptions.PasswordInAddress(Uri) is { Length: > 0 } inAddress)
        {
            yield return inAddress;
        }
    }

    /// <summary>What is wrong with these settings, each naming the setting to change; empty when they can work.</summary>
    public IEnumerable<string> Failures()
    {
        if (string.IsNullOrWhiteSpace(Uri))
        {
            yield return "SupplyGraph:Neo4j:Uri (SUPPLYGRAPH_NEO4J_URI) is required for the neo4j store: the HTTP address of the Query API, e.g. http://localhost:7474.";
            yield break;
        }

        string? problem = null;
        try
        {
            ToConnectionOptions().Validate();
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or UriFormatException)
        {
            problem = exception.Message;
        }

        if (problem is not null)
        {
            yield return $"SupplyGraph:Neo4j (SUPPLYGRAPH_NEO4J_*): {problem}";
        }

        if (RequestTimeoutSeconds is < 1 or > 86_400)
        {
            yield return $"SupplyGraph:Neo4j:RequestTimeoutSeconds must be from 1 to 86400 (a day); got {RequestTimeoutSeconds}.";
        }

        if (double.IsNaN(ProjectionRefreshSeconds) || ProjectionRefreshSeconds is < 0 or > 3600)
        {
            yield return $"SupplyGraph:Neo4j:ProjectionRefreshSeconds (SUPPLYGRAPH_NEO4J_PROJECTION_REFRESH_SECONDS) must be from 0 (never) to 3600 seconds; got {ProjectionRefreshSeconds}.";
        }
    }

    /// <summary>The Query API connection: a user and password written into the address are taken out of it and used as basic auth.</summary>
    internal Neo4jConnectionOptions ToConnectionOptions()
    {
        var uri = new Uri(Uri ?? throw new InvalidOperationException("SupplyGraph:Neo4j:Uri is not set."));
        var (user, password) = (User, Password);
        if (uri.IsAbsoluteUri && !string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            user ??= System.Uri.UnescapeDataString(parts[0]);
            password ??= parts.Length > 1 ? System.Uri.UnescapeDataString(parts[1]) : null;
            uri = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
        }

        return new Neo4jConnectionOptions
        {
            Uri = uri,
            Database = Database,
            User = user,
            Password = password,
            BearerToken = BearerToken,
            RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds),
        };
    }
}
