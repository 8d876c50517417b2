namespace SupplyGraph.Domain.Datasets;

/// <summary>
/// One entry of a dataset's <c>documents</c> list: the human title (and where to read it) of a document its sources
/// cite, so answers can show "An analyst's research note on DeepSeek" instead of a file name.
/// </summary>
/// <param name="Document">The document exactly as the sources cite it.</param>
public sealed record DocumentTitle(string Document, string Title, string? Url = null);
