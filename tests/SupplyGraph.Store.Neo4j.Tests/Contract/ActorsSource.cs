using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Store.Neo4j.Tests.Contract;

/// <summary>Generated actors, one source each: calls <c>beforeRow</c> with each row's index, and counts its reads.</summary>
internal sealed class ActorsSource(int rows, Action<int> beforeRow) : IDatasetSource
{
    private int reads;

    public string Name => "actors";

    /// <summary>How often the input was read from its start (an import run again reads it again).</summary>
    public int Reads => reads;

    public Task<DatasetHeader> ReadIntoAsync(IDatasetSink sink, IEntityLookup existing, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref reads);
        for (var i = 0; i < rows; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            beforeRow(i);
            sink.OnEntity(new Actor
            {
                Id = $"actor-{i}",
                Name = $"Actor {i}",
                Category = ActorCategory.AiLab,
                Sources = [new Source("test", $"row {i}")],
            });
        }

        return Task.FromResult(new DatasetHeader(Name, null, rows, 0));
    }
}
