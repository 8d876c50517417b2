using System.Text;
using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Interchange.Csv;

namespace SupplyGraph.Interchange.Tests.Csv;

/// <summary>A file far larger than any buffer is streamed: read in small pieces, rows handed over as they come.</summary>
public sealed class CsvLargeInputTests
{
    private const long FileSize = 50L * 1024 * 1024;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_50_MB_node_file_is_read_in_small_pieces_and_its_rows_arrive_before_its_end()
    {
        // arrange
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "actors.csv");
        var rowsWritten = WriteLargeFile(path);
        CountingStream? counting = null;
        var source = new CsvDatasetSource([path], file => counting = new CountingStream(File.OpenRead(file)));
        var sink = new ProgressSink(() => counting!.BytesRead);

        // act
        var header = await source.ReadIntoAsync(sink, EntityLookup.None, Token);

        // assert
        header.Entities.Should().Be(rowsWritten);
        sink.Entities.Should().Be(rowsWritten);
        counting!.BytesRead.Should().BeGreaterThanOrEqualTo(FileSize);
        counting.LargestRead.Should().BeLessThanOrEqualTo(1024 * 1024, "the parser reads through a buffer, not the whole file");
        sink.BytesReadAtFirstRow.Should().BeLessThan(FileSize / 10, "the first row is handed over long before the end is read");
    }

    private static long WriteLargeFile(string path)
    {
        const string Sources = "\"[{\"\"document\"\":\"\"generated\"\",\"\"locator\"\":\"\"row\"\"}]\"";
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write("id:ID,:LABEL,name,aliases:string[],description,category,sources\n");
        var description = new string('x', 160);
        long rows = 0;
        while (writer.BaseStream.Length < FileSize)
        {
            for (var i = 0; i < 1000; i++, rows++)
            {
                writer.Write($"actor-{rows},Entity;Actor,Actor {rows},A{rows};B{rows},\"{description}, \"\"quoted\"\"\",EQUIPMENT,{Sources}\n");
            }

            writer.Flush();
        }

        return rows;
    }

    /// <summary>Counts the bytes read and the largest single read.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public int LargestRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count), count);

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer), buffer.Length);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken), buffer.Length);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        // The size asked for is what the reader buffers; the size returned may be less.
        private int Count(int read, int asked)
        {
            BytesRead += read;
            LargestRead = Math.Max(LargestRead, asked);
            return read;
        }
    }

    /// <summary>Counts rows, noting how much of the file was read when the first arrived.</summary>
    private sealed class ProgressSink(Func<long> bytesRead) : IDatasetSink
    {
        public long Entities { get; private set; }

        public long BytesReadAtFirstRow { get; private set; } = -1;

        public void OnEntity(Entity entity)
        {
            if (Entities++ == 0)
            {
                BytesReadAtFirstRow = bytesRead();
            }
        }

        public void OnRelationship(RelationshipRecord relationship)
        {
        }
    }
}
