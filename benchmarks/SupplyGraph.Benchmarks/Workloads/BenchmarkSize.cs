using SupplyGraph.Generator;

namespace SupplyGraph.Benchmarks.Workloads;

/// <summary>A graph the harness measures: the seed dataset, or a generated size (S, M, L).</summary>
public sealed record BenchmarkSize(string Name, GeneratorOptions? Generated)
{
    public static BenchmarkSize Seed { get; } = new("seed", null);

    public bool IsSeed => Generated is null;

    public static BenchmarkSize Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().Equals("seed", StringComparison.OrdinalIgnoreCase)
            ? Seed
            : new BenchmarkSize(text.Trim().ToUpperInvariant(), GeneratorOptions.ForSize(text));
    }

    /// <summary>Where the generated dataset file is kept between runs (generation is deterministic).</summary>
    public string DatasetPath(BenchmarkPaths paths) => Path.Combine(paths.Data, $"{Name}.json");

    /// <summary>The store the import writes and cold start and the questions then open.</summary>
    public string StoreDirectory(BenchmarkPaths paths) => Path.Combine(paths.Data, "stores", Name);
}

/// <summary>The harness's folders under <c>benchmarks/</c>.</summary>
public sealed record BenchmarkPaths(string Root)
{
    /// <summary>Generated datasets and stores: large, never committed.</summary>
    public string Data => Path.Combine(Root, "data");

    /// <summary>One JSON file per measurement; RESULTS.md is written from them.</summary>
    public string Results => Path.Combine(Root, "results");

    public string ResultsMarkdown => Path.Combine(Root, "RESULTS.md");

    public string LoadTool => Path.Combine(Root, "load", "http-load.mjs");

    public string RepositoryRoot => Path.GetFullPath(Path.Combine(Root, ".."));

    public static BenchmarkPaths Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SupplyGraph.sln")))
            {
                return new BenchmarkPaths(Path.Combine(directory.FullName, "benchmarks"));
            }
        }

        throw new InvalidOperationException("Cannot find the repository (SupplyGraph.sln) above " + AppContext.BaseDirectory);
    }
}
