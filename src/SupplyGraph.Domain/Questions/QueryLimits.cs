namespace SupplyGraph.Domain.Questions;

/// <summary>Bounds on every traversal: a safe default, a hard cap the caller cannot pass.</summary>
public static class QueryLimits
{
    public const int DefaultMaxHops = 8;
    public const int MaxMaxHops = 16;
    public const int DefaultMaxPaths = 25;
    public const int MaxMaxPaths = 100;
    public const int DefaultSearchResults = 20;
    public const int MaxSearchResults = 200;

    /// <summary>Relationships one question may examine before it stops and answers <c>partial</c>.</summary>
    public const int ExplorationBudget = 5_000_000;
}
