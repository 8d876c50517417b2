namespace SupplyGraph.Store.Embedded.Tests;

/// <summary>An in-memory store that cancels its own import once it has written some rows.</summary>
internal static class CancellingStore
{
    public static async Task<EmbeddedGraphStore> CreateAsync(CancellationTokenSource cancellation, long afterRows, CancellationToken token)
    {
        var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true })
        {
            OnImportProgress = progress =>
            {
                if (progress.RowsWritten >= afterRows)
                {
                    cancellation.Cancel();
                }
            },
        };
        await store.InitializeAsync(token);
        return store;
    }
}
