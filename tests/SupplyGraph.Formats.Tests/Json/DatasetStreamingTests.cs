using System.Text;
using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Testing;

namespace SupplyGraph.Formats.Tests.Json;

/// <summary>
/// The reader streams: these pin that reading in small, oddly cut chunks changes nothing, that members may come in
/// any order, that rows reach the sink in file order, and that memory follows the largest element, not the file.
/// </summary>
public sealed class DatasetStreamingTests
{
    private const string Source = """[ { "document": "doc-a", "locator": "p. 1" } ]""";

    private static readonly string Entities = $$"""
          "entities": [
            { "id": "nvidia", "kind": "Actor", "name": "NVIDIA", "country": "US", "category": "CHIP_DESIGNER", "sources": {{Source}} },
            { "id": "nvidia-h800", "kind": "Chip", "name": "H800 — “Hopper”", "designer": "nvidia", "sources": {{Source}} }
          ]
        """;

    private static readonly string Relationships = $$"""
          "relationships": [
            { "type": "DESIGNS", "from": "nvidia", "to": "nvidia-h800", "status": "CONFIRMED", "sources": {{Source}} }
          ]
        """;

    private static readonly string Header = """
          "format": "supplygraph-dataset",
          "version": 1,
          "name": "tiny"
        """;

    public static TheoryData<string> BrokenFiles => new()
    {
        "{\n  \"format\": \"supplygraph-dataset\",\n  \"version\": 1\n  \"entities\": []\n}",
        "  \n\t ",
        "[1, 2, 3]",
        $"{{ {Header}, {Entities}, {Relationships} }} trailing",
        $"{{ {Header}, {Entities}, {Relationships}",
        $"{{ {Header.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal)}, {Entities}, {Relationships} }}",
        $"{{ {Relationships.Replace("\"to\": \"nvidia-h800\"", "\"to\": \"ghost\"", StringComparison.Ordinal)}, {Entities}, {Header} }}",
        $"{{ {Header}, {Entities}, {Relationships.Replace("DESIGNS", "TRAINED_ON", StringComparison.Ordinal)}, \"extra\": {{ \"a\": [1, 2] }} }}",
        $"{{ {Header}, {Entities.Replace("\"US\"", "\"usa\"", StringComparison.Ordinal).Replace("\"designer\"", "\"desiner\"", StringComparison.Ordinal)}, {Relationships} }}",
        $"{{ {Header}, {Entities}, {Relationships.Replace("\"status\": \"CONFIRMED\"", "\"validFrom\": \"2023-02-30\", \"status\": 3", StringComparison.Ordinal)} }}",
        $"{{ {Header}, {Entities.Replace(Source, "[]", StringComparison.Ordinal)}, {Relationships} }}",
    };

    [Fact]
    public void The_seed_dataset_read_a_few_bytes_at_a_time_is_the_same_as_read_whole()
    {
        // arrange
        var bytes = File.ReadAllBytes(RepositoryPaths.Combine("datasets", "seed.json"));
        var whole = DatasetReader.Read(bytes, "seed.json");

        // act
        var trickled = DatasetReader.Read(new TrickleStream(bytes, seed: 1), "seed.json", SmallBuffer);

        // assert
        trickled.Name.Should().Be(whole.Name);
        trickled.Description.Should().Be(whole.Description);
        trickled.Entities.Should().BeEquivalentTo(whole.Entities, options => options.RespectingRuntimeTypes().WithStrictOrdering());
        trickled.Relationships.Should().BeEquivalentTo(whole.Relationships, options => options.WithStrictOrdering());
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_broken_file_read_a_few_bytes_at_a_time_gives_the_same_errors(string text)
    {
        // arrange
        var bytes = Encoding.UTF8.GetBytes(text);
        var whole = Errors(() => DatasetReader.Read(bytes, "broken.json"));

        // act
        var trickled = Errors(() => DatasetReader.Read(new TrickleStream(bytes, seed: text.Length), "broken.json", SmallBuffer));

        // assert
        whole.Should().NotBeEmpty();
        trickled.Should().Equal(whole);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(100)]
    [InlineData(1000)]
    public void Chunks_that_end_inside_multibyte_characters_are_read_as_whole_characters(int initialBuffer)
    {
        // arrange: a description made of 2-, 3- and 4-byte characters, so chunk ends are bound to cut some
        var description = string.Concat(Enumerable.Repeat("é—𝄞", 2000));
        var text = $$"""
            { {{Header}},
              "entities": [ { "id": "nvidia", "kind": "Actor", "name": "NVIDIA", "category": "CHIP_DESIGNER", "description": "{{description}}", "sources": {{Source}} } ],
              "relationships": [] }
            """;
        var valid = Encoding.UTF8.GetBytes(text);
        byte[] broken = [.. valid[..^3], 0xE9, .. valid[^3..]];
        var options = new DatasetReadOptions { InitialBufferSize = initialBuffer };

        // act
        var dataset = DatasetReader.Read(new TrickleStream(valid, seed: initialBuffer), "multibyte.json", options);
        var errors = Errors(() => DatasetReader.Read(new TrickleStream(broken, seed: initialBuffer), "latin1.json", options));

        // assert
        dataset.Entities.Should().ContainSingle().Which.Description.Should().Be(description);
        errors.Should().ContainSingle().Which.Message.Should().Be($"the file is not valid UTF-8 (first bad byte at offset {valid.Length - 3})");
        (errors[0].Line, errors[0].Column).Should().Be(ByteLineAndColumn(broken, valid.Length - 3), "the column counts bytes, however the chunks cut the line");
    }

    [Fact]
    public void A_bad_byte_after_a_syntax_error_is_still_the_error_reported()
    {
        // arrange: as before, UTF-8 is checked before JSON, so the bad byte wins wherever it is
        var bytes = Encoding.UTF8.GetBytes("{ \"format\": , " + new string(' ', 100_000) + "\"x\" }");
        bytes[^3] = 0xFF;

        // act
        var errors = Errors(() => DatasetReader.Read(new TrickleStream(bytes, seed: 5), "bad.json", SmallBuffer));

        // assert
        errors.Should().ContainSingle().Which.Message.Should().Contain("not valid UTF-8").And.Contain($"offset {bytes.Length - 3}");
        errors[0].ToString().Should().StartWith($"bad.json:1:{bytes.Length - 2}: $: ", "the bad byte is on line 1, past the first buffer");
    }

    [Fact]
    public void An_element_larger_than_the_buffer_is_read_whole_and_the_buffer_grows_only_to_hold_it()
    {
        // arrange
        var longDescription = new string('x', 100_000);
        var text = $$"""
            { {{Header}},
              "entities": [ { "id": "nvidia", "kind": "Actor", "name": "NVIDIA", "category": "CHIP_DESIGNER", "description": "{{longDescription}}", "sources": {{Source}} } ],
              "relationships": [] }
            """;
        var statistics = new DatasetReadStatistics();

        // act
        var dataset = DatasetReader.Read(new TrickleStream(Encoding.UTF8.GetBytes(text), seed: 6), "big.json", new DatasetReadOptions { InitialBufferSize = 1024, Statistics = statistics });

        // assert
        dataset.Entities.Should().ContainSingle().Which.Description.Should().Be(longDescription);
        statistics.LargestBuffer.Should().BeGreaterThan(100_000).And.BeLessThan(4 * 100_000);
    }

    [Fact]
    public void Relationships_may_come_before_entities_and_the_header_after_both()
    {
        // arrange
        var text = $"{{ {Relationships}, {Entities}, {Header} }}";
        var inOrder = DatasetReader.Read(Encoding.UTF8.GetBytes($"{{ {Header}, {Entities}, {Relationships} }}"), "in-order.json");

        // act
        var dataset = Read(text);

        // assert
        dataset.Name.Should().Be("tiny");
        dataset.Entities.Should().BeEquivalentTo(inOrder.Entities, options => options.RespectingRuntimeTypes().WithStrictOrdering());
        dataset.Relationships.Should().BeEquivalentTo(inOrder.Relationships, options => options.WithStrictOrdering());
    }

    [Fact]
    public void A_header_error_after_the_arrays_points_at_its_value()
    {
        // arrange
        var text = $"{{ {Entities}, {Relationships},\n  \"version\": 7,\n  \"format\": \"supplygraph-dataset\" }}";

        // act
        var error = Errors(() => Read(text)).Should().ContainSingle().Subject;

        // assert
        error.JsonPath.Should().Be("$.version");
        error.Message.Should().Be("unsupported format version 7; this build reads version 1");
        (error.Line, error.Column).Should().Be(PositionOf(text, "7,"));
    }

    [Fact]
    public void An_unknown_end_of_a_relationship_read_before_the_entities_is_reported_at_its_line_and_column()
    {
        // arrange
        var relationships = Relationships.Replace("\"to\": \"nvidia-h800\"", "\"to\": \"ghost\"", StringComparison.Ordinal);
        var text = $"{{ {Header}, {relationships}, {Entities} }}";

        // act
        var error = Errors(() => Read(text)).Should().ContainSingle().Subject;

        // assert
        error.JsonPath.Should().Be("$.relationships[0].to");
        error.Message.Should().Be("unknown entity id \"ghost\" (no entity in this file has it)");
        (error.Line, error.Column).Should().Be(PositionOf(text, "\"ghost\""));
    }

    [Fact]
    public void Checks_that_wait_for_later_entities_are_made_at_the_end()
    {
        // arrange: the chip names its designer before the designer is read; the model names a chip as developer
        var text = $$"""
            { {{Header}},
              "relationships": [
                { "type": "DESIGNS", "from": "nvidia", "to": "nvidia-h800", "status": "CONFIRMED", "sources": {{Source}} },
                { "type": "DESIGNS", "from": "nvidia", "to": "nvidia-h800", "status": "REPORTED", "sources": {{Source}} },
                { "type": "TRAINED_ON", "from": "nvidia", "to": "nvidia-h800", "status": "REPORTED", "sources": {{Source}} }
              ],
              "entities": [
                { "id": "nvidia-h800", "kind": "Chip", "name": "H800", "designer": "nvidia", "sources": {{Source}} },
                { "id": "model", "kind": "Model", "name": "M", "developer": "nvidia-h800", "sources": {{Source}} },
                { "id": "nvidia", "kind": "Actor", "name": "NVIDIA", "category": "CHIP_DESIGNER", "sources": {{Source}} }
              ] }
            """;

        // act
        var errors = Errors(() => Read(text));

        // assert
        errors.Select(error => (error.JsonPath, error.Message)).Should().Equal(
            ("$.entities[1].developer", "\"nvidia-h800\" is a Chip; an Actor is expected here"),
            ("$.relationships[1]", "duplicate relationship \"nvidia/DESIGNS/nvidia-h800\" (first defined at $.relationships[0]); give each claim its own \"id\""),
            ("$.relationships[2].from", "TRAINED_ON goes from Model; \"nvidia\" is a Actor"));
        errors[1].Line.Should().Be(PositionOf(text, "{ \"type\": \"DESIGNS\", \"from\": \"nvidia\", \"to\": \"nvidia-h800\", \"status\": \"REPORTED\"").Line);
    }

    [Fact]
    public void The_sink_receives_valid_rows_in_file_order()
    {
        // arrange: relationships first, and an entity that fails its checks
        var entities = Entities.Replace("\"nvidia-h800\", \"kind\": \"Chip\"", "\"nvidia-h800\", \"kind\": \"Chip\", \"category\": \"FOUNDRY\"", StringComparison.Ordinal);
        var text = $"{{ {Header}, {Relationships}, {entities} }}";
        var sink = new RowLogSink();

        // act
        var act = () => DatasetReader.ReadInto(new MemoryStream(Encoding.UTF8.GetBytes(text)), "rows.json", sink);

        // assert
        act.Should().Throw<DatasetValidationException>();
        sink.Rows.Should().Equal("relationship nvidia/DESIGNS/nvidia-h800", "entity nvidia");
    }

    [Fact]
    public void Read_into_returns_the_header_and_the_numbers_of_rows()
    {
        // arrange
        var sink = new RowLogSink();
        var bytes = File.ReadAllBytes(RepositoryPaths.Combine("datasets", "seed.json"));

        // act
        var header = DatasetReader.ReadInto(new MemoryStream(bytes), "seed.json", sink);

        // assert
        header.Name.Should().Be("seed");
        header.Description.Should().StartWith("Seed dataset");
        header.Entities.Should().Be(sink.Rows.Count(row => row.StartsWith("entity", StringComparison.Ordinal))).And.BePositive();
        header.Relationships.Should().Be(sink.Rows.Count(row => row.StartsWith("relationship", StringComparison.Ordinal))).And.BePositive();
    }

    [Fact]
    public void Identical_source_lists_are_one_shared_instance()
    {
        // arrange
        var text = $$"""
            { {{Header}},
              "entities": [
                { "id": "a", "kind": "Actor", "name": "A", "category": "FOUNDRY", "sources": {{Source}} },
                { "id": "b", "kind": "Actor", "name": "B", "category": "FOUNDRY", "sources": {{Source}} },
                { "id": "c", "kind": "Actor", "name": "C", "category": "FOUNDRY", "sources": [ { "document": "doc-b", "locator": "p. 1" } ] }
              ],
              "relationships": [ { "type": "SUBSIDIARY_OF", "from": "a", "to": "b", "status": "CONFIRMED", "sources": {{Source}} } ] }
            """;

        // act
        var dataset = Read(text);

        // assert
        dataset.Entities[1].Sources.Should().BeSameAs(dataset.Entities[0].Sources);
        dataset.Relationships[0].Sources.Should().BeSameAs(dataset.Entities[0].Sources);
        dataset.Entities[2].Sources.Should().NotBeSameAs(dataset.Entities[0].Sources);
        dataset.Relationships[0].From.Should().BeSameAs(dataset.Entities[0].Id, "ids are shared with the entities that define them");
    }

    [Fact]
    public void Past_the_error_limit_errors_are_counted_in_one_last_error()
    {
        // arrange: 1,200 relationships of an unknown type
        var relationships = string.Join(",\n", Enumerable.Range(0, 1200).Select(i =>
            $$"""{ "type": "MAKES", "from": "nvidia", "to": "nvidia-h800", "status": "CONFIRMED", "sources": {{Source}} }"""));
        var text = $"{{ {Header}, {Entities}, \"relationships\": [\n{relationships}\n] }}";

        // act
        var errors = Errors(() => Read(text));

        // assert
        errors.Should().HaveCount(DatasetReader.ErrorLimit + 1);
        errors[^2].JsonPath.Should().Be($"$.relationships[{DatasetReader.ErrorLimit - 1}].type");
        errors[^1].Message.Should().Be("200 more errors were found and not listed: the reader lists the first 1,000");
    }

    [Fact]
    public void Header_errors_are_listed_even_past_the_limit()
    {
        // arrange
        var relationships = string.Join(",\n", Enumerable.Range(0, 10).Select(_ =>
            $$"""{ "type": "MAKES", "from": "nvidia", "to": "nvidia-h800", "status": "CONFIRMED", "sources": {{Source}} }"""));
        var text = $"{{ \"format\": \"other\", \"version\": 1, {Entities}, \"relationships\": [\n{relationships}\n] }}";

        // act
        var errors = Errors(() => DatasetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "many.json", new DatasetReadOptions { ErrorLimit = 5 }));

        // assert
        errors.Select(error => error.JsonPath).Should().StartWith("$.format");
        errors.Should().HaveCount(7);
        errors[^1].Message.Should().StartWith("5 more errors were found and not listed");
    }

    [Fact]
    public void Cancelling_stops_the_read_within_a_few_thousand_rows()
    {
        // arrange
        using var cancellation = new CancellationTokenSource();
        var sink = new RowLogSink(afterRows: 10, cancellation.Cancel);
        var bytes = LargeDataset(relationships: 20_000);

        // act
        var act = () => DatasetReader.ReadInto(new MemoryStream(bytes), "large.json", sink, cancellation.Token);

        // assert
        act.Should().Throw<OperationCanceledException>();
        sink.Rows.Count.Should().BeInRange(10, 10 + 1024);
    }

    [Fact]
    public void A_multi_megabyte_file_is_read_through_a_small_buffer()
    {
        // arrange
        var bytes = LargeDataset(relationships: 40_000);
        var statistics = new DatasetReadStatistics();
        var sink = new RowLogSink();

        // act
        var header = DatasetReader.ReadInto(new TrickleStream(bytes, seed: 7, maxRead: 64 * 1024), "large.json", sink, new DatasetReadOptions { Statistics = statistics }, CancellationToken.None);

        // assert
        bytes.Length.Should().BeGreaterThan(5_000_000);
        header.Relationships.Should().Be(40_000);
        statistics.BytesRead.Should().Be(bytes.Length);
        statistics.LargestBuffer.Should().BeLessThanOrEqualTo(DatasetReadOptions.Default.InitialBufferSize * 2, "no element needs more than the initial buffer");
    }

    [Theory]
    [InlineData("a-é-b—c")]
    [InlineData("𝄞x")]
    [InlineData("plain")]
    public void A_chunk_is_checked_up_to_its_last_whole_character(string text)
    {
        // arrange: the byte offsets where characters start
        var bytes = Encoding.UTF8.GetBytes(text);
        var boundaries = new List<int> { 0 };
        foreach (var rune in text.EnumerateRunes())
        {
            boundaries.Add(boundaries[^1] + rune.Utf8SequenceLength);
        }

        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            // act
            var complete = Utf8Chunks.CompleteLength(bytes.AsSpan(0, cut));

            // assert: only a character cut by the chunk's end is left for the next chunk
            complete.Should().Be(boundaries.Where(boundary => boundary <= cut).Max());
            Utf8Chunks.FirstInvalidOffset(bytes.AsSpan(0, complete)).Should().Be(-1);
        }
    }

    private static DatasetReadOptions SmallBuffer { get; } = new() { InitialBufferSize = 16 };

    private static Dataset Read(string text) => DatasetReader.Read(Encoding.UTF8.GetBytes(text), "input.json");

    private static IReadOnlyList<DatasetError> Errors(Func<Dataset> read) =>
        read.Should().Throw<DatasetValidationException>().Which.Errors;

    // Line and column (from 1, the column in bytes) of a byte offset.
    private static (int? Line, int? Column) ByteLineAndColumn(byte[] bytes, int offset)
    {
        var lineStart = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(0, offset - 1)) + 1;
        return (bytes.AsSpan(0, offset).Count((byte)'\n') + 1, offset - lineStart + 1);
    }

    private static (int? Line, int? Column) PositionOf(string text, string needle)
    {
        var offset = Encoding.UTF8.GetByteCount(text[..text.IndexOf(needle, StringComparison.Ordinal)]);
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStart = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(0, offset - 1)) + 1;
        return (bytes.AsSpan(0, offset).Count((byte)'\n') + 1, offset - lineStart + 1);
    }

    private static byte[] LargeDataset(int relationships)
    {
        var builder = new DatasetBuilder("large");
        for (var i = 0; i < 1000; i++)
        {
            builder.Actor($"actor-{i}", ActorCategory.Foundry);
        }

        for (var i = 0; i < relationships; i++)
        {
            builder.Link($"actor-{i % 1000}", RelationshipType.SubsidiaryOf, $"actor-{((i * 7) + 1) % 1000}", key: $"link-{i}");
        }

        using var buffer = new MemoryStream();
        DatasetJson.WriteDataset(buffer, builder.Build());
        return buffer.ToArray();
    }

    /// <summary>Collects what the sink was given, as "entity id" and "relationship key"; can act after some rows.</summary>
    private sealed class RowLogSink(int afterRows = int.MaxValue, Action? then = null) : IDatasetSink
    {
        public List<string> Rows { get; } = [];

        public void OnEntity(Entity entity) => Add($"entity {entity.Id}");

        public void OnRelationship(RelationshipRecord relationship) => Add($"relationship {relationship.Key}");

        private void Add(string row)
        {
            Rows.Add(row);
            if (Rows.Count == afterRows)
            {
                then?.Invoke();
            }
        }
    }

    /// <summary>A stream that gives 1 to <c>maxRead</c> bytes per read, like a slow network stream.</summary>
    private sealed class TrickleStream(byte[] data, int seed, int maxRead = 7) : Stream
    {
        private readonly Random random = new(seed);
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(Math.Min(buffer.Length, random.Next(1, maxRead + 1)), data.Length - position);
            data.AsSpan(position, count).CopyTo(buffer);
            position += count;
            return count;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
