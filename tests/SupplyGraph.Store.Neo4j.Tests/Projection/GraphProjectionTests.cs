using FluentAssertions;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.Contract;
using SupplyGraph.Testing;
using static SupplyGraph.Store.Neo4j.Tests.Projection.StandInProjection;

namespace SupplyGraph.Store.Neo4j.Tests.Projection;

/// <summary>
/// The Neo4j store answers from a projection of the graph read from Neo4j, and reads it again when Neo4j's last
/// commit moves. Run here on the in-memory stand-in, whose bookmark moves with every commit as Neo4j's does; the same
/// claims on a real server are in <see cref="Neo4jProjectionServerTests"/>.
/// </summary>
public sealed class GraphProjectionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ExportControlsQuestion DeepSeekControls => new("deepseek", TraversalOptions.Create(asOf: new DateOnly(2025, 6, 1)));

    [Fact]
    public async Task A_projection_read_in_many_pages_answers_as_the_same_engine_over_the_dataset_does()
    {
        // arrange
        var seed = SeedDataset.Load();
        var server = new InMemoryQueryServer();
        using var store = StandInStore(server, pageSize: 7);
        await store.InitializeAsync(Token);
        await store.ImportAsync(seed, Token);
        var direct = new GraphQuestions(GraphIndex.Build([.. seed.Entities.OrderBy(entity => entity.Id, StringComparer.Ordinal)], seed.Relationships), TimeProvider.System);

        // act
        var projected = await store.ExportControlsAsync(DeepSeekControls, Token);
        var expected = direct.ExportControls(DeepSeekControls, Token);

        // assert
        server.TopologyPagesRead.Should().BeGreaterThan(seed.Entities.Count / 7, "the seed does not fit one page of seven entities");
        store.Index.NodeCount.Should().Be(seed.Entities.Count);
        store.Index.EdgeCount.Should().Be(seed.Relationships.Count);
        Summaries(projected).Should().Equal(Summaries(expected));
        projected.Partial.Should().Be(expected.Partial);
    }

    [Fact]
    public async Task Every_question_answers_as_the_embedded_store_on_the_generated_S_graph_read_in_pages()
    {
        // arrange
        var server = new InMemoryQueryServer();
        using var store = StandInStore(server, pageSize: 997);
        await store.InitializeAsync(Token);

        // act and assert
        await AnswerEquivalence.AssertSameAnswersAsync(store, "S", Token);
        server.TopologyPagesRead.Should().BeGreaterThan(10);
    }

    [Fact]
    public async Task Every_answer_says_the_bookmark_of_the_commit_it_was_read_at()
    {
        // arrange
        var server = new InMemoryQueryServer();
        using var store = StandInStore(server);
        await store.InitializeAsync(Token);
        var beforeImport = store.AnsweringAt;

        // act
        await store.ImportAsync(SeedDataset.Load(), Token);
        var answer = await store.ExportControlsAsync(DeepSeekControls, Token);
        var profile = await store.ProfileAsync(new ProfileQuestion("deepseek", null), Token);

        // assert
        beforeImport.Should().NotBeNull();
        answer.AnsweredAt.Should().Be(server.LastCommit).And.NotBe(beforeImport, "the import's commit moved the bookmark");
        profile.AnsweredAt.Should().Be(server.LastCommit);
    }

    [Fact]
    public async Task A_commit_by_another_client_is_answered_after_the_next_poll()
    {
        // arrange
        var server = new InMemoryQueryServer();
        using var store = StandInStore(server, refresh: TimeSpan.FromMilliseconds(50));
        await store.InitializeAsync(Token);
        await store.ImportAsync(SeedDataset.Load(), Token);
        var before = await store.ResolveAsync("deepseek", Token);

        // act: a rename in Neo4j Browser, say
        server.CommitFromAnotherClient(nodes => nodes["deepseek"]["name"] = "DeepSeek (renamed in Browser)");
        var seenAfter = await WaitForAsync(async () => (await store.ResolveAsync("deepseek", Token)).Name != before.Name);

        // assert
        seenAfter.Should().BeLessThan(Eventually);
        (await store.ResolveAsync("deepseek", Token)).Name.Should().Be("DeepSeek (renamed in Browser)");
        store.AnsweringAt.Should().Be(server.LastCommit);
    }

    [Fact]
    public async Task Without_a_commit_the_polls_read_no_page_again()
    {
        // arrange
        var server = new InMemoryQueryServer();
        using var store = StandInStore(server, refresh: TimeSpan.FromMilliseconds(20));
        await store.InitializeAsync(Token);
        await store.ImportAsync(SeedDataset.Load(), Token);
        var pagesRead = server.TopologyPagesRead;
        var statementsRun = server.StatementsRun;

        // act
        await Task.Delay(TimeSpan.FromMilliseconds(400), Token);

        // assert
        server.StatementsRun.Should().BeGreaterThan(statementsRun, "the poll asked for the last commit meanwhile");
        server.TopologyPagesRead.Should().Be(pagesRead, "nothing committed, so nothing was read again");
    }

    [Fact]
    public async Task The_projection_read_before_keeps_answering_while_the_next_one_is_read()
    {
        // arrange
        var server = new InMemoryQueryServer();
        using var store = StandInStore(server, refresh: TimeSpan.FromMilliseconds(20));
        await store.InitializeAsync(Token);
        await store.ImportAsync(SeedDataset.Load(), Token);
        var oldBookmark = store.AnsweringAt;
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.BeforeTopologyPage = () =>
        {
            reached.TrySetResult();
            return held.Task;
        };
        server.CommitFromAnotherClient(nodes => nodes["deepseek"]["name"] = "DeepSeek (next)");
        await reached.Task.WaitAsync(Eventually, Token);

        // act: the poll is reading the new projection, held on its first page
        var whileReading = await store.ResolveAsync("deepseek", Token);
        var answeredAtWhileReading = (await store.ExportControlsAsync(DeepSeekControls, Token)).AnsweredAt;
        server.BeforeTopologyPage = null;
        held.SetResult();
        await WaitForAsync(async () => (await store.ResolveAsync("deepseek", Token)).Name == "DeepSeek (next)");

        // assert
        whileReading.Name.Should().NotBe("DeepSeek (next)");
        answeredAtWhileReading.Should().Be(oldBookmark);
        store.AnsweringAt.Should().Be(server.LastCommit);
    }

    [Fact]
    public async Task A_read_during_which_someone_committed_is_read_again()
    {
        // arrange: the first page of the first read lets another client commit before it is answered
        var server = new InMemoryQueryServer();
        using var store = StandInStore(server, pageSize: 10);
        await store.InitializeAsync(Token);
        await store.ImportAsync(SeedDataset.Load(), Token);
        var committed = 0;
        server.BeforeTopologyPage = () =>
        {
            if (Interlocked.Exchange(ref committed, 1) == 0)
            {
                server.CommitFromAnotherClient(nodes => nodes["deepseek"]["name"] = "DeepSeek (mid-read)");
            }

            return Task.CompletedTask;
        };
        server.CommitFromAnotherClient(nodes => nodes["openai"]["name"] = "OpenAI (before the read)");
        var pagesBefore = server.TopologyPagesRead;

        // act: the import refreshes the projection first; an empty dataset changes nothing else
        await store.ImportAsync(new DatasetBuilder("nothing").Build(), Token);

        // assert
        var pagesPerRead = (int)Math.Ceiling((store.Index.NodeCount + 1) / 10.0);
        (server.TopologyPagesRead - pagesBefore).Should().BeGreaterThanOrEqualTo(2 * pagesPerRead, "the torn read was read again whole");
        (await store.ResolveAsync("deepseek", Token)).Name.Should().Be("DeepSeek (mid-read)");
        store.AnsweringAt.Should().Be(server.LastCommit);
    }

    [Fact]
    public async Task Nodes_and_relationships_that_are_not_supplygraphs_are_left_out_of_the_projection()
    {
        // arrange: what an analyst might add by hand in Neo4j Browser
        var server = new InMemoryQueryServer();
        using var store = StandInStore(server);
        await store.InitializeAsync(Token);
        await store.ImportAsync(SeedDataset.Load(), Token);
        var entities = store.Index.NodeCount;
        var relationships = store.Index.EdgeCount;
        server.CommitFromAnotherClient(nodes => nodes["zz-scratch"] = new Dictionary<string, object?> { ["id"] = "zz-scratch", ["kind"] = "Note" });
        server.CommitRelationshipFromAnotherClient("LIKES", "deepseek", "openai", new Dictionary<string, object?> { ["status"] = "confirmed" });
        server.CommitRelationshipFromAnotherClient("SUPPLIES", "tsmc", "nvidia", new Dictionary<string, object?> { ["status"] = "rumoured-by-me" });

        // act
        await store.ImportAsync(new DatasetBuilder("nothing").Build(), Token);
        var answer = await store.ExportControlsAsync(DeepSeekControls, Token);

        // assert
        store.AnsweringAt.Should().Be(server.LastCommit);
        store.Index.NodeCount.Should().Be(entities);
        store.Index.EdgeCount.Should().Be(relationships);
        answer.Hits.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_disposed_store_polls_no_more()
    {
        // arrange
        var server = new InMemoryQueryServer();
        var store = StandInStore(server, refresh: TimeSpan.FromMilliseconds(10));
        await store.InitializeAsync(Token);
        await Task.Delay(TimeSpan.FromMilliseconds(100), Token);

        // act
        store.Dispose();
        await Task.Delay(TimeSpan.FromMilliseconds(100), Token);
        var afterDispose = server.StatementsRun;
        await Task.Delay(TimeSpan.FromMilliseconds(300), Token);

        // assert
        server.StatementsRun.Should().Be(afterDispose);
    }

    private static List<string> Summaries(ExportControlsAnswer answer) =>
        [.. answer.Hits.SelectMany(hit => hit.Paths.Select(path => $"{hit.Regulation.Id}: {path.Summary}"))];
}
