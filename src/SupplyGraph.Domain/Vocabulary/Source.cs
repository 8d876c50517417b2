namespace SupplyGraph.Domain.Vocabulary;

/// <summary>Why a fact is in the graph: the document it comes from and where in it.</summary>
public sealed record Source(string Document, string Locator, string? Url = null);
