namespace SupplyGraph.Domain.Vocabulary;

/// <summary>What a relationship type means to the questions.</summary>
public enum RelationshipRole
{
    /// <summary>A dependency: one end is upstream of the other in the supply chain.</summary>
    Supply,

    /// <summary>A dependency in which the upstream end owns the downstream end (a lab's models, a designer's chips).</summary>
    Product,

    /// <summary>
    /// A dependency between a model and the platform that serves it (AVAILABLE_ON). A platform depends on what it
    /// serves only as its own offering: walked upstream from the platform itself, never through it; walked
    /// downstream, the walk ends at the platform.
    /// </summary>
    Serving,

    /// <summary>A regulation restricting its subject (RESTRICTED_BY).</summary>
    Control,

    /// <summary>Context shown in profiles and paths, never walked as a dependency.</summary>
    Context,
}
