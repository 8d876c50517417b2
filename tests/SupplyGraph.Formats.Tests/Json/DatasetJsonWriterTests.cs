using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Testing;

namespace SupplyGraph.Formats.Tests.Json;

public sealed class DatasetJsonWriterTests
{
    [Fact]
    public void An_entity_after_a_relationship_throws()
    {
        // arrange
        var dataset = SampleChain.Build();
        using var buffer = new MemoryStream();
        using var writer = new DatasetJsonWriter(buffer, "out-of-order");
        writer.OnEntity(dataset.Entities[0]);
        writer.OnRelationship(dataset.Relationships[0]);

        // act
        var act = () => writer.OnEntity(dataset.Entities[1]);

        // assert
        act.Should().Throw<InvalidOperationException>().WithMessage($"*{dataset.Entities[1].Id}*");
    }

    [Fact]
    public void An_empty_export_is_a_dataset_the_reader_accepts()
    {
        // arrange
        using var buffer = new MemoryStream();

        // act
        using (var writer = new DatasetJsonWriter(buffer, "nothing", "an export of nothing"))
        {
            writer.Finish();
        }

        // assert
        var dataset = DatasetReader.Read(buffer.ToArray(), "nothing.json");
        dataset.Name.Should().Be("nothing");
        dataset.Description.Should().Be("an export of nothing");
        dataset.Entities.Should().BeEmpty();
        dataset.Relationships.Should().BeEmpty();
    }

    [Fact]
    public void Explicit_relationship_ids_survive_and_default_keys_stay_implicit()
    {
        // arrange: two claims about the same ends, told apart by their ids, and one relationship with the default key
        var dataset = new DatasetBuilder("ids")
            .Actor("lab", ActorCategory.AiLab).Actor("fund-a", ActorCategory.Investor).Actor("fund-b", ActorCategory.Investor)
            .Link("lab", RelationshipType.BackedBy, "fund-a", key: "funding/claim-1", note: "first report")
            .Link("lab", RelationshipType.BackedBy, "fund-a", key: "funding/claim-2", note: "second report")
            .Link("lab", RelationshipType.BackedBy, "fund-b")
            .Build();

        // act
        var bytes = Write(dataset);

        // assert
        DatasetReader.Read(bytes, "ids.json").Relationships.Select(relationship => relationship.Key)
            .Should().Equal(dataset.Relationships.Select(relationship => relationship.Key));
        var ids = JsonNode.Parse(bytes)!["relationships"]!.AsArray().Select(relationship => (string?)relationship!["id"]);
        ids.Should().Equal(dataset.Relationships.Select(relationship => relationship.HasDefaultKey ? null : relationship.Key));
    }

    [Fact]
    public void Streamed_rows_make_the_same_file_as_writing_the_dataset_whole()
    {
        // arrange
        var seed = SeedDataset.Load();
        using var whole = new MemoryStream();
        DatasetJson.WriteDataset(whole, seed);

        // act
        var streamed = Write(seed);

        // assert
        Encoding.UTF8.GetString(streamed).Should().Be(Encoding.UTF8.GetString(whole.ToArray()));
    }

    [Fact]
    public void The_writer_counts_what_it_wrote()
    {
        // arrange
        var dataset = SampleChain.Build();
        using var buffer = new MemoryStream();
        using var writer = new DatasetJsonWriter(buffer, dataset.Name);

        // act
        Feed(writer, dataset);
        writer.Finish();

        // assert
        (writer.Entities, writer.Relationships).Should().Be((dataset.Entities.Count, dataset.Relationships.Count));
    }

    private static byte[] Write(Dataset dataset)
    {
        using var buffer = new MemoryStream();
        using (var writer = new DatasetJsonWriter(buffer, dataset.Name, dataset.Description))
        {
            Feed(writer, dataset);
            writer.Finish();
        }

        return buffer.ToArray();
    }

    private static void Feed(DatasetJsonWriter writer, Dataset dataset) => writer.WriteAll(dataset);
}
