using System.Text;
using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Formats.Tests.Json;

public sealed class DatasetReaderTests
{
    private const string ValidDataset = """
        {
          "format": "supplygraph-dataset",
          "version": 1,
          "name": "tiny",
          "entities": [
            { "id": "nvidia", "kind": "Actor", "name": "NVIDIA", "country": "US", "category": "CHIP_DESIGNER",
              "sources": [ { "document": "doc-a", "locator": "p. 1" } ] },
            { "id": "nvidia-h800", "kind": "Chip", "name": "H800", "designer": "nvidia",
              "sources": [ { "document": "doc-a", "locator": "p. 2" } ] }
          ],
          "relationships": [
            { "type": "DESIGNS", "from": "nvidia", "to": "nvidia-h800", "status": "CONFIRMED", "validFrom": "2023-03-01",
              "sources": [ { "document": "doc-a", "locator": "p. 3" } ] }
          ]
        }
        """;

    [Fact]
    public void A_valid_file_reads_into_typed_entities_and_relationships()
    {
        // act
        var dataset = Read(ValidDataset);

        // assert
        dataset.Name.Should().Be("tiny");
        dataset.Entities.Should().HaveCount(2);
        dataset.Entities[0].Should().BeOfType<Actor>().Which.Category.Should().Be(ActorCategory.ChipDesigner);
        dataset.Entities[1].Should().BeOfType<Chip>().Which.Designer.Should().Be("nvidia");
        var relationship = dataset.Relationships.Should().ContainSingle().Subject;
        relationship.Key.Should().Be("nvidia/DESIGNS/nvidia-h800");
        relationship.ValidFrom.Should().Be(new DateOnly(2023, 3, 1));
        relationship.Sources.Should().ContainSingle().Which.Locator.Should().Be("p. 3");
    }

    [Fact]
    public void Writing_and_reading_again_gives_the_same_dataset()
    {
        // arrange
        var original = Read(ValidDataset);
        using var buffer = new MemoryStream();

        // act
        DatasetJson.WriteDataset(buffer, original);
        var again = DatasetReader.Read(buffer.ToArray(), "again.json");

        // assert
        again.Entities.Should().BeEquivalentTo(original.Entities, options => options.RespectingRuntimeTypes());
        again.Relationships.Should().BeEquivalentTo(original.Relationships);
    }

    [Fact]
    public void An_unknown_relationship_type_is_named_with_its_line_and_the_allowed_types()
    {
        // arrange
        var text = ValidDataset.Replace("\"type\": \"DESIGNS\"", "\"type\": \"MAKES\"", StringComparison.Ordinal);

        // act
        var error = SingleError(text);

        // assert
        error.JsonPath.Should().Be("$.relationships[0].type");
        error.Message.Should().Contain("unknown relationship type \"MAKES\"").And.Contain("TRAINED_ON");
        error.Line.Should().Be(LineOf(text, "\"MAKES\""));
        error.ToString().Should().StartWith($"input.json:{error.Line}:");
    }

    [Fact]
    public void A_dangling_id_is_reported_at_the_relationship_end()
    {
        var text = ValidDataset.Replace("\"to\": \"nvidia-h800\"", "\"to\": \"nvidia-h900\"", StringComparison.Ordinal);

        var error = SingleError(text);

        error.JsonPath.Should().Be("$.relationships[0].to");
        error.Message.Should().Contain("unknown entity id \"nvidia-h900\"");
        error.Line.Should().Be(LineOf(text, "\"nvidia-h900\""));
    }

    [Fact]
    public void A_bad_date_is_reported_with_the_expected_form()
    {
        var text = ValidDataset.Replace("\"2023-03-01\"", "\"2023-02-30\"", StringComparison.Ordinal);

        var error = SingleError(text);

        error.JsonPath.Should().Be("$.relationships[0].validFrom");
        error.Message.Should().Contain("bad date \"2023-02-30\"").And.Contain("YYYY-MM-DD");
    }

    [Fact]
    public void A_missing_source_is_reported()
    {
        var text = ValidDataset.Replace(",\n      \"sources\": [ { \"document\": \"doc-a\", \"locator\": \"p. 3\" } ]", string.Empty, StringComparison.Ordinal);
        text.Should().NotContain("p. 3", "the test must remove the relationship's sources");

        var error = SingleError(text);

        error.JsonPath.Should().Be("$.relationships[0].sources");
        error.Message.Should().Contain("missing source");
    }

    [Fact]
    public void An_empty_source_list_is_reported()
    {
        var text = ValidDataset.Replace("[ { \"document\": \"doc-a\", \"locator\": \"p. 2\" } ]", "[]", StringComparison.Ordinal);

        var error = SingleError(text);

        error.JsonPath.Should().Be("$.entities[1].sources");
        error.Message.Should().Contain("the list is empty");
    }

    [Fact]
    public void A_source_without_a_locator_is_reported()
    {
        var text = ValidDataset.Replace("{ \"document\": \"doc-a\", \"locator\": \"p. 1\" }", "{ \"document\": \"doc-a\" }", StringComparison.Ordinal);

        var error = SingleError(text);

        error.JsonPath.Should().Be("$.entities[0].sources[0].locator");
        error.Message.Should().Contain("required");
    }

    [Fact]
    public void A_duplicate_entity_id_names_the_first_definition()
    {
        var text = ValidDataset.Replace("\"id\": \"nvidia-h800\"", "\"id\": \"nvidia\"", StringComparison.Ordinal)
            .Replace("\"to\": \"nvidia-h800\"", "\"to\": \"nvidia\"", StringComparison.Ordinal);

        var errors = Errors(text);

        errors.Should().Contain(error => error.JsonPath == "$.entities[1].id" && error.Message.Contains("duplicate entity id \"nvidia\" (first defined at $.entities[0])"));
    }

    [Fact]
    public void A_relationship_between_the_wrong_kinds_is_reported()
    {
        var text = ValidDataset.Replace("\"type\": \"DESIGNS\"", "\"type\": \"TRAINED_ON\"", StringComparison.Ordinal);

        var error = SingleError(text);

        error.JsonPath.Should().Be("$.relationships[0].from");
        error.Message.Should().Contain("TRAINED_ON goes from Model").And.Contain("\"nvidia\" is a Actor");
    }

    [Fact]
    public void An_unknown_field_suggests_the_closest_one()
    {
        var text = ValidDataset.Replace("\"validFrom\"", "\"validfrom\"", StringComparison.Ordinal);

        var error = SingleError(text);

        error.JsonPath.Should().Be("$.relationships[0].validfrom");
        error.Message.Should().Contain("did you mean \"validFrom\"");
    }

    [Fact]
    public void A_field_of_another_kind_says_which_kind_it_belongs_to()
    {
        var text = ValidDataset.Replace("\"designer\": \"nvidia\"", "\"category\": \"FOUNDRY\"", StringComparison.Ordinal);

        var error = SingleError(text);

        error.JsonPath.Should().Be("$.entities[1].category");
        error.Message.Should().Contain("belongs to Actor, not Chip");
    }

    [Theory]
    [InlineData("\"id\": \"nvidia\"", "\"id\": \"nvidia\\n\"", "$.entities[0].id", "is not a valid id")]
    [InlineData("\"country\": \"US\"", "\"country\": \"US\\n\"", "$.entities[0].country", "ISO 3166-1 alpha-2")]
    [InlineData("\"type\": \"DESIGNS\"", "\"id\": \"designs\\n\", \"type\": \"DESIGNS\"", "$.relationships[0].id", "is not a valid relationship id")]
    public void A_final_newline_in_an_id_or_a_code_is_refused_as_the_schema_and_CSV_refuse_it(string valid, string withNewline, string path, string message)
    {
        // "nvidia\n" once passed: a .NET regular expression's $ also matches before a final "\n".
        var text = ValidDataset.Replace(valid, withNewline, StringComparison.Ordinal);

        var errors = Errors(text);

        // A refused entity id also leaves the references to it dangling; the error that matters is at the id itself.
        var error = errors.Should().Contain(error => error.JsonPath == path).Subject;
        var valueColumn = ColumnOf(text, withNewline) + withNewline.IndexOf(": ", StringComparison.Ordinal) + 2;
        (error.File, error.Line, error.Column).Should().Be(("input.json", LineOf(text, withNewline), valueColumn));
        error.Message.Should().Contain(message);
    }

    [Fact]
    public void A_bad_country_code_is_reported()
    {
        var text = ValidDataset.Replace("\"country\": \"US\"", "\"country\": \"USA\"", StringComparison.Ordinal);

        SingleError(text).Message.Should().Contain("ISO 3166-1 alpha-2");
    }

    [Fact]
    public void A_regulation_without_its_required_fields_lists_each_one()
    {
        var text = """
            { "format": "supplygraph-dataset", "version": 1, "relationships": [],
              "entities": [ { "id": "rule", "kind": "Regulation", "name": "Rule", "sources": [ { "document": "d", "locator": "l" } ] } ] }
            """;

        var errors = Errors(text);

        errors.Select(error => error.JsonPath).Should().BeEquivalentTo(
            "$.entities[0].issuer", "$.entities[0].jurisdiction", "$.entities[0].effective", "$.entities[0].citation", "$.entities[0].summary");
    }

    [Fact]
    public void Syntax_errors_give_the_line_and_column()
    {
        var text = "{\n  \"format\": \"supplygraph-dataset\",\n  \"version\": 1\n  \"entities\": []\n}";

        var error = SingleError(text);

        error.Line.Should().Be(4);
        error.Message.Should().StartWith("not valid JSON");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t\n")]
    public void An_empty_or_blank_file_is_reported_as_empty_at_line_1_column_1(string text)
    {
        // act
        var error = SingleError(text);

        // assert
        error.Message.Should().Contain("the file is empty");
        error.ToString().Should().MatchRegex(@"^[^:]+\.json:1:1: \$: the file is empty");
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_with_the_offset_line_and_column()
    {
        // arrange: Latin-1 "é" inside a string, on line 2
        var text = "{ \"format\": \"supplygraph-dataset\",\n  \"name\": \"caf\u00e9\" }";
        var bytes = Encoding.Latin1.GetBytes(text);

        // act
        var act = () => DatasetReader.Read(bytes, "latin1.json");

        // assert
        var error = act.Should().Throw<DatasetValidationException>().Which.Errors.Should().ContainSingle().Subject;
        error.ToString().Should().StartWith("latin1.json:2:15: $: ", "the column counts the bytes before é on its line");
        error.Message.Should().Contain("not valid UTF-8").And.Contain($"offset {text.IndexOf('\u00e9', StringComparison.Ordinal)}");
    }

    [Fact]
    public void An_unsupported_version_is_reported()
    {
        var text = ValidDataset.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal);

        SingleError(text).Message.Should().Contain("unsupported format version 2; this build reads version 1");
    }

    [Fact]
    public void Two_claims_about_the_same_pair_need_their_own_ids()
    {
        // arrange
        var duplicate = """
            { "type": "DESIGNS", "from": "nvidia", "to": "nvidia-h800", "status": "REPORTED",
              "sources": [ { "document": "doc-b", "locator": "p. 9" } ] }
            """;
        var text = ValidDataset.Replace("\"relationships\": [", "\"relationships\": [" + duplicate + ",", StringComparison.Ordinal);
        var withIds = text.Replace("\"status\": \"REPORTED\"", "\"id\": \"nvidia/designs/h800/doc-b\", \"status\": \"REPORTED\"", StringComparison.Ordinal);

        // act
        var error = SingleError(text);
        var dataset = Read(withIds);

        // assert
        error.Message.Should().Contain("duplicate relationship \"nvidia/DESIGNS/nvidia-h800\"");
        dataset.Relationships.Select(relationship => relationship.Key).Should().BeEquivalentTo("nvidia/designs/h800/doc-b", "nvidia/DESIGNS/nvidia-h800");
    }

    [Fact]
    public void Every_error_in_a_file_is_reported_at_once()
    {
        var text = ValidDataset
            .Replace("\"type\": \"DESIGNS\"", "\"type\": \"MAKES\"", StringComparison.Ordinal)
            .Replace("\"country\": \"US\"", "\"country\": \"usa\"", StringComparison.Ordinal);

        Errors(text).Should().HaveCount(2);
    }

    private static Dataset Read(string text) => DatasetReader.Read(Encoding.UTF8.GetBytes(text), "input.json");

    private static IReadOnlyList<DatasetError> Errors(string text)
    {
        var act = () => Read(text);
        return act.Should().Throw<DatasetValidationException>().Which.Errors;
    }

    private static DatasetError SingleError(string text) => Errors(text).Should().ContainSingle().Subject;

    private static int ColumnOf(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        return index - text.LastIndexOf('\n', index);
    }

    private static int LineOf(string text, string needle) =>
        text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
