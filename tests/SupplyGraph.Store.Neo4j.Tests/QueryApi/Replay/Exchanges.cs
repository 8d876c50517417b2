namespace SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

/// <summary>
/// Finds the recorded exchanges at run time: walks up from the test binaries to a folder holding
/// <c>shared/neo4j-query-api</c>, or one whose parent does (the repository is cloned with shared/ beside it).
/// NEO4J_QUERY_API_EXCHANGES may point at the folder directly.
/// </summary>
internal static class Exchanges
{
    private static readonly Lazy<string> LazyFolder = new(Locate);

    public static string Folder => LazyFolder.Value;

    public static IReadOnlyList<string> AllNames() =>
        [.. Directory.EnumerateFiles(Path.Combine(Folder, "exchanges"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    /// <param name="name">The file name without extension, e.g. <c>21-tx-open</c>.</param>
    public static RecordedExchange Load(string name) =>
        RecordedExchange.Load(Path.Combine(Folder, "exchanges", name + ".json"));

    /// <param name="name">A file of the second recording (start-up, restart, locks, deadlock), e.g. <c>59-lock-waiter-tx-delete-while-statement-waits</c>.</param>
    public static RecordedExchange LoadOperation(string name) =>
        RecordedExchange.Load(Path.Combine(Folder, "operations", name + ".json"));

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("NEO4J_QUERY_API_EXCHANGES");
        if (!string.IsNullOrEmpty(configured) && Directory.Exists(Path.Combine(configured, "exchanges")))
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var inside = Path.Combine(directory.FullName, "shared", "neo4j-query-api");
            if (Directory.Exists(inside))
            {
                return inside;
            }

            var beside = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "neo4j-query-api"));
            if (Directory.Exists(beside))
            {
                return beside;
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/neo4j-query-api found above {AppContext.BaseDirectory} or beside any of its parents; "
            + "clone the repository with shared/ beside it or set NEO4J_QUERY_API_EXCHANGES.");
    }
}
