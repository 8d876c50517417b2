using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Store.Embedded.Tests;

/// <summary>
/// An input made up as it is read, never held whole: <paramref name="actors"/> actors, then
/// <paramref name="relationships"/> SUPPLIES relationships between distinct pairs of them (so every default key differs).
/// </summary>
internal sealed class GeneratedSource(int actors, int relationships) : IDatasetSource
{
    private static readonly IReadOnlyList<Source> Evidence = [new Source("generated", "made up by the test")];

    public string Name => "generated.rows";

    public long Rows => actors + (long)relationships;

    public Task<DatasetHeader> ReadIntoAsync(IDatasetSink sink, IEntityLookup existing, CancellationToken cancellationToken)
    {
        if (relationships > (long)actors * (actors - 1))
        {
            throw new InvalidOperationException($"{actors} actors have fewer than {relationships} distinct ordered pairs.");
        }

        for (var i = 0; i < actors; i++)
        {
            sink.OnEntity(new Actor { Id = ActorId(i), Name = $"Generated actor {i}", Category = ActorCategory.Equipment, Sources = Evidence });
        }

        for (var i = 0; i < relationships; i++)
        {
            if (i % 10_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // The i-th pair: from each actor in turn, to the one 1, 2, 3, … places further on.
            var from = i % actors;
            var to = (from + 1 + (i / actors)) % actors;
            sink.OnRelationship(new RelationshipRecord
            {
                Key = RelationshipRecord.DefaultKey(ActorId(from), RelationshipType.Supplies, ActorId(to)),
                Type = RelationshipType.Supplies,
                From = ActorId(from),
                To = ActorId(to),
                Status = RelationshipStatus.Confirmed,
                Sources = Evidence,
            });
        }

        return Task.FromResult(new DatasetHeader("generated", null, actors, relationships));
    }

    private static string ActorId(int index) => $"generated-{index:D6}";
}
