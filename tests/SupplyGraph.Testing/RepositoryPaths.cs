namespace SupplyGraph.Testing;

/// <summary>Finds the repository (and the shared folder beside it) from a test's output directory.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SupplyGraph.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No SupplyGraph.sln above {AppContext.BaseDirectory}.");
    }
}
