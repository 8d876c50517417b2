using System.Text;
using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Csv;
using SupplyGraph.Testing;

namespace SupplyGraph.Formats.Tests.Csv;

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
