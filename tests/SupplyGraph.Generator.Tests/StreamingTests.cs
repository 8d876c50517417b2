using System.Diagnostics;
using System.Text.Json;
using FluentAssertions;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Generator.Tests;

public sealed class StreamingTests
{
    [Fact]
    public void Size_M_streams_to_a_non_seekable_stream_in_small_writes_with_bounded_allocations()
    {
        // arrange
        var sink = new CountingSink();
        var options = new GeneratorOptions { Entities = GeneratorOptions.M };
        var clock = Stopwatch.StartNew();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        // act
        var summary = SyntheticSupplyChain.Write(sink, options);

        // assert
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        clock.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"M: {summary}; {clock.Elapsed.TotalSeconds:F2} s; {sink.Writes:N0} writes, largest {sink.LargestWrite:N0} bytes; "
            + $"{allocated:N0} bytes allocated on the writing thread");
        sink.Bytes.Should().Be(summary.Bytes);
        summary.Entities.Should().Be(GeneratorOptions.M);
        summary.Relationships.Should().BeInRange(360_000, 440_000);
        sink.Bytes.Should().BeGreaterThan(50_000_000);
        sink.LargestWrite.Should().BeLessThanOrEqualTo(1 << 20, "the writer flushes as it goes instead of buffering the dataset");
        allocated.Should().BeLessThan(16 << 20, "nothing of the dataset is kept; the file is {0:N0} bytes", sink.Bytes);
    }

    [Fact]
    public void Size_M_has_unique_relationship_keys_and_every_end_among_the_entities_written_before()
    {
        // arrange: write M to a file and walk it token by token
        var options = new GeneratorOptions { Entities = GeneratorOptions.M, Seed = 2 };
        var path = Path.Combine(Path.GetTempPath(), $"supplygraph-generator-{Guid.NewGuid():N}.json");

        try
        {
            SyntheticSupplyChain.Write(path, options);

            // act
            var (entityIds, keys, duplicateKeys, danglingEnds) = Scan(File.ReadAllBytes(path));

            // assert
            entityIds.Should().Be(GeneratorOptions.M);
            keys.Should().BeGreaterThan(360_000);
            duplicateKeys.Should().Be(0);
            danglingEnds.Should().Be(0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Counts entities, relationship keys, repeated keys and ends naming no entity, in one pass over the tokens.</summary>
    private static (int Entities, int Keys, int DuplicateKeys, int DanglingEnds) Scan(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        var dangling = 0;
        string? section = null;
        string? type = null, from = null, to = null, id = null;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                section = reader.GetString();
                continue;
            }

            if (reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.StartObject)
            {
                type = from = to = id = null;
            }
            else if (reader.CurrentDepth == 3 && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "id": id = reader.GetString(); break;
                    case "type": type = reader.GetString(); break;
                    case "from": from = reader.GetString(); break;
                    case "to": to = reader.GetString(); break;
                    default: reader.Skip(); break;
                }
            }
            else if (reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.EndObject)
            {
                if (section == "entities")
                {
                    ids.Add(id!);
                }
                else if (section == "relationships")
                {
                    RelationshipTypes.TryParse(type, out var parsed).Should().BeTrue();
                    dangling += (ids.Contains(from!) ? 0 : 1) + (ids.Contains(to!) ? 0 : 1);
                    duplicates += keys.Add(id ?? RelationshipRecord.DefaultKey(from!, parsed, to!)) ? 0 : 1;
                }
            }
        }

        return (ids.Count, keys.Count, duplicates, dangling);
    }

    /// <summary>A write-only stream that keeps nothing: it counts bytes and writes, and refuses to seek or tell its length.</summary>
    private sealed class CountingSink : Stream
    {
        public long Bytes { get; private set; }

        public int Writes { get; private set; }

        public int LargestWrite { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Bytes += buffer.Length;
            Writes++;
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
        }
    }
}
