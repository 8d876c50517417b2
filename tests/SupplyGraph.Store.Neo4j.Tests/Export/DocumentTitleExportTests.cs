using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Exporting;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.Contract;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Neo4j.Tests.Export;

/// <summary>What only the Neo4j store's export decides about titles: read a page of documents at a time, written in ordinal order.</summary>
public sealed class DocumentTitleExportTests
{
    private const int PageSize = 4;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_titles_of_many_cited_documents_come_a_page_at_a_time_in_ordinal_order()
    {
        // arrange: ten actors, each citing a document of its own, some named outside ASCII; and one title nobody cites
        var entities = Enumerable.Range(0, 10).Select(index => (Entity)new Actor
        {
            Id = $"actor-{index}",
            Name = $"Actor {index}",
            Category = ActorCategory.AiLab,
            Sources = [new Source(index % 3 == 0 ? $"Ärzteblatt {index}" : index % 3 == 1 ? $"report {index}" : $"Report {index}", "p. 1")],
        }).ToList();
        var cited = entities.Select(entity => entity.Sources[0].Document).ToList();
        var dataset = new Dataset("titled", null, entities, []) { Documents = [.. cited.Select(document => new DocumentTitle(document, $"Title of {document}"))] };
        var server = new InMemoryQueryServer();
        using var store = new Neo4jGraphStore(
            server, new Neo4jStoreOptions { Connection = new Neo4jConnectionOptions { Uri = new Uri("http://stand-in:7474") }, ExportPageSize = PageSize });
        await store.InitializeAsync(Token);
        await store.ImportAsync(dataset, Token);
        server.CommitDocumentFromAnotherClient("uncited.txt", new() { ["document"] = "uncited.txt", ["title"] = "Nobody cites it" });
        var sink = new RecordingSink();

        // act
        await store.ExportAsync(ExportScope.Whole, sink, Token);

        // assert
        sink.DocumentsLast.Should().BeTrue();
        sink.Documents.Select(title => title.Document).Should().Equal(cited.Order(StringComparer.Ordinal));
        sink.Documents.Should().OnlyContain(title => title.Title == $"Title of {title.Document}");
        server.LargestExportResponse.Should().BeInRange(1, PageSize);
    }
}
