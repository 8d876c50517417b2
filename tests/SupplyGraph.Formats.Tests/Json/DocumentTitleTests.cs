using System.Text;
using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Formats.Json;
using SupplyGraph.Formats.Tests.Yaml;
using SupplyGraph.Testing;

namespace SupplyGraph.Formats.Tests.Json;

/// <summary>The optional <c>documents</c> list: read, written, checked, and what happens to a title nothing cites.</summary>
public sealed class DocumentTitleTests
{
    private const string Rows = """
          "entities": [
            { "id": "nvidia", "kind": "Actor", "name": "NVIDIA", "category": "CHIP_DESIGNER",
              "sources": [ { "document": "doc-a", "locator": "p. 1" }, { "document": "doc-b", "locator": "p. 9" } ] }
          ],
          "relationships": []
        """;

    [Fact]
    public void Titles_are_read_with_their_url_and_handed_over_after_every_row()
    {
        // arrange
        var text = File("""
            "documents": [
              { "document": "doc-a", "title": "Document A", "url": "https://example.org/a" },
              { "document": "doc-b", "title": "Document B" }
            ],
            """);
        var sink = new RecordingSink();

        // act
        var header = DatasetReader.ReadInto(new MemoryStream(Encoding.UTF8.GetBytes(text)), "titled.json", sink);

        // assert
        sink.Documents.Should().Equal(new DocumentTitle("doc-a", "Document A", "https://example.org/a"), new DocumentTitle("doc-b", "Document B"));
        sink.DocumentsLast.Should().BeTrue("a title comes after the rows, even when the list comes first in the file");
        sink.Entities.Should().ContainSingle();
        header.Skipped.Should().BeEmpty();
    }

    [Fact]
    public void Writing_and_reading_again_keeps_the_titles_after_the_relationships()
    {
        // arrange
        var original = Read(File("""
            "documents": [ { "document": "doc-b", "title": "Document B", "url": "https://example.org/b" } ],
            """));
        using var buffer = new MemoryStream();

        // act
        DatasetJson.WriteDataset(buffer, original);
        var written = Encoding.UTF8.GetString(buffer.ToArray());
        var again = DatasetReader.Read(buffer.ToArray(), "again.json");

        // assert
        again.Documents.Should().Equal(original.Documents).And.ContainSingle();
        written.IndexOf("\"documents\"", StringComparison.Ordinal).Should().BeGreaterThan(written.IndexOf("\"relationships\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dataset_without_documents_writes_no_documents_member()
    {
        // arrange
        var dataset = Read(File(string.Empty));
        using var buffer = new MemoryStream();

        // act
        DatasetJson.WriteDataset(buffer, dataset);

        // assert
        dataset.Documents.Should().BeEmpty();
        Encoding.UTF8.GetString(buffer.ToArray()).Should().NotContain("documents");
    }

    [Theory]
    [InlineData("""{ "document": "doc-a", "title": "  " }""", "$.documents[0].title", "must not be empty")]
    [InlineData("""{ "document": "doc-a" }""", "$.documents[0].title", "required field is missing")]
    [InlineData("""{ "title": "Document A" }""", "$.documents[0].document", "required field is missing")]
    [InlineData("""{ "document": "doc-a", "title": 7 }""", "$.documents[0].title", "expected a string, found the number 7")]
    [InlineData("""{ "document": "doc-a", "title": "Document A", "titel": "x" }""", "$.documents[0].titel", "unknown field \"titel\"; did you mean \"title\"?")]
    [InlineData("\"doc-a\"", "$.documents[0]", "a document is an object {\"document\", \"title\"}, not the string \"doc-a\"")]
    public void A_bad_entry_is_an_error_naming_its_place(string entry, string path, string message)
    {
        // arrange
        var text = File($"\"documents\": [ {entry} ],");

        // act
        var error = SingleError(text);

        // assert
        error.JsonPath.Should().Be(path);
        error.Message.Should().Be(message);
        error.Line.Should().Be(LineOf(text, "\"documents\""));
    }

    [Fact]
    public void A_document_titled_twice_is_an_error_at_the_second_naming_the_first()
    {
        // arrange
        var text = File("""
            "documents": [
              { "document": "doc-a", "title": "Document A" },
              { "document": "doc-b", "title": "Document B" },
              { "document": "doc-a", "title": "Document A again" }
            ],
            """);

        // act
        var error = SingleError(text);

        // assert
        error.JsonPath.Should().Be("$.documents[2].document");
        error.Message.Should().Be("duplicate document \"doc-a\" (first titled at $.documents[0])");
        error.Line.Should().Be(LineOf(text, "Document A again"));
    }

    [Fact]
    public void Documents_that_are_not_an_array_are_an_error()
    {
        // arrange
        var text = File("\"documents\": { \"doc-a\": \"Document A\" },");

        // act
        var error = SingleError(text);

        // assert
        error.JsonPath.Should().Be("$.documents");
        error.Message.Should().Be("expected an array, found an object");
    }

    [Fact]
    public void A_title_for_a_document_no_source_cites_is_skipped_and_reported_not_kept()
    {
        // arrange
        var text = File("""
            "documents": [
              { "document": "doc-a", "title": "Document A" },
              { "document": "doc-z", "title": "A document nothing here cites" }
            ],
            """);
        var sink = new RecordingSink();

        // act
        var header = DatasetReader.ReadInto(new MemoryStream(Encoding.UTF8.GetBytes(text)), "titled.json", sink);

        // assert
        sink.Documents.Select(document => document.Document).Should().Equal("doc-a");
        var skipped = header.Skipped.Should().ContainSingle().Subject;
        skipped.What.Should().Contain("$.documents[1]").And.Contain("doc-z");
        skipped.Reason.Should().Contain("no source in this dataset cites");
        skipped.Line.Should().Be(LineOf(text, "doc-z"));
    }

    [Fact]
    public async Task The_same_list_written_as_YAML_reads_to_the_same_titles()
    {
        // arrange
        var dataset = Read(File("""
            "documents": [ { "document": "doc-a", "title": "Document A: the first" } ],
            """));
        var yaml = YamlText.FromDataset(dataset);

        // act
        var read = await YamlText.ReadAsync(yaml, "titled.yaml");

        // assert
        yaml.Should().Contain("documents:");
        read.Documents.Should().Equal(dataset.Documents).And.ContainSingle();
    }

    [Fact]
    public void The_seed_titles_its_two_seed_documents_and_every_title_is_cited()
    {
        // act
        var seed = SeedDataset.Load();

        // assert
        var cited = seed.Entities.SelectMany(entity => entity.Sources).Concat(seed.Relationships.SelectMany(relationship => relationship.Sources))
            .Select(source => source.Document).ToHashSet(StringComparer.Ordinal);
        seed.Documents.Select(document => document.Document).Should().BeEquivalentTo(["000_eac32558cbc5d9ab.txt", "003_67bdc8ecb5f52f54.txt"]);
        seed.Documents.Should().OnlyContain(document => cited.Contains(document.Document) && !string.IsNullOrWhiteSpace(document.Title));
    }

    private static string File(string documents) => $$"""
        {
          "format": "supplygraph-dataset",
          "version": 1,
          "name": "titled",
          {{documents}}
        {{Rows}}
        }
        """;

    private static Dataset Read(string text) => DatasetReader.Read(Encoding.UTF8.GetBytes(text), "input.json");

    private static DatasetError SingleError(string text)
    {
        var act = () => Read(text);
        return act.Should().Throw<DatasetValidationException>().Which.Errors.Should().ContainSingle().Subject;
    }

    private static int LineOf(string text, string needle) =>
        text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
