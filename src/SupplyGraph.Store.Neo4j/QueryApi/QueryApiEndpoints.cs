namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>The Query API addresses of one database, below the configured base address.</summary>
internal sealed class QueryApiEndpoints
{
    private readonly string prefix;

    public QueryApiEndpoints(Uri baseUri, string database)
    {
        Database = database;

        // Keeps a base path (a reverse proxy may serve Neo4j below one) and escapes the database name.
        prefix = baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/db/" + Uri.EscapeDataString(database) + "/query/v2";
        Query = new Uri(prefix);
        Transactions = new Uri(prefix + "/tx");
    }

    /// <summary>The database's name, as configured.</summary>
    public string Database { get; }

    public Uri Query { get; }

    public Uri Transactions { get; }

    public Uri Transaction(string id) => new(prefix + "/tx/" + Uri.EscapeDataString(id));

    public Uri Commit(string id) => new(prefix + "/tx/" + Uri.EscapeDataString(id) + "/commit");
}
