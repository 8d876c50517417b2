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

    /// <summary>
    /// Relationships an exposure answer lists over all its paths: past it, the farthest exposed entities are left out
    /// and the answer is <c>partial</c> (cut by the exploration budget), so the answer's memory stays bounded.
    /// </summary>
    public const int MaxListedRelationships = 1_000_000;
}
