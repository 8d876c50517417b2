using System.Text;
using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Exporting;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Contract;

/// <summary>
/// Document titles (the dataset's <c>documents</c> list): kept by every store, which answers <see cref="IDocumentTitles"/>
/// (the embedded and memory stores in their <c>documents</c> table, Neo4j as <c>(:Document)</c> nodes read with its
/// projection), found for every source of an answer that cites a titled document, replaced by a later import, and
/// exported after the rows, only for the documents the export cites.
/// </summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Titles_survive_the_import_and_come_back_on_every_source_that_cites_their_document()
    {
        // arrange
        var titles = Seed.Documents.ToDictionary(document => document.Document, document => document.Title, StringComparer.Ordinal);
        titles.Should().NotBeEmpty("the seed titles its seed documents");
        var (store, keptTitles) = await TitledStoreWith(Seed);

        // act
        var profile = await store.ProfileAsync(new ProfileQuestion("deepseek", null), Token);

        // assert
        var sources = profile.Entity.Sources.Concat(profile.Relationships.SelectMany(relationship => relationship.Record.Sources)).ToList();
        sources.Select(source => source.Document).Should().Contain(titles.Keys, "DeepSeek's facts cite both seed documents");
        foreach (var source in sources)
        {
            (keptTitles.FindTitle(source.Document)?.Title).Should().Be(
                titles.GetValueOrDefault(source.Document),
                $"{source.Document} is {(titles.ContainsKey(source.Document) ? "titled" : "not titled")} in the seed");
        }
    }

    [Fact]
    public async Task A_whole_export_writes_the_titles_after_the_rows_and_imports_back_with_them()
    {
        // arrange
        var (original, _) = await TitledStoreWith(Seed);
        var sink = new RecordingSink();
        await original.ExportAsync(ExportScope.Whole, sink, Token);
        var exported = await ExportJson(original, ExportScope.Whole);

        // act
        var copy = await EmptyStore();
        using (var file = new MemoryStream(exported))
        {
            await copy.ImportAsync(new DatasetFileSource(file, "export.json"), ImportOptions.Default, Token);
        }

        var again = DatasetReader.Read(await ExportJson(copy, ExportScope.Whole), "again.json");
        var copyTitles = (IDocumentTitles)copy;

        // assert
        sink.DocumentsLast.Should().BeTrue();
        sink.Documents.Should().Equal(Seed.Documents.OrderBy(document => document.Document, StringComparer.Ordinal));
        again.Documents.Should().Equal(sink.Documents);
        Seed.Documents.Select(document => copyTitles.FindTitle(document.Document)).Should().Equal(Seed.Documents, "the copy keeps the titles its import file carried");
    }

    [Fact]
    public async Task A_neighbourhood_export_titles_only_the_documents_it_cites()
    {
        // arrange: two documents, each cited by one end of the sample chain
        var dataset = SampleChain.Build();
        var cited = dataset.Entities.SelectMany(entity => entity.Sources).Select(source => source.Document).Distinct().ToList();
        var titled = dataset with
        {
            Entities = [.. dataset.Entities.Select(entity => entity.Id == "lab" ? entity with { Sources = [new Source("lab-note.md", "line 1")] } : entity)],
            Documents = [.. cited.Select(document => new DocumentTitle(document, $"The title of {document}")), new DocumentTitle("lab-note.md", "The lab's own note")],
        };
        var (store, _) = await TitledStoreWith(titled);
        var sink = new RecordingSink();

        // act
        await store.ExportAsync(ExportScope.Around("lab", 0), sink, Token);

        // assert
        sink.Entities.Select(entity => entity.Id).Should().Equal("lab");
        sink.Documents.Should().Equal(new DocumentTitle("lab-note.md", "The lab's own note"));
    }

    [Fact]
    public async Task A_later_import_replaces_a_title_and_the_answers_show_the_new_one_at_once()
    {
        // arrange
        var (store, keptTitles) = await TitledStoreWith(Seed);
        var retitled = Seed with { Documents = [.. Seed.Documents.Select(document => document with { Title = document.Title + " (revised)" })] };

        // act
        var summary = await store.ImportAsync(retitled, Token);
        var profile = await store.ProfileAsync(new ProfileQuestion("deepseek", null), Token);

        // assert
        summary.ChangedAnything.Should().BeFalse("no entity or relationship changed, only titles");
        profile.Entity.Sources.Select(source => keptTitles.FindTitle(source.Document)).OfType<DocumentTitle>().Should().NotBeEmpty()
            .And.OnlyContain(title => title.Title.EndsWith(" (revised)", StringComparison.Ordinal));
    }

    private async Task<(ISupplyGraphStore Store, IDocumentTitles Titles)> TitledStoreWith(Dataset dataset)
    {
        var store = await StoreWith(dataset);
        store.Should().BeAssignableTo<IDocumentTitles>($"{store.Description} keeps document titles, as every store does");
        return (store, (IDocumentTitles)store);
    }
}
