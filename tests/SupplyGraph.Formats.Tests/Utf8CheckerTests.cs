using FluentAssertions;

namespace SupplyGraph.Formats.Tests;

/// <summary>The one UTF-8 check of the CSV, YAML and notes readers: where the first bad byte is, however the bytes arrive.</summary>
public sealed class Utf8CheckerTests
{
    // "ab\n" then "x€😀" (1 + 3 + 4 bytes; 1 + 1 + 2 UTF-16 characters) then a Latin-1 é.
    private static readonly byte[] Bytes = [.. "ab\nx€😀"u8.ToArray(), 0xE9, .. "z\n"u8.ToArray()];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(64)]
    public void The_first_bad_byte_is_located_in_bytes_and_in_characters_whatever_the_chunks(int chunkSize)
    {
        // act
        var fault = CheckInChunks(Bytes, chunkSize);

        // assert
        fault.Should().Be(new Utf8Fault(Offset: 11, Line: 2, ByteColumn: 9, CharacterColumn: 5, Value: 0xE9, EndsInsideCharacter: false));
    }

    [Fact]
    public void A_byte_order_mark_is_a_column_in_bytes_but_no_character()
    {
        // act
        var fault = Utf8Checker.FirstFault([.. "\uFEFFab"u8.ToArray(), 0xFC]);

        // assert
        fault.Should().Be(new Utf8Fault(Offset: 5, Line: 1, ByteColumn: 6, CharacterColumn: 3, Value: 0xFC, EndsInsideCharacter: false));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void Bytes_that_end_inside_a_character_are_located_at_its_start(int chunkSize)
    {
        // act
        var fault = CheckInChunks([.. "ab"u8.ToArray(), 0xE2, 0x82], chunkSize);

        // assert
        fault.Should().Be(new Utf8Fault(Offset: 2, Line: 1, ByteColumn: 3, CharacterColumn: 3, Value: 0xE2, EndsInsideCharacter: true));
    }

    [Fact]
    public void A_sequence_cut_by_a_chunk_and_broken_by_the_next_is_located_at_its_start()
    {
        // arrange
        var checker = new Utf8Checker();

        // act
        var first = checker.Check([.. "a"u8.ToArray(), 0xE2]);
        var second = checker.Check("b"u8);

        // assert
        first.Should().BeNull();
        second.Should().Be(new Utf8Fault(Offset: 1, Line: 1, ByteColumn: 2, CharacterColumn: 2, Value: 0xE2, EndsInsideCharacter: false));
    }

    [Fact]
    public void The_stream_reads_through_valid_text_and_throws_at_a_bad_byte()
    {
        // arrange
        using var good = new Utf8CheckingStream(new MemoryStream("x€😀\n"u8.ToArray()));
        using var bad = new Utf8CheckingStream(new MemoryStream(Bytes));

        // act
        var text = new StreamReader(good).ReadToEnd();
        var act = () => new StreamReader(bad).ReadToEnd();

        // assert
        text.Should().Be("x€😀\n");
        act.Should().Throw<NotUtf8Exception>().Which.Should().Match<NotUtf8Exception>(e =>
            e.Line == 2 && e.Column == 9 && e.Message == "not UTF-8: byte 0xE9 is not a valid character here; save the file as UTF-8");
    }

    private static Utf8Fault? CheckInChunks(byte[] bytes, int chunkSize)
    {
        var checker = new Utf8Checker();
        foreach (var chunk in bytes.Chunk(chunkSize))
        {
            if (checker.Check(chunk) is { } fault)
            {
                return fault;
            }
        }

        return checker.End();
    }
}
