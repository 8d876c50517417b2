using System.Text;
using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Csv;
using SupplyGraph.Testing;

namespace SupplyGraph.Formats.Tests.Csv;

/// <summary>Files written by hand in neo4j-admin style, good and bad.</summary>
public sealed class CsvDatasetSourceTests
{
    private const string Sources = "\"[{\"\"document\"\":\"\"seed.txt\"\",\"\"locator\"\":\"\"a line\"\"}]\"";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hand_written_files_with_id_spaces_labels_and_untyped_columns_import()
    {
        // arrange: the relationship file comes first; one node file holds two kinds; releaseDate has no type
        using var folder = new TempFolder();
        var relationships = folder.File(
            "rels.csv",
            ":START_ID(Entity),:END_ID(Entity),:TYPE,status,validFrom:date,note,sources\n"
            + $"lab,model,DEVELOPS,CONFIRMED,2024-12-26,\"first, of \"\"two\"\"\",{Sources}\n");
        var nodes = folder.File(
            "nodes.csv",
            "id:ID(Entity),:LABEL,name,aliases:string[],category,developer,releaseDate,parameters:long,founded,sources\n"
            + $"lab,Entity;Actor,The Lab,TL;Lab Inc,AI_LAB,,,,2023,{Sources}\n"
            + $"model,Model;Entity,\"Model\nOne\",,,lab,2024-12-26,671000000000,,{Sources}\n");
        var rows = new RecordingSink();

        // act
        var header = await new CsvDatasetSource([relationships, nodes]).ReadIntoAsync(rows, EntityLookup.None, Token);

        // assert
        header.Entities.Should().Be(2);
        header.Relationships.Should().Be(1);
        rows.Entities[0].Should().BeOfType<Actor>().Which.Aliases.Should().Equal("TL", "Lab Inc");
        var model = rows.Entities[1].Should().BeOfType<Model>().Subject;
        (model.Name, model.Developer, model.ReleaseDate, model.Parameters).Should().Be(("Model\nOne", "lab", new DateOnly(2024, 12, 26), 671_000_000_000L));
        model.Sources.Should().Equal(new Source("seed.txt", "a line"));
        var relationship = rows.Relationships.Should().ContainSingle().Subject;
        (relationship.Key, relationship.Note, relationship.ValidFrom).Should().Be(("lab/DEVELOPS/model", "first, of \"two\"", new DateOnly(2024, 12, 26)));
        header.Skipped.Select(item => item.ToString()).Should().Equal("nodes.csv:1: column \"founded\": not a SupplyGraph field: its values are not imported");
    }

    [Fact]
    public async Task A_file_with_only_a_header_has_no_rows()
    {
        // arrange
        using var folder = new TempFolder();
        var nodes = folder.File("actors.csv", "id:ID,:LABEL,name,category,sources\n");

        // act
        var header = await new CsvDatasetSource([nodes]).ReadIntoAsync(new RecordingSink(), EntityLookup.None, Token);

        // assert
        (header.Entities, header.Relationships).Should().Be((0L, 0L));
    }

    [Fact]
    public async Task A_node_file_without_an_id_column_is_an_error()
    {
        var errors = await ErrorsOf(("actors.csv", $"name,:LABEL,category,sources\nLab,Actor,AI_LAB,{Sources}\n"));

        errors.Should().Equal("actors.csv:1:1: :ID: no :ID column: a node file needs one (\"id:ID\"), a relationship file needs \":START_ID\" and \":END_ID\"");
    }

    [Fact]
    public async Task A_relationship_file_without_a_type_column_is_an_error()
    {
        var errors = await ErrorsOf(("rels.csv", $":START_ID,:END_ID,status,sources\na,b,CONFIRMED,{Sources}\n"));

        errors.Should().Equal("rels.csv:1:1: :TYPE: no :TYPE column: a relationship file needs one (a type per row; types given on the neo4j-admin command line are not read)");
    }

    [Fact]
    public async Task A_wrong_date_is_reported_at_its_line_and_column_after_a_multi_line_field()
    {
        var errors = await ErrorsOf((
            "regulations.csv",
            "id:ID,:LABEL,name,description,issuer,jurisdiction,effective:date,citation,summary,sources\n"
            + $"rule,Regulation,Rule,\"two\nlines\",bis,US,2023-02-30,88 FR 1,Controls chips.,{Sources}\n"
            + $"bis,Actor,BIS,,,,,,,{Sources}\n"));

        errors.Should().Equal(
            "regulations.csv:3:15: effective:date: bad date \"2023-02-30\": expected a calendar date written YYYY-MM-DD",
            "regulations.csv:4:1: category: required field is missing");
    }

    [Fact]
    public async Task A_declared_type_that_does_not_fit_the_field_is_an_error()
    {
        var errors = await ErrorsOf(("models.csv", $"id:ID,:LABEL,name,releaseDate:int,sources\nm,Model,M,2024,{Sources}\n"));

        errors.Should().Equal("models.csv:1:19: releaseDate:int: column \"releaseDate:int\" declares type \"int\", but releaseDate is a date: write \"releaseDate:date\" or leave the type out");
    }

    [Fact]
    public async Task A_relationship_to_an_unknown_id_is_an_error()
    {
        var errors = await ErrorsOf(
            ("actors.csv", $"id:ID,:LABEL,name,category,sources\nlab,Entity;Actor,Lab,AI_LAB,{Sources}\n"),
            ("rels.csv", $":START_ID,:END_ID,:TYPE,status,sources\nlab,ghost-model,DEVELOPS,CONFIRMED,{Sources}\n"));

        errors.Should().Equal("rels.csv:2:5: :END_ID: unknown entity id \"ghost-model\": no node file has it, nor the store it is imported into");
    }

    [Fact]
    public async Task A_final_newline_in_an_id_a_code_or_a_key_is_refused_as_in_JSON_and_YAML()
    {
        var errors = await ErrorsOf(
            ("actors.csv", $"id:ID,:LABEL,name,country,category,sources\n\"lab\n\",Actor,Lab,US,AI_LAB,{Sources}\nfab,Actor,Fab,\"TW\n\",FOUNDRY,{Sources}\n"),
            ("rels.csv", $":START_ID,:END_ID,:TYPE,key,status,sources\nfab,fab,SUPPLIES,\"fab-self\n\",CONFIRMED,{Sources}\n"));

        errors.Should().Equal(
            "actors.csv:2:1: id:ID: \"lab\n\" is not a valid id: use lower-case letters, digits and single hyphens (\"nvidia-h800\")",
            "actors.csv:4:15: country: \"TW\n\" is not an ISO 3166-1 alpha-2 code (two capital letters, \"CN\")",
            "rels.csv:2:18: key: \"fab-self\n\" is not a valid relationship key: use letters, digits, underscores, hyphens and slashes (\"deepseek-v3/TRAINED_ON/nvidia-h800/seed-000\")");
    }

    [Fact]
    public async Task Duplicate_ids_across_two_node_files_are_an_error()
    {
        var errors = await ErrorsOf(
            ("actors.csv", $"id:ID,:LABEL,name,category,sources\nlab,Actor,Lab,AI_LAB,{Sources}\n"),
            ("more-actors.csv", $"id:ID,:LABEL,name,category,sources\nother,Actor,Other,AI_LAB,{Sources}\nlab,Actor,Lab again,AI_LAB,{Sources}\n"));

        errors.Should().Equal("more-actors.csv:3:1: id:ID: duplicate entity id \"lab\" (first defined at actors.csv:2)");
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_reported_at_the_first_bad_byte()
    {
        // arrange: "Zürich" in Latin-1, on line 2
        var bytes = Encoding.UTF8.GetBytes($"id:ID,:LABEL,name,category,sources\nlab,Actor,Z")
            .Concat(new byte[] { 0xFC })
            .Concat(Encoding.UTF8.GetBytes($"rich Lab,AI_LAB,{Sources}\n"))
            .ToArray();

        // act
        var errors = await ErrorsOf(("actors.csv", bytes));

        // assert
        errors.Should().Equal("actors.csv:2:12: encoding: not UTF-8: byte 0xFC is not a valid character here; save the file as UTF-8");
    }

    [Fact]
    public async Task An_empty_file_is_an_error()
    {
        var errors = await ErrorsOf(("actors.csv", string.Empty));

        errors.Should().Equal("actors.csv:1:1: header: the file is empty: its first line must be a neo4j-admin header (\"id:ID,:LABEL,name,...\" for nodes, \":START_ID,:END_ID,:TYPE,...\" for relationships)");
    }

    [Fact]
    public async Task A_reference_to_an_actor_in_a_later_file_is_found_and_one_to_nothing_is_reported()
    {
        var errors = await ErrorsOf(
            ("chips.csv", $"id:ID,:LABEL,name,designer,foundries:string[],sources\nchip,Chip,Chip,maker,maker;nowhere,{Sources}\n"),
            ("actors.csv", $"id:ID,:LABEL,name,category,sources\nmaker,Actor,Maker,CHIP_DESIGNER,{Sources}\n"));

        errors.Should().Equal("chips.csv:2:22: foundries:string[]: unknown entity id \"nowhere\": no node file has it, nor the store it is imported into");
    }

    [Fact]
    public async Task Labels_and_fields_of_another_kind_are_checked_per_row()
    {
        var errors = await ErrorsOf((
            "nodes.csv",
            "id:ID,:LABEL,name,category,designer,sources\n"
            + $"lab,Entity;Company,Lab,AI_LAB,,{Sources}\n"
            + $"maker,Actor,Maker,CHIP_DESIGNER,someone,{Sources}\n"));

        errors.Should().Equal(
            "nodes.csv:2:5: :LABEL: unknown label \"Company\": a node has the label Entity and one of Actor, Chip, Model, Regulation",
            "nodes.csv:3:33: designer: unknown field \"designer\"; it belongs to Chip, not Actor");
    }

    [Fact]
    public async Task Broken_quoting_is_reported_at_its_line()
    {
        var errors = await ErrorsOf(("actors.csv", $"id:ID,:LABEL,name,category,sources\nlab,Actor,\"Lab\"x,AI_LAB,{Sources}\n"));

        errors.Should().ContainSingle().Which.Should().StartWith("actors.csv:2:1: quoting: bad CSV: ");
    }

    [Fact]
    public void Length_is_the_sum_of_the_file_sizes()
    {
        // arrange
        using var folder = new TempFolder();
        var first = folder.File("a.csv", "id:ID,:LABEL\n");
        var second = folder.File("b.csv", ":START_ID,:END_ID,:TYPE\n");

        // act
        var source = new CsvDatasetSource([first, second]);

        // assert
        source.Length.Should().Be(new FileInfo(first).Length + new FileInfo(second).Length);
        source.Name.Should().Be(Path.GetFileName(folder.Path));
    }

    private static Task<List<string>> ErrorsOf(params (string Name, string Content)[] files) =>
        ErrorsOf([.. files.Select(file => (file.Name, Encoding.UTF8.GetBytes(file.Content)))]);

    private static async Task<List<string>> ErrorsOf(params (string Name, byte[] Content)[] files)
    {
        // Named by relative paths, as a command run in the folder names them: the errors must name them so.
        using var folder = new TempFolder();
        foreach (var file in files)
        {
            folder.File(file.Name, file.Content);
        }

        var source = new CsvDatasetSource([.. files.Select(file => file.Name)], name => File.OpenRead(Path.Combine(folder.Path, name)));
        var act = () => source.ReadIntoAsync(new RecordingSink(), EntityLookup.None, Token);
        var thrown = await act.Should().ThrowAsync<DatasetValidationException>();
        return [.. thrown.Which.Errors.Select(error => error.ToString())];
    }
}
