namespace SupplyGraph.Api.Hosting;

/// <summary>The <c>SupplyGraph</c> configuration section.</summary>
public sealed class SupplyGraphOptions
{
    public const string SectionName = "SupplyGraph";

    public int Port { get; set; } = 5080;

    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Where the embedded store keeps its file; a relative path is resolved against the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Which store to use; one of <see cref="StoreKinds.Names"/>.</summary>
    public string Store { get; set; } = StoreKinds.Embedded;

    /// <summary>Import the seed dataset when the store starts empty.</summary>
    public bool SeedOnEmptyStore { get; set; } = true;

    /// <summary>The Neo4j server, when <see cref="Store"/> is <c>neo4j</c>.</summary>
    public Neo4jSettings Neo4j { get; set; } = new();

    /// <summary>How much work one request may ask for, and how many expensive ones run at once.</summary>
    public RequestLimits Limits { get; set; } = new();

    /// <summary>
    /// Whether <c>__schema</c> and <c>__type</c> are answered; when not set, on in every environment but Production.
    /// </summary>
    public bool? Introspection { get; set; }

    /// <summary>Host header values served (<c>api.example.com;*.example.org</c>); empty or <c>*</c> serves any host.</summary>
    public string AllowedHosts { get; set; } = "*";

    /// <summary>Origins allowed to call the API from a browser (CORS); none when empty, the default.</summary>
    public string[] CorsOrigins { get; set; } = [];
}

/// <summary>The <c>SupplyGraph:Neo4j</c> section: where the Query API is and who we are.</summary>
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

    /// <summary>Relationships one walk question reads from Neo4j at most; past it the answer is partial.</summary>
    public int WalkReadBudget { get; set; } = 20_000;
}
