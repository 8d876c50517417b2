using SupplyGraph.Store.Neo4j;

namespace SupplyGraph.Api.Hosting;

/// <summary>The <c>SupplyGraph</c> configuration section.</summary>
public sealed class SupplyGraphOptions
{
    public const string SectionName = "SupplyGraph";

    public int Port { get; set; } = 5080;

    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Where the embedded store keeps its file; a relative path is resolved against the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Which store to use; one of <see cref="StoreNames.All"/>.</summary>
    public string Store { get; set; } = StoreNames.Embedded;

    /// <summary>Import the seed dataset when the store starts empty.</summary>
    public bool SeedOnEmptyStore { get; set; } = true;

    /// <summary>
    /// How long opening the store (for Neo4j, reading its projection of the graph) may take, and then seeding an empty
    /// one: each is start-up work, larger than any one request, so the request deadline does not bound it.
    /// </summary>
    public double StartTimeoutSeconds { get; set; } = 600;

    public TimeSpan StartTimeout => TimeSpan.FromSeconds(StartTimeoutSeconds);

    /// <summary>The Neo4j server, when <see cref="Store"/> is <c>neo4j</c>.</summary>
    public Neo4jSettings Neo4j { get; set; } = new();

    /// <summary>How much work one request may ask for, and how many expensive ones run at once.</summary>
    public RequestLimits Limits { get; set; } = new();

    /// <summary>
    /// Whether <c>__schema</c> and <c>__type</c> are answered; when not set, on in every environment (Production too).
    /// </summary>
    public bool? Introspection { get; set; }

    /// <summary>Which documents the GraphQL endpoint runs: any, or only trusted (persisted) ones.</summary>
    public GraphQLSettings GraphQL { get; set; } = new();

    /// <summary>Host header values served (<c>api.example.com;*.example.org</c>); empty or <c>*</c> serves any host.</summary>
    public string AllowedHosts { get; set; } = "*";

    /// <summary>Origins allowed to call the API from a browser (CORS); none when empty, the default.</summary>
    public string[] CorsOrigins { get; set; } = [];
}
