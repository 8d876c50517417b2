using System.Text;
using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Formats.Yaml;

namespace SupplyGraph.Formats.Tests.Yaml;

public sealed class YamlDatasetSourceTests
{
    private const string Header = """
        format: supplygraph-dataset
        version: 1
        name: small
        relationships: []
        entities:

        """;

    private static readonly Dataset Seed = SeedDataset.Load();

    [Fact]
    public async Task The_seed_written_as_YAML_reads_back_to_the_same_dataset()
    {
        // arrange
        var yaml = YamlText.FromDataset(Seed);

        // act
        var read = await YamlText.ReadAsync(yaml, "seed.yaml");

        // assert
        yaml.Should().NotContain("{").And.Contain("- id: deepseek");
        YamlText.Json(read).Should().Be(YamlText.Json(Seed));
    }

    [Fact]
    public async Task A_bad_value_is_reported_at_its_YAML_line_and_column_with_the_JSON_readers_message()
    {
        // arrange
        var yaml = YamlText.FromDataset(Seed);
        var entity = Seed.Entities.OfType<Actor>().First(actor => actor.Country == "CN");
        var marker = $"- id: {entity.Id}\n";
        var country = yaml.IndexOf("  country: CN", yaml.IndexOf(marker, StringComparison.Ordinal), StringComparison.Ordinal);
        var broken = yaml[..country] + "  country: China" + yaml[(country + "  country: CN".Length)..];
        var expected = YamlText.PositionOf(broken, "China");
        var json = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(YamlText.Json(Seed)));
        var brokenJson = json.Replace($"\"country\": \"CN\"", "\"country\": \"China\"", StringComparison.Ordinal);
        var jsonError = Assert.Throws<DatasetValidationException>(() => DatasetReader.Read(Encoding.UTF8.GetBytes(brokenJson), "seed.json")).Errors[0];

        // act
        var errors = (await YamlText.ErrorsOfAsync(Encoding.UTF8.GetBytes(broken), "seed.yaml")).Errors;

        // assert
        errors.Should().ContainSingle();
        errors[0].Should().Be(new DatasetError("seed.yaml", jsonError.JsonPath, expected.Line, expected.Column, jsonError.Message));
    }

    [Fact]
    public async Task Errors_in_flow_style_and_nested_values_point_at_the_value()
    {
        // arrange
        var yaml = Header + """
              - id: fab
                kind: Actor
                name: Fab
                category: FOUNDRY
                sources: [{document: a.txt, locator: here}]
              - {id: Bad_Id, kind: Actor, name: X, category: FOUNDRY, sources: [{document: a.txt, locator: x}]}
              - id: other
                kind: Actor
                name: Other
                category: FOUNDRY
                sources:
                  - document: a.txt
                    locator: 42
            """;

        // act
        var errors = (await YamlText.ErrorsOfAsync(yaml)).Errors;

        // assert
        errors.Select(error => (error.JsonPath, error.Line, error.Column)).Should().BeEquivalentTo(
        [
            ("$.entities[1].id", YamlText.PositionOf(yaml, "Bad_Id").Line, YamlText.PositionOf(yaml, "Bad_Id").Column),
            ("$.entities[2].sources[0].locator", YamlText.PositionOf(yaml, "42").Line, YamlText.PositionOf(yaml, "42").Column),
        ]);
    }

    [Theory]
    [InlineData("id: \"acme\\n\"", "\"acme", "$.entities[0].id", "is not a valid id")]
    [InlineData("country: \"US\\n\"", "\"US", "$.entities[0].country", "ISO 3166-1 alpha-2")]
    public async Task A_final_newline_in_an_id_or_a_code_is_refused_as_in_JSON_and_CSV(string field, string marker, string path, string message)
    {
        // arrange: a double-quoted YAML scalar can end in "\n", which the JSON reader once let through
        var other = field.StartsWith("id", StringComparison.Ordinal) ? "country: US" : "id: acme";
        var yaml = Header + $$"""
              - {{field}}
                {{other}}
                kind: Actor
                name: Acme
                category: FOUNDRY
                sources: [{document: a.txt, locator: here}]
            """;
        var (line, column) = YamlText.PositionOf(yaml, marker);

        // act
        var errors = (await YamlText.ErrorsOfAsync(yaml)).Errors;

        // assert
        var error = errors.Should().ContainSingle().Subject;
        (error.File, error.JsonPath, error.Line, error.Column).Should().Be(("test.yaml", path, line, column));
        error.Message.Should().Contain(message);
    }

    [Fact]
    public async Task Plain_scalars_follow_the_core_schema_and_quoted_ones_are_text()
    {
        // arrange
        var yaml = Header + """
              - id: model-a
                kind: Model
                name: "1.5"
                releaseDate: 2023-10-17
                parameters: +0671000000000
                activeParameters: 0x25
                aliases:
                  - 'true'
                  - |
                    block text
                description: ~
                sources: [{document: a.txt, locator: '10'}]
            """;

        // act
        var model = (Model)(await YamlText.ReadAsync(yaml)).Entities.Single();

        // assert
        model.Name.Should().Be("1.5");
        model.ReleaseDate.Should().Be(new DateOnly(2023, 10, 17));
        model.Parameters.Should().Be(671_000_000_000);
        model.ActiveParameters.Should().Be(0x25);
        model.Aliases.Should().Equal("true", "block text\n");
        model.Description.Should().BeNull();
        model.Sources.Single().Locator.Should().Be("10");
    }

    [Fact]
    public async Task A_plain_number_where_text_is_wanted_gets_the_JSON_readers_error()
    {
        // arrange
        var yaml = Header + """
              - id: fab
                kind: Actor
                name: 1234
                category: FOUNDRY
                sources: [{document: a.txt, locator: x}]
            """;

        // act
        var error = (await YamlText.ErrorsOfAsync(yaml)).Errors.Single();

        // assert
        error.JsonPath.Should().Be("$.entities[0].name");
        error.Message.Should().Contain("number");
        (error.Line, error.Column).Should().Be(YamlText.PositionOf(yaml, "1234"));
    }

    [Theory]
    [InlineData("format: &f supplygraph-dataset\n", "&f", "$.format", "anchors (&f) are not supported in a dataset file; write each value out in full")]
    [InlineData("format: supplygraph-dataset\nversion: *n\n", "*n", "$.version", "aliases (*n) are not supported in a dataset file; write the value out in full")]
    [InlineData("format: !!str supplygraph-dataset\n", "!!str", "$.format", "explicit tags (tag:yaml.org,2002:str) are not supported in a dataset file; quote a value to make it text")]
    [InlineData("format: supplygraph-dataset\n? [a, b]\n: x\n", "[a", "$", "a key in a dataset file is text, not a sequence")]
    [InlineData("format: supplygraph-dataset\nentities:\n  - {id: x}: y\n", "{id", "$.entities[0]", "a key in a dataset file is text, not a mapping")]
    [InlineData("format: supplygraph-dataset\n---\nformat: supplygraph-dataset\n", "---", "$", "a dataset file holds one YAML document; this is a second one")]
    [InlineData("version: 1\nname: \"a\\uD800\"\n", "\"a", "$.name", "not valid YAML: While scanning a quoted scalar, found invalid Unicode surrogates.")]
    [InlineData("version: 1\nname: .inf\n", ".inf", "$.name", ".inf is not a number a dataset can hold (JSON has no infinity or NaN); quote it to make it text")]
    public async Task What_the_format_has_no_room_for_is_an_error_at_its_position(string yaml, string marker, string path, string message)
    {
        // arrange
        var (line, column) = YamlText.PositionOf(yaml, marker);

        // act
        var errors = (await YamlText.ErrorsOfAsync(yaml)).Errors;

        // assert
        errors.Should().Equal(new DatasetError("test.yaml", path, line, column, message));
    }

    [Fact]
    public async Task A_YAML_syntax_error_is_reported_at_its_line_and_column()
    {
        // arrange
        const string Yaml = "format: supplygraph-dataset\nversion: 1\nentities:\n  - id: a\n   kind: Actor\n";

        // act
        var error = (await YamlText.ErrorsOfAsync(Yaml)).Errors.Single();

        // assert
        error.File.Should().Be("test.yaml");
        error.Line.Should().Be(5);
        error.Column.Should().BeGreaterThan(0);
        error.Message.Should().StartWith("not valid YAML: ").And.NotContain("(Line:");
    }

    [Fact]
    public async Task A_file_that_is_not_UTF_8_is_an_error_at_its_first_bad_byte()
    {
        // arrange
        var before = "format: supplygraph-dataset\nname: caf"u8.ToArray();
        byte[] yaml = [.. before, 0xE9, .. "\nversion: 1\n"u8.ToArray()];

        // act
        var errors = (await YamlText.ErrorsOfAsync(yaml)).Errors;

        // assert
        errors.Should().Equal(new DatasetError("test.yaml", "$", 2, "name: caf".Length + 1, $"the file is not valid UTF-8 (first bad byte at offset {before.Length})"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n\n")]
    [InlineData("  \n \n")]
    public async Task An_empty_file_is_an_error(string yaml)
    {
        // act
        var errors = (await YamlText.ErrorsOfAsync(yaml)).Errors;

        // assert
        errors.Should().Equal(new DatasetError("test.yaml", "$", 1, 1, "the file is empty (or holds only whitespace and comments); a dataset is a YAML mapping with \"format\", \"version\", \"entities\" and \"relationships\""));
    }

    [Fact]
    public async Task A_cancelled_read_stops_the_converter_too()
    {
        // arrange
        const int Count = 5000;
        var yaml = new StringWriter();
        YamlText.WriteActors(yaml, Count, descriptionLength: 10);
        using var cancellation = new CancellationTokenSource();
        var sink = new CancellingSink(cancellation);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(yaml.ToString()));

        // act
        var act = () => new YamlDatasetSource(stream, "seed.yaml").ReadIntoAsync(sink, EntityLookup.None, cancellation.Token);

        // assert
        await act.Should().ThrowAsync<OperationCanceledException>();
        sink.Entities.Should().BeLessThan(Count);
    }

    [Fact]
    public async Task A_YAML_file_over_50_MB_is_streamed_with_bounded_memory()
    {
        // arrange
        const int Count = 120_000;
        var path = Path.Combine(Path.GetTempPath(), $"supplygraph-large-{Guid.NewGuid():N}.yaml");
        using (var file = new StreamWriter(path, append: false, new UTF8Encoding(false)))
        {
            YamlText.WriteActors(file, Count, descriptionLength: 400);
        }

        var statistics = new YamlReadStatistics();
        var sink = new CountingSink();
        try
        {
            var source = new YamlDatasetSource(path) { Statistics = statistics };

            // act
            var header = await source.ReadIntoAsync(sink, EntityLookup.None, CancellationToken.None);

            // assert
            source.Length.Should().BeGreaterThan(50L * 1024 * 1024);
            header.Entities.Should().Be(Count);
            sink.Entities.Should().Be(Count);
            sink.LastId.Should().Be(YamlText.ActorId(Count - 1));
            statistics.LargestBacklog.Should().BePositive().And.BeLessThan(1024 * 1024, "the pipe holds at most a few hundred kilobytes of JSON");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class CountingSink : IDatasetSink
    {
        public int Entities { get; private set; }

        public string? LastId { get; private set; }

        public void OnEntity(Entity entity)
        {
            Entities++;
            LastId = entity.Id;
        }

        public void OnRelationship(RelationshipRecord relationship)
        {
        }
    }

    private sealed class CancellingSink(CancellationTokenSource cancellation) : IDatasetSink
    {
        public int Entities { get; private set; }

        public void OnEntity(Entity entity)
        {
            Entities++;
            cancellation.Cancel();
        }

        public void OnRelationship(RelationshipRecord relationship)
        {
        }
    }
}
