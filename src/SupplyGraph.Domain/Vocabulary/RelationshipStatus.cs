namespace SupplyGraph.Domain.Vocabulary;

/// <summary>How well a relationship is established by its sources.</summary>
public enum RelationshipStatus
{
    /// <summary>Stated by the parties themselves or an official record.</summary>
    Confirmed,

    /// <summary>Reported by credible secondary sources, not confirmed by the parties.</summary>
    Reported,

    /// <summary>Claimed or suspected, unconfirmed ("widely suspected, unconfirmed").</summary>
    Alleged,

    /// <summary>Contested by other sources ("disputed in detail").</summary>
    Disputed,
}
