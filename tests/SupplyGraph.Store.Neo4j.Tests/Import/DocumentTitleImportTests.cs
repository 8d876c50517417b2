using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.QueryApi;
using SupplyGraph.Store.Neo4j.Tests.Contract;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Neo4j.Tests.Import;

/// <summary>
/// An import writes the dataset's document titles as <c>(:Document)</c> nodes in the transaction that writes its rows,
/// so a failed import keeps none of them. On the in-memory stand-in, which applies a transaction's writes only when it
/// commits; the Cypher itself runs on a real server in the contract suite (<see cref="Neo4jStoreContractTests"/>).
/// </summary>
public sealed class DocumentTitleImportTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_import_upserts_the_datasets_titles_in_the_one_transaction_that_writes_its_rows()
    {
        // arrange
        var seed = SeedDataset.Load();
        var (store, server) = await StoreAsync();

        // act
        await store.ImportAsync(seed, Token);

        // assert
        var transaction = server.CommittedTransactions.Should().ContainSingle("an import is one write transaction").Subject;
        transaction.Should().Contain(CypherScripts.UpsertDocuments.Statement)
            .And.Contain(statement => CypherScripts.UpsertEntities.Statements.Contains(statement));
        transaction[^1].Should().Be(CypherScripts.UpsertDocuments.Statement, "a reader hands titles over after its last row");
        server.Documents.Keys.Should().BeEquivalentTo(seed.Documents.Select(document => document.Document));
        server.Documents.Values.Should().OnlyContain(properties => !properties.ContainsKey("url"), "the seed's titles have no url, and Neo4j keeps no null");
        seed.Documents.Should().OnlyContain(document => (string)server.Documents[document.Document]["title"]! == document.Title);
    }

    [Fact]
    public async Task A_title_with_a_url_keeps_it_and_a_later_import_replaces_a_title_by_document()
    {
        // arrange
        var (store, server) = await StoreAsync();
        var dataset = Titled(SampleChain.Build(), document => new DocumentTitle(document, $"First title of {document}", $"https://example.org/{document}"));
        await store.ImportAsync(dataset, Token);
        var retitled = dataset with { Documents = [.. dataset.Documents.Select(document => document with { Title = "Second title", Url = null })] };

        // act
        await store.ImportAsync(retitled, Token);

        // assert
        dataset.Documents.Should().NotBeEmpty();
        server.Documents.Should().HaveCount(dataset.Documents.Count, "one node per document, however often it is titled");
        server.Documents.Values.Should().OnlyContain(properties => (string)properties["title"]! == "Second title" && !properties.ContainsKey("url"));
        dataset.Documents.Should().OnlyContain(document => store.FindTitle(document.Document) == new DocumentTitle(document.Document, "Second title", null));
    }

    [Fact]
    public async Task An_import_that_fails_after_its_titles_were_sent_keeps_none_of_them()
    {
        // arrange: a relationship to an entity that is nowhere fails the import only once every row and title was sent
        var (store, server) = await StoreAsync();
        var source = new RowsThenTitleSource(
            new Actor { Id = "lab", Name = "Lab", Category = ActorCategory.AiLab, Sources = [new Source("note.md", "line 1")] },
            new RelationshipRecord { Key = "lab/HOSTS/nowhere", Type = RelationshipType.Hosts, From = "lab", To = "nowhere", Status = RelationshipStatus.Confirmed, Sources = [new Source("note.md", "line 2")] },
            new DocumentTitle("note.md", "The lab's note"));

        // act
        var act = () => store.ImportAsync(source, ImportOptions.Default, Token);

        // assert
        await act.Should().ThrowAsync<DatasetValidationException>();
        server.SentInTransactions.Should().Contain(CypherScripts.UpsertDocuments.Statement, "the title was sent before the import failed");
        server.Documents.Should().BeEmpty("the transaction that sent it was rolled back");
        store.FindTitle("note.md").Should().BeNull();
    }

    [Fact]
    public async Task A_dry_run_sends_the_titles_and_keeps_none()
    {
        // arrange
        var seed = SeedDataset.Load();
        var (store, server) = await StoreAsync();

        // act
        await store.ImportAsync(seed, new ImportOptions { DryRun = true }, Token);

        // assert
        server.SentInTransactions.Should().Contain(CypherScripts.UpsertDocuments.Statement);
        server.Documents.Should().BeEmpty();
        seed.Documents.Should().OnlyContain(document => store.FindTitle(document.Document) == null);
    }

    /// <summary>The dataset with a title for every document its entities cite.</summary>
    internal static Dataset Titled(Dataset dataset, Func<string, DocumentTitle> title) => dataset with
    {
        Documents = [.. dataset.Entities.SelectMany(entity => entity.Sources).Select(source => source.Document).Distinct(StringComparer.Ordinal).Select(title)],
    };

    private static async Task<(Neo4jGraphStore Store, InMemoryQueryServer Server)> StoreAsync()
    {
        var server = new InMemoryQueryServer();
        var store = new Neo4jGraphStore(
            server,
            new Neo4jStoreOptions { Connection = new Neo4jConnectionOptions { Uri = new Uri("http://stand-in:7474") }, ImportBatchSize = 3, ProjectionRefreshInterval = TimeSpan.Zero });
        await store.InitializeAsync(Token);
        return (store, server);
    }

    /// <summary>Hands over its rows and then a title, unchecked, as a reader would once they were valid.</summary>
    private sealed class RowsThenTitleSource(Entity entity, RelationshipRecord relationship, DocumentTitle title) : IDatasetSource
    {
        public string Name => "rows-then-title";

        public Task<DatasetHeader> ReadIntoAsync(IDatasetSink sink, IEntityLookup existing, CancellationToken cancellationToken)
        {
            sink.OnEntity(entity);
            sink.OnRelationship(relationship);
            sink.OnDocument(title);
            return Task.FromResult(new DatasetHeader(Name, null, 1, 1));
        }
    }
}
