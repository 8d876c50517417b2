using System.Text;
using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Formats.Csv;
using SupplyGraph.Formats.Json;
using SupplyGraph.Formats.Notes;
using SupplyGraph.Formats.Yaml;
using SupplyGraph.Testing;

namespace SupplyGraph.Formats.Tests;

/// <summary>
/// In every format, a byte that is not UTF-8 is reported as <c>path:line:column</c>, with the path as it was given
/// (relative, and for a folder the folder joined with the file's name) and the column counted as the format's other
/// errors count it: in bytes for JSON and CSV, in characters for YAML and notes.
/// </summary>
public sealed class InputErrorLocationTests : IDisposable
{
    // The bad byte comes after "Café " (é is two bytes, one character), so the two ways of counting columns differ.
    private const string BeforeBadByte = "Café ";
    private const byte BadByte = 0xE9; // é in Latin-1
    private const int PaddingBytes = 150 * 1024; // past the readers' buffers (the JSON reader's is 64 KB)
    private const string Sources = "\"[{\"\"document\"\":\"\"seed.txt\"\",\"\"locator\"\":\"\"a line\"\"}]\"";

    private readonly string root = Directory.CreateTempSubdirectory("supplygraph-locations-").FullName;

    public enum Placement
    {
        /// <summary>On line 3 or so of a short file.</summary>
        Middle,

        /// <summary>On a short line after 150 KB of lines.</summary>
        AfterLargePadding,

        /// <summary>150 KB into one long line.</summary>
        FarIntoALongLine,
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Placement.Middle)]
    [InlineData(Placement.AfterLargePadding)]
    [InlineData(Placement.FarIntoALongLine)]
    public async Task Json_names_the_path_as_given_and_the_column_in_bytes(Placement placement)
    {
        // arrange
        var (bytes, line, before) = Layout(
            ["{", "  \"format\": \"supplygraph-dataset\","],
            _ => new string(' ', 60),
            "  \"name\": \"",
            "x\",",
            ["  \"version\": 1, \"entities\": [], \"relationships\": []", "}"],
            placement);
        var path = Write("data/x.json", bytes);

        // act
        var error = await SingleErrorAsync(new DatasetFileSource(path));

        // assert
        error.Should().StartWith($"{path}:{line}:{ByteColumn(before)}: $: the file is not valid UTF-8");
    }

    [Theory]
    [InlineData(Placement.Middle)]
    [InlineData(Placement.AfterLargePadding)]
    [InlineData(Placement.FarIntoALongLine)]
    public async Task Yaml_names_the_path_as_given_and_the_column_in_characters(Placement placement)
    {
        // arrange
        var (bytes, line, before) = Layout(
            ["format: supplygraph-dataset", "version: 1"],
            index => $"# padding comment {index}, long enough to fill a line or two of the buffer",
            "name: ",
            "x",
            ["entities: []", "relationships: []"],
            placement);
        var path = Write("data/x.yaml", bytes);

        // act
        var error = await SingleErrorAsync(new YamlDatasetSource(path));

        // assert
        error.Should().StartWith($"{path}:{line}:{CharacterColumn(before)}: $: the file is not valid UTF-8");
    }

    [Theory]
    [InlineData(Placement.Middle)]
    [InlineData(Placement.AfterLargePadding)]
    [InlineData(Placement.FarIntoALongLine)]
    public async Task Csv_names_each_file_as_the_folder_given_joined_with_its_name_and_the_column_in_bytes(Placement placement)
    {
        // arrange: a valid file before the bad one, so the bad one is not simply the first
        var (bytes, line, before) = Layout(
            ["id:ID,:LABEL,name,category,sources"],
            index => $"e{index},Actor,Padding actor {index},AI_LAB,{Sources}",
            "lab,Actor,",
            $"rich Lab,AI_LAB,{Sources}",
            [],
            placement);
        var folder = Write("data/csv/actors.csv", Encoding.UTF8.GetBytes($"id:ID,:LABEL,name,category,sources\nother,Actor,Other,AI_LAB,{Sources}\n"));
        Write("data/csv/entities.csv", bytes);
        var given = Path.GetDirectoryName(folder)!;
        var group = InputFormats.Group([given], InputOptions.Default).Should().ContainSingle().Subject;

        // act
        var error = await SingleErrorAsync(new CsvDatasetSource(group.Paths));

        // assert
        error.Should().StartWith($"{given}/entities.csv:{line}:{ByteColumn(before)}: encoding: not UTF-8: byte 0xE9");
    }

    [Theory]
    [InlineData(Placement.Middle)]
    [InlineData(Placement.AfterLargePadding)]
    [InlineData(Placement.FarIntoALongLine)]
    public async Task Notes_name_each_note_as_the_folder_given_joined_with_its_name_and_the_column_in_characters(Placement placement)
    {
        // arrange
        var (bytes, line, before) = Layout(
            ["# Acme", string.Empty],
            index => $"Prose line {index} of the note, long enough to pad it out.",
            "It sells ",
            " au lait.",
            [],
            placement);
        var given = Path.GetDirectoryName(Write("data/notes/acme.md", bytes))!;

        // act
        var error = await SingleErrorAsync(new NotesDatasetSource([given], NotesOptions.Default));

        // assert
        error.Should().StartWith($"{given}/acme.md:{line}:{CharacterColumn(before)}: text: the note is not UTF-8: byte 0xE9");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    // Columns count from 1: the bytes, or the UTF-16 characters, before the bad byte on its line, plus one.
    private static int ByteColumn(string before) => Encoding.UTF8.GetByteCount(before) + 1;

    private static int CharacterColumn(string before) => before.Length + 1;

    // A file whose first bad byte ends the line "prefix … Café ": its bytes, its line and the text before it on the line.
    private static (byte[] Bytes, int Line, string Before) Layout(
        string[] head, Func<int, string> padding, string prefix, string after, string[] tail, Placement placement)
    {
        var lines = new List<string>(head);
        for (var index = 0; placement == Placement.AfterLargePadding && lines.Sum(text => text.Length + 1) < PaddingBytes; index++)
        {
            lines.Add(padding(index));
        }

        var before = prefix + (placement == Placement.FarIntoALongLine ? new string('x', PaddingBytes) : string.Empty) + BeforeBadByte;
        var text = new StringBuilder();
        foreach (var earlier in lines)
        {
            text.Append(earlier).Append('\n');
        }

        byte[] bytes = [.. Encoding.UTF8.GetBytes(text.Append(before).ToString()), BadByte, .. Encoding.UTF8.GetBytes(after + "\n" + string.Concat(tail.Select(rest => rest + "\n")))];
        return (bytes, lines.Count + 1, before);
    }

    private static async Task<string> SingleErrorAsync(IDatasetSource source)
    {
        var read = () => source.ReadIntoAsync(new RecordingSink(), EntityLookup.None, Token);
        var thrown = await read.Should().ThrowAsync<DatasetValidationException>();
        return thrown.Which.Errors.Should().ContainSingle().Subject.ToString();
    }

    // Writes under the test's folder and returns the path relative to the working directory, as a user would type it.
    private string Write(string name, byte[] bytes)
    {
        var full = Path.Combine(root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        var given = Path.GetRelativePath(Environment.CurrentDirectory, full);
        given.Should().NotStartWith("/", "the test needs a relative path");
        return given;
    }
}
