using System.Text;

namespace SupplyGraph.Cli.Tests;

/// <summary>
/// validate and import name each input's errors by the path as it was typed (a folder's files as the folder joined
/// with their names), never as an absolute path or a bare file name, in every format.
/// </summary>
public sealed class ErrorPathTests : IDisposable
{
    private const string Sources = "\"[{\"\"document\"\":\"\"seed.txt\"\",\"\"locator\"\":\"\"a line\"\"}]\"";

    private readonly CliRun cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Validate_names_every_format_by_the_path_as_given_with_line_and_column()
    {
        // arrange: the bad byte 0xE9 (é in Latin-1) after "Café " on line 3 of each; JSON and CSV count the column in
        // bytes (é is two), YAML and notes in characters
        var json = Given(Write("data/x.json", "{\n  \"format\": \"supplygraph-dataset\",\n  \"name\": \"Café ", " x\",\n  \"version\": 1, \"entities\": [], \"relationships\": []\n}\n"));
        var yaml = Given(Write("data/x.yaml", "format: supplygraph-dataset\nversion: 1\nname: Café ", " x\nentities: []\nrelationships: []\n"));
        var csv = Given(Path.GetDirectoryName(Write("data/csv/entities.csv", $"id:ID,:LABEL,name,category,sources\nok,Actor,Ok,AI_LAB,{Sources}\nlab,Actor,Café ", $"rich,AI_LAB,{Sources}\n"))!);
        var notes = Given(Path.GetDirectoryName(Write("data/notes/acme.md", "# Acme\n\nCafé ", " au lait.\n"))!);

        // act
        var result = await CliRun.RunAsync("validate", json, yaml, csv, notes);

        // assert
        result.ExitCode.Should().Be(ExitCodes.InvalidInput, result.ToString());
        result.OutLines.Should().HaveCount(8, result.ToString());
        result.OutLines[0].Should().StartWith($"{json}:3:18: $: the file is not valid UTF-8");
        result.OutLines[2].Should().StartWith($"{yaml}:3:12: $: the file is not valid UTF-8");
        result.OutLines[4].Should().StartWith($"{csv}/entities.csv:3:17: encoding: not UTF-8: byte 0xE9");
        result.OutLines[6].Should().StartWith($"{notes}/acme.md:3:6: text: the note is not UTF-8: byte 0xE9");
    }

    [Fact]
    public async Task Import_names_the_path_as_given()
    {
        // arrange
        var json = Given(Write("data/x.json", "{\n  \"format\": \"supplygraph-dataset\",\n  \"version\": 2,\n  \"entities\": [], \"relationships\": []\n}\n"));

        // act
        var result = await cli.InStoreAsync("store", "import", json);

        // assert
        result.ExitCode.Should().Be(ExitCodes.InvalidInput, result.ToString());
        result.Error.Should().StartWith($"{json}:3:14: $.version: unsupported format version 2");
    }

    // The path relative to the working directory, as a user would type it.
    private static string Given(string path)
    {
        var given = Path.GetRelativePath(Environment.CurrentDirectory, path);
        given.Should().NotStartWith("/", "the test needs a relative path");
        return given;
    }

    // Writes the text before the bad byte, the byte, then the text after it, in a file under the test's folder.
    private string Write(string name, string before, string? after = null)
    {
        var path = cli.Path(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, after is null ? Encoding.UTF8.GetBytes(before) : [.. Encoding.UTF8.GetBytes(before), 0xE9, .. Encoding.UTF8.GetBytes(after)]);
        return path;
    }
}
