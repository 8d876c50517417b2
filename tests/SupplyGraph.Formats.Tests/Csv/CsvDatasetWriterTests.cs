using FluentAssertions;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Csv;
using SupplyGraph.Testing;

namespace SupplyGraph.Formats.Tests.Csv;

/// <summary>The files and the command the writer leaves for neo4j-admin.</summary>
public sealed class CsvDatasetWriterTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Finish_writes_a_file_per_kind_the_relationships_and_the_neo4j_admin_command()
    {
        // arrange
        using var folder = new TempFolder();
        using var writer = new CsvDatasetWriter(folder.Path);

        // act
        var files = writer.Finish();

        // assert
        files.Select(Path.GetFileName).Should().Equal("actors.csv", "chips.csv", "models.csv", "regulations.csv", "relationships.csv");
        File.ReadAllText(Path.Combine(folder.Path, "chips.csv")).Should()
            .Be("id:ID,:LABEL,kind,name,aliases:string[],aliasText,nameKeys:string[],country,description,tags:string[],designer,foundries:string[],process,sources,fingerprint\n");
        File.ReadAllText(Path.Combine(folder.Path, "relationships.csv")).Should()
            .Be(":START_ID,:END_ID,:TYPE,key,validFrom:date,validTo:date,status,note,sources,fingerprint\n");
        var nodes = string.Join(' ', files.Take(4).Select(file => $"--nodes=\"{file}\""));
        File.ReadAllText(writer.CommandFile).Should().Be(
            $"neo4j-admin database import full neo4j {nodes} --relationships=\"{files[4]}\" "
            + "--delimiter=\",\" --array-delimiter=\";\" --quote='\"' --multiline-fields=true --id-type=string\n");
    }

    [Fact]
    public void Rows_carry_the_labels_and_the_helper_properties_of_the_neo4j_store()
    {
        // arrange
        using var folder = new TempFolder();
        using var writer = new CsvDatasetWriter(folder.Path);

        // act
        writer.OnEntity(Lab("deepseek", "DeepSeek", "DeepSeek AI", "deepseek"));
        var files = writer.Finish();

        // assert
        var row = File.ReadAllLines(files[0])[1];
        row.Should().StartWith("deepseek,Entity;Actor,Actor,DeepSeek,DeepSeek AI;deepseek,DeepSeek AI deepseek,DEEPSEEK;DEEPSEEK AI,,,,AI_LAB,,");
    }

    [Fact]
    public async Task Commas_quotes_line_breaks_and_spaces_survive_the_round_trip()
    {
        // arrange
        using var folder = new TempFolder();
        var tricky = Lab("lab", " Lab, \"the\"\r\nfirst ", "a,b", "\"q\"") with { Description = "=1+2, said \"x\"\n\nend" };
        IReadOnlyList<string> files;
        using (var writer = new CsvDatasetWriter(folder.Path))
        {
            writer.OnEntity(tricky);
            files = writer.Finish();
        }

        var rows = new RecordingSink();

        // act
        await new CsvDatasetSource(files).ReadIntoAsync(rows, EntityLookup.None, Token);

        // assert
        rows.Entities.Should().ContainSingle().Which.Should().BeEquivalentTo(tricky);
    }

    [Fact]
    public void A_list_item_holding_the_array_delimiter_is_rejected()
    {
        // arrange
        using var folder = new TempFolder();
        using var writer = new CsvDatasetWriter(folder.Path);

        // act
        var act = () => writer.OnEntity(Lab("lab", "Lab", "one; two"));

        // assert
        act.Should().Throw<ArgumentException>().WithMessage(
            "Entity \"lab\": aliases \"one; two\" contains \";\", which separates list items in neo4j-admin CSV and cannot be escaped; it cannot be exported as CSV.*");
    }

    private static Actor Lab(string id, string name, params string[] aliases) => new()
    {
        Id = id,
        Name = name,
        Aliases = aliases,
        Category = ActorCategory.AiLab,
        Sources = [new Source("seed.txt", "a line")],
    };
}
