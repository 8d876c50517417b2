namespace SupplyGraph.Domain.Vocabulary;

/// <summary>
/// Relationship types. Each has one documented direction (from → to); <see cref="RelationshipTypes"/>
/// says which end is upstream, which is how the questions walk the chain.
/// </summary>
public enum RelationshipType
{
    Supplies,
    Fabricates,
    Designs,
    Operates,
    Hosts,
    Develops,
    TrainedOn,
    BackedBy,
    AvailableOn,
    RestrictedBy,
    IssuedBy,
    SubsidiaryOf,
    CompetesWith,
}
