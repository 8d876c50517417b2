using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.Contract;
using SupplyGraph.Testing;
using static SupplyGraph.Store.Neo4j.Tests.Projection.StandInProjection;

namespace SupplyGraph.Store.Neo4j.Tests.Projection;

/// <summary>
/// The Neo4j store answers <see cref="IDocumentTitles"/> from the titles it reads with its projection (the
/// <c>(:Document)</c> nodes, a page at a time), so GraphQL's <c>Source.title</c> needs no round trip and changes when
/// the graph does. On the in-memory stand-in; on a real server, in the contract suite.
/// </summary>
public sealed class DocumentTitleProjectionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_title_is_read_in_pages_and_found_by_its_document()
    {
        // arrange: more titles than fit a page of seven
        var server = new InMemoryQueryServer();
        var documents = Enumerable.Range(0, 20).Select(index => $"report-{index:D2}.pdf").ToList();
        foreach (var document in documents)
        {
            server.CommitDocumentFromAnotherClient(document, new() { ["document"] = document, ["title"] = $"Report {document[7..9]}", ["url"] = $"https://example.org/{document}" });
        }

        using var store = StandInStore(server, pageSize: 7);

        // act
        await store.InitializeAsync(Token);

        // assert
        server.DocumentPagesRead.Should().Be(documents.Count / 7 + 1);
        documents.Select(store.FindTitle).Should().Equal(documents.Select(document => new DocumentTitle(document, $"Report {document[7..9]}", $"https://example.org/{document}")));
        store.FindTitle("report-20.pdf").Should().BeNull("no Document node names it");
    }

    [Fact]
    public async Task A_title_committed_by_another_client_is_answered_after_the_next_poll()
    {
        // arrange
        var server = new InMemoryQueryServer();
        using var store = StandInStore(server, refresh: TimeSpan.FromMilliseconds(50));
        await store.InitializeAsync(Token);
        await store.ImportAsync(SeedDataset.Load(), Token);
        var document = SeedDataset.Load().Documents[0].Document;
        var before = store.FindTitle(document);

        // act: a title corrected in Neo4j Browser, say
        server.CommitDocumentFromAnotherClient(document, new() { ["document"] = document, ["title"] = "Corrected in Browser" });
        var seenAfter = await WaitForAsync(() => store.FindTitle(document)?.Title == "Corrected in Browser");

        // assert
        before.Should().NotBeNull();
        before!.Title.Should().NotBe("Corrected in Browser");
        seenAfter.Should().BeLessThan(Eventually);
        store.AnsweringAt.Should().Be(server.LastCommit);
    }

    [Fact]
    public async Task A_Document_node_without_a_title_is_left_out_and_the_others_are_kept()
    {
        // arrange: what an analyst might add by hand
        var server = new InMemoryQueryServer();
        server.CommitDocumentFromAnotherClient("scratch.txt", new() { ["document"] = "scratch.txt", ["note"] = "to read" });
        server.CommitDocumentFromAnotherClient("blank.txt", new() { ["document"] = "blank.txt", ["title"] = "  " });
        server.CommitDocumentFromAnotherClient("kept.txt", new() { ["document"] = "kept.txt", ["title"] = "Kept" });
        using var store = StandInStore(server);

        // act
        await store.InitializeAsync(Token);

        // assert
        store.FindTitle("scratch.txt").Should().BeNull();
        store.FindTitle("blank.txt").Should().BeNull();
        store.FindTitle("kept.txt").Should().Be(new DocumentTitle("kept.txt", "Kept"));
    }

    [Fact]
    public async Task A_commit_while_the_titles_are_read_makes_the_whole_projection_be_read_again()
    {
        // arrange: the first titles page lets another client commit, after every entity page was read
        var server = new InMemoryQueryServer();
        using var store = StandInStore(server);
        await store.InitializeAsync(Token);
        await store.ImportAsync(SeedDataset.Load(), Token);
        var committed = 0;
        server.BeforeDocumentsPage = () =>
        {
            if (Interlocked.Exchange(ref committed, 1) == 0)
            {
                server.CommitFromAnotherClient(nodes => nodes["deepseek"]["name"] = "DeepSeek (while titles were read)");
            }

            return Task.CompletedTask;
        };
        server.CommitDocumentFromAnotherClient("late.txt", new() { ["document"] = "late.txt", ["title"] = "Late" });
        var pagesBefore = server.TopologyPagesRead;

        // act: one refresh (starting the store again reads the projection once, as the database moved)
        await store.InitializeAsync(Token);

        // assert
        (server.TopologyPagesRead - pagesBefore).Should().Be(2, "the torn read was read again whole, once");
        (await store.ResolveAsync("deepseek", Token)).Name.Should().Be("DeepSeek (while titles were read)");
        store.FindTitle("late.txt").Should().Be(new DocumentTitle("late.txt", "Late"));
        store.AnsweringAt.Should().Be(server.LastCommit);
    }

    [Fact]
    public async Task Without_a_commit_the_polls_read_no_title_again()
    {
        // arrange
        var server = new InMemoryQueryServer();
        using var store = StandInStore(server, refresh: TimeSpan.FromMilliseconds(20));
        await store.InitializeAsync(Token);
        await store.ImportAsync(SeedDataset.Load(), Token);
        var pagesRead = server.DocumentPagesRead;

        // act
        await Task.Delay(TimeSpan.FromMilliseconds(300), Token);

        // assert
        pagesRead.Should().BeGreaterThan(0);
        server.DocumentPagesRead.Should().Be(pagesRead, "titles are read with the projection, only when Neo4j moved");
    }
}
