namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// The bookmarks a client sends so that each request sees everything committed before it (causal consistency).
/// Like the Bolt drivers' bookmark manager, an answer replaces exactly the bookmarks its request was sent
/// with, so concurrent requests never drop each other's newer bookmarks.
/// </summary>
internal sealed class BookmarkSet
{
    private readonly Lock gate = new();
    private string[] current = [];

    /// <summary>The bookmarks to send now; the array is never changed afterwards.</summary>
    public IReadOnlyList<string> Snapshot()
    {
        lock (gate)
        {
            return current;
        }
    }

    public void Replace(IReadOnlyList<string> sent, IReadOnlyList<string> received)
    {
        if (received.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            current = [.. current.Except(sent, StringComparer.Ordinal).Union(received, StringComparer.Ordinal)];
        }
    }
}
