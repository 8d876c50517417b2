using FluentAssertions;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Generator.Tests;

public sealed class ReadBackTests
{
    private static readonly string[] SizeNames = ["S", "m", "L", "2,500"];

    [Fact]
    public void Size_S_reads_back_through_the_dataset_reader_with_every_entity_and_about_four_relationships_each()
    {
        // arrange
        var options = new GeneratorOptions { Entities = GeneratorOptions.S };

        // act
        var output = Generated.Generate(options);

        // assert
        output.Dataset.Entities.Should().HaveCount(10_000);
        output.Dataset.Relationships.Count.Should().BeInRange(36_000, 44_000, "about four relationships per entity");
        output.Dataset.Name.Should().Be("synthetic-10000-seed-42");
        output.Summary.Entities.Should().Be(output.Dataset.Entities.Count);
        output.Summary.Relationships.Should().Be(output.Dataset.Relationships.Count);
        output.Summary.Bytes.Should().Be(output.Bytes.Length);
        foreach (var type in Enum.GetValues<RelationshipType>())
        {
            output.Summary.RelationshipsOf(type).Should().Be(output.OfType(type).Count(), $"the summary counts {type.Name()} as written");
        }
    }

    [Theory]
    [InlineData(GeneratorOptions.MinimumEntities)]
    [InlineData(1_234)]
    [InlineData(25_001)]
    public void Any_size_has_exactly_the_requested_entity_count_and_reads_back(int entities)
    {
        // act
        var output = Generated.Generate(new GeneratorOptions { Entities = entities, Seed = 5 });

        // assert
        output.Dataset.Entities.Should().HaveCount(entities);
        output.Dataset.Relationships.Count.Should().BeInRange(3 * entities, 5 * entities);
        foreach (var tier in SyntheticLayout.Tiers)
        {
            output.Layout.Count(tier).Should().BeGreaterThan(0, $"{tier} is a tier of every dataset");
        }
    }

    [Fact]
    public void Ids_names_and_sources_are_plainly_synthetic()
    {
        // arrange
        var output = Generated.Small;

        // assert
        output.Dataset.Entities.Where(entity => !output.Layout.TryParseId(entity.Id, out _, out _)).Should().BeEmpty();
        output.Dataset.Entities.Should().OnlyContain(entity =>
            entity.Id.StartsWith("syn-", StringComparison.Ordinal)
            && entity.Name.StartsWith("Synthetic ", StringComparison.Ordinal)
            && entity.Tags.Contains("synthetic"));
        output.Dataset.Entities.SelectMany(entity => entity.Sources)
            .Concat(output.Dataset.Relationships.SelectMany(relationship => relationship.Sources))
            .Should().OnlyContain(source => source.Document == "synthetic:seed-42" && source.Locator.StartsWith("generator rule: ", StringComparison.Ordinal));
        output.Dataset.Entities.OfType<Actor>().Select(actor => actor.Country).Should().OnlyContain(country => country != null && country.Length == 2);
    }

    [Fact]
    public void The_layout_names_ids_by_tier_and_rank_and_reads_them_back()
    {
        // arrange
        var layout = new SyntheticLayout(GeneratorOptions.L);

        // act
        var id = layout.Id(SyntheticTier.Foundry, 123);
        var parsed = layout.TryParseId(id, out var tier, out var index);

        // assert
        id.Should().Be("syn-foundry-000123");
        SyntheticLayout.Name(SyntheticTier.Foundry, 123).Should().Be("Synthetic Foundry 123");
        parsed.Should().BeTrue();
        (tier, index).Should().Be((SyntheticTier.Foundry, 123));
        layout.TryParseId("syn-foundry-999999", out _, out _).Should().BeFalse("there are only 5,000 foundries in L");
        layout.TryParseId("deepseek", out _, out _).Should().BeFalse();
        SyntheticLayout.Tiers.Sum(t => layout.Count(t)).Should().Be(GeneratorOptions.L);
    }

    [Fact]
    public void Named_sizes_are_ten_thousand_a_hundred_thousand_and_a_million_entities()
    {
        // act
        var sizes = SizeNames.Select(size => GeneratorOptions.ForSize(size, seed: 3).Entities);

        // assert
        sizes.Should().Equal(10_000, 100_000, 1_000_000, 2_500);
        GeneratorOptions.ForSize("S", seed: 3).Seed.Should().Be(3);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(GeneratorOptions.MinimumEntities - 1)]
    [InlineData(GeneratorOptions.MaximumEntities + 1)]
    public void A_size_out_of_range_is_refused_before_anything_is_written(int entities)
    {
        // arrange
        using var buffer = new MemoryStream();

        // act
        var write = () => SyntheticSupplyChain.Write(buffer, new GeneratorOptions { Entities = entities });

        // assert
        write.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*between 100 and 100,000,000 entities*");
        buffer.Length.Should().Be(0);
    }

    [Fact]
    public void An_unknown_size_name_is_refused_with_the_names_it_knows()
    {
        // act
        var parse = () => GeneratorOptions.ForSize("XL");

        // assert
        parse.Should().Throw<ArgumentException>().WithMessage("*S (10,000 entities), M (100,000), L (1,000,000)*");
    }

    [Fact]
    public void Indented_output_holds_the_same_dataset_as_compact_output()
    {
        // arrange
        var compact = new GeneratorOptions { Entities = 500, Seed = 9 };

        // act
        var compactBytes = Generated.Bytes(compact);
        var indentedBytes = Generated.Bytes(compact with { Indented = true });

        // assert
        indentedBytes.Length.Should().BeGreaterThan(compactBytes.Length);
        indentedBytes.Should().NotContain((byte)'\r', "line ends are \\n on every platform, so the bytes are too");
        var fromIndented = DatasetReader.Read(indentedBytes, "indented.json");
        var fromCompact = DatasetReader.Read(compactBytes, "compact.json");
        fromIndented.Relationships.Should().BeEquivalentTo(fromCompact.Relationships, options => options.WithStrictOrdering());
        fromIndented.Entities.Select(entity => entity.Id).Should().Equal(fromCompact.Entities.Select(entity => entity.Id));
    }
}
