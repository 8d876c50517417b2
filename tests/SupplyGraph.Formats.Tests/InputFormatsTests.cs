using FluentAssertions;

namespace SupplyGraph.Formats.Tests;

/// <summary>Which format a named path is read as, and which paths are read together as one input.</summary>
public sealed class InputFormatsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("supplygraph-inputs-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Files_are_told_by_extension_and_others_by_their_first_bytes()
    {
        // arrange
        var json = Write("a.json", "{}");
        var yaml = Write("b.yml", "format: supplygraph-dataset");
        var note = Write("003.txt", "---\naliases: [X]\n---\n# X\n");
        var unknown = Write("c.txt", "id,name\n");

        // act
        var detected = new[] { json, yaml, note }.Select(path => InputFormats.Detect(path, InputOptions.Default));
        var act = () => InputFormats.Detect(unknown, InputOptions.Default);

        // assert
        detected.Should().Equal(InterchangeFormat.DatasetJson, InterchangeFormat.DatasetYaml, InterchangeFormat.Notes);
        act.Should().Throw<InputFormatException>().WithMessage($"{unknown}: cannot tell the format*pass --as json|yaml|csv|notes");
    }

    [Fact]
    public void A_folder_of_csv_files_is_one_input_of_its_files_in_ordinal_order_without_hidden_ones()
    {
        // arrange
        var export = Path.Combine(folder, "export");
        var relationships = Write("export/relationships.csv", ":START_ID,:END_ID,:TYPE\n");
        var actors = Write("export/actors.csv", "id:ID,:LABEL\n");
        Write("export/.trash/old.md", "# an editor's leftover\n");
        var dataset = Write("seed.json", "{}");

        // act
        var groups = InputFormats.Group([dataset, export], InputOptions.Default);

        // assert
        groups.Select(group => group.Format).Should().Equal(InterchangeFormat.DatasetJson, InterchangeFormat.Csv);
        groups[1].Paths.Should().Equal(actors, relationships);
    }

    [Fact]
    public void Csv_files_and_notes_named_apart_are_each_read_together_in_the_order_first_named()
    {
        // arrange
        var note = Write("notes/a.md", "# A\n");
        var nodes = Write("nodes.csv", "id:ID,:LABEL\n");
        var otherNote = Write("b.md", "# B\n");
        var relationships = Write("rels.csv", ":START_ID,:END_ID,:TYPE\n");

        // act
        var groups = InputFormats.Group([note, nodes, otherNote, relationships], InputOptions.Default);

        // assert
        groups.Select(group => (group.Format, group.Paths.ToArray())).Should().BeEquivalentTo(
            new[] { (InterchangeFormat.Notes, new[] { note, otherNote }), (InterchangeFormat.Csv, new[] { nodes, relationships }) },
            options => options.WithStrictOrdering());
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
