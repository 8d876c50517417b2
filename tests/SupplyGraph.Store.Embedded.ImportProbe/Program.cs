using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Embedded;

// Usage: ImportProbe <database file> <dataset file> <pause after N rows>
// Imports the dataset and, inside the import transaction, stops after N rows, says "PAUSED" and waits to be killed.
if (args.Length != 3 || !long.TryParse(args[2], out var pauseAfter))
{
    Console.Error.WriteLine("usage: ImportProbe <database file> <dataset file> <pause after N rows>");
    return 2;
}

var dataset = DatasetReader.Read(args[1]);
using var store = new EmbeddedGraphStore(
    new EmbeddedStoreOptions { DatabasePath = args[0] },
    clock: null)
{
    OnImportProgress = progress =>
    {
        if (progress.RowsWritten >= pauseAfter)
        {
            Console.Out.WriteLine($"PAUSED {progress.RowsWritten}");
            Console.Out.Flush();
            Thread.Sleep(Timeout.Infinite);
        }
    },
};
await store.InitializeAsync(CancellationToken.None);
await store.ImportAsync(dataset, CancellationToken.None);
Console.Out.WriteLine("COMMITTED");
return 0;
