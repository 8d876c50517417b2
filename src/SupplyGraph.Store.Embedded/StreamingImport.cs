using System.Collections.Concurrent;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Store.Embedded;

/// <summary>
/// Two threads for one import: a reader thread parses and validates the file and hands over rows in batches;
/// the calling thread writes them. A bounded queue keeps the reader at most a few batches ahead, so memory stays
/// flat whatever the file's size. If either side fails, the other is stopped and the first failure is thrown.
/// </summary>
internal static class StreamingImport
{
    private const int BatchSize = 4096;
    private const int BatchesAhead = 8;

    public static DatasetHeader Run(IDatasetSource source, IEntityLookup existing, SqliteRowWriter writer, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var batches = new BlockingCollection<object[]>(BatchesAhead);
        var reading = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    var sink = new BatchingSink(batches, stop.Token);
                    var header = source.ReadIntoAsync(sink, existing, stop.Token).GetAwaiter().GetResult();
                    sink.Flush();
                    return header;
                }
                finally
                {
                    batches.CompleteAdding();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            foreach (var batch in batches.GetConsumingEnumerable(stop.Token))
            {
                foreach (var row in batch)
                {
                    if (row is Entity entity)
                    {
                        writer.WriteEntity(entity);
                    }
                    else if (row is RelationshipRecord relationship)
                    {
                        writer.WriteRelationship(relationship);
                    }
                }
            }
        }
        catch
        {
            stop.Cancel();
            WaitQuietly(reading);
            throw;
        }

        // The reader's own failure (an invalid file) is the one to report.
        return reading.GetAwaiter().GetResult();
    }

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The writer's failure is the one being reported.
        }
    }

    private sealed class BatchingSink(BlockingCollection<object[]> batches, CancellationToken cancellationToken) : IDatasetSink
    {
        private object[] batch = new object[BatchSize];
        private int count;

        public void OnEntity(Entity entity) => Add(entity);

        public void OnRelationship(RelationshipRecord relationship) => Add(relationship);

        public void Flush()
        {
            if (count > 0)
            {
                batches.Add(batch[..count], cancellationToken);
                count = 0;
            }
        }

        private void Add(object row)
        {
            batch[count++] = row;
            if (count == BatchSize)
            {
                batches.Add(batch, cancellationToken);
                batch = new object[BatchSize];
                count = 0;
            }
        }
    }
}
