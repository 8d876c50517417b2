using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Testing;

namespace SupplyGraph.Domain.Tests.Questions;

/// <summary>
/// Random graphs built to be hard for listing routes: ids that are prefixes of one another ("n1", "n1-4", "n1a"),
/// parallel claims of every status between the same two entities, many routes of equal length.
/// </summary>
internal static class HardGraphs
{
    /// <summary>Foundries supplying one another at random.</summary>
    public static GraphIndex Supplies(int seed, int nodes, int edges)
    {
        var random = new Random(seed);
        var ids = Ids(nodes);
        var builder = new DatasetBuilder("random");
        foreach (var id in ids)
        {
            builder.Actor(id, ActorCategory.Foundry);
        }

        for (var index = 0; index < edges; index++)
        {
            var from = random.Next(nodes);
            var to = random.Next(nodes);
            if (from == to)
            {
                continue;
            }

            builder.Link(ids[from], RelationshipType.Supplies, ids[to], status: (RelationshipStatus)random.Next(4), key: $"claim-{index:D4}");
        }

        var dataset = builder.Build();
        return GraphIndex.Build(dataset.Entities, dataset.Relationships);
    }

    /// <summary>
    /// Actors, chips and models joined by every walked type at random (so serving and owning end routes early, and a
    /// node can be reached by a terminal step before it is walked on from), some claims no longer valid, and three
    /// regulations: two in force (<c>r0</c>, <c>r1</c>), one not yet (<c>r1-x</c>), each restricting a few entities.
    /// </summary>
    public static Dataset Exposure(int seed, int nodes, int edges)
    {
        var random = new Random(seed);
        var ids = Ids(nodes);
        var builder = new DatasetBuilder("random");
        for (var index = 0; index < nodes; index++)
        {
            _ = (index % 4) switch
            {
                0 => builder.Actor(ids[index], ActorCategory.Foundry),
                1 => builder.Chip(ids[index]),
                2 => builder.Model(ids[index]),
                _ => builder.Actor(ids[index], ActorCategory.CloudProvider),
            };
        }

        string[] regulations = ["r0", "r1", "r1-x"];
        builder.Regulation("r0", new DateOnly(2020, 1, 1))
            .Regulation("r1", new DateOnly(2020, 1, 1))
            .Regulation("r1-x", new DateOnly(2030, 1, 1));
        RelationshipType[] types =
        [
            RelationshipType.Supplies, RelationshipType.Fabricates, RelationshipType.Designs, RelationshipType.Operates, RelationshipType.Hosts,
            RelationshipType.Develops, RelationshipType.TrainedOn, RelationshipType.AvailableOn, RelationshipType.BackedBy,
        ];
        for (var index = 0; index < edges; index++)
        {
            var from = random.Next(nodes);
            var to = random.Next(nodes);
            if (from == to)
            {
                continue;
            }

            DateOnly? validTo = random.Next(20) == 0 ? new DateOnly(2024, 1, 1) : null;
            builder.Link(ids[from], types[random.Next(types.Length)], ids[to], validTo: validTo, status: (RelationshipStatus)random.Next(4), key: $"claim-{index:D4}");
        }

        for (var index = 0; index < Math.Max(3, nodes / 8); index++)
        {
            builder.Link(ids[random.Next(nodes)], RelationshipType.RestrictedBy, regulations[random.Next(regulations.Length)], status: (RelationshipStatus)random.Next(4), key: $"restricted-{index:D4}");
        }

        return builder.Build();
    }

    private static List<string> Ids(int nodes) =>
        [.. Enumerable.Range(0, nodes).Select(index => index % 3 == 0 ? $"n{index / 3}" : index % 3 == 1 ? $"n{index / 3}-{index}" : $"n{index / 3}a")];
}
