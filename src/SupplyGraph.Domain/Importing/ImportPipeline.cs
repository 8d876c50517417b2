using System.Threading.Channels;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Importing;

/// <summary>Rows as the reader handed them over, entities and relationships apart (entities are written first).</summary>
public sealed record ImportBatch(List<Entity> Entities, List<RelationshipRecord> Relationships)
{
    /// <summary>Document titles; a reader hands them over after its last row, so they come in the last batch.</summary>
    public List<DocumentTitle> Documents { get; } = [];

    public int Count => Entities.Count + Relationships.Count;
}

/// <summary>
/// The one way every store imports: a reader task parses and validates the input and hands over rows in batches; the
/// caller's writer writes them, inside the transaction the store opened. A bounded channel keeps the reader at most a
/// few batches ahead, so memory stays flat whatever the input's size. If either side fails, the other is stopped and
/// the reader's own failure (an invalid input) is the one reported; the store then rolls back.
/// </summary>
public static class ImportPipeline
{
    private const int BatchesAhead = 4;

    /// <returns>What the input said about itself, once every row was written.</returns>
    public static async Task<DatasetHeader> RunAsync(
        IDatasetSource source,
        IEntityLookup existing,
        int batchSize,
        Func<ImportBatch, CancellationToken, ValueTask> writeBatch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(writeBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<ImportBatch>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
        // The reader gets a thread of its own (it blocks while the writer is behind), so it never waits on the
        // thread pool the writer's continuations run on: on 2 cores that would make the two take turns.
        var reading = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    var sink = new BatchingSink(batches.Writer, batchSize, stop.Token);
                    var header = source.ReadIntoAsync(sink, existing, stop.Token).GetAwaiter().GetResult();
                    sink.Flush();
                    return header;
                }
                finally
                {
                    batches.Writer.TryComplete();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
            {
                await writeBatch(batch, stop.Token);
            }
        }
        catch
        {
            await stop.CancelAsync();
            await Task.WhenAny(reading);
            throw;
        }

        return await reading;
    }

    /// <summary>Hands rows over in batches, waiting while the writer is a few batches behind (bounded memory).</summary>
    private sealed class BatchingSink(ChannelWriter<ImportBatch> batches, int batchSize, CancellationToken cancellationToken) : IDatasetSink
    {
        private ImportBatch batch = new([], []);

        public void OnEntity(Entity entity)
        {
            batch.Entities.Add(entity);
            FlushWhenFull();
        }

        public void OnRelationship(RelationshipRecord relationship)
        {
            batch.Relationships.Add(relationship);
            FlushWhenFull();
        }

        public void OnDocument(DocumentTitle document) => batch.Documents.Add(document);

        public void Flush()
        {
            if (batch.Count > 0 || batch.Documents.Count > 0)
            {
                // The reader runs on its own thread: blocking it here is what keeps it at most a few batches ahead.
                batches.WriteAsync(batch, cancellationToken).AsTask().GetAwaiter().GetResult();
                batch = new ImportBatch([], []);
            }
        }

        private void FlushWhenFull()
        {
            if (batch.Count >= batchSize)
            {
                Flush();
            }
        }
    }
}
