namespace SupplyGraph.Domain.Questions;

/// <summary>
/// The budgets a walk and its listing of routes stay within. Always <see cref="Default"/> in the service; tests pass
/// tiny ones to reach the cuts (partial answers) on graphs small enough to check by other means.
/// </summary>
internal sealed record WalkBudgets
{
    public static WalkBudgets Default { get; } = new();

    /// <summary>Relationships one question may examine (<see cref="QueryLimits.ExplorationBudget"/>).</summary>
    public long Exploration { get; init; } = QueryLimits.ExplorationBudget;

    /// <summary>
    /// Looking for routes longer than the shortest can visit many dead ends; that search may examine at most this
    /// many steps, or as many as the walk itself examined if that is more, before it stops (and says so).
    /// The shortest routes are always all there: they follow the walk's own levels and never dead-end.
    /// </summary>
    public long MinimumLongerRoutes { get; init; } = 100_000;

    /// <summary>Routes of one length a hit may list before the search stops looking (and says so).</summary>
    public int RoutesPerLength { get; init; } = 10_000;

    /// <summary>Relationships an exposure answer lists over all its paths (<see cref="QueryLimits.MaxListedRelationships"/>).</summary>
    public long ListedRelationships { get; init; } = QueryLimits.MaxListedRelationships;
}
