using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Exporting;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Neo4j.QueryApi;

namespace SupplyGraph.Store.Neo4j.Tests.Contract;

/// <summary>What only the Neo4j store's code decides: batch progress on import, pages on export.</summary>
public sealed class Neo4jImportExportTests
{
    private const int BatchSize = 40;
    private const int PageSize = 9;
    private static readonly Dataset Seed = SeedDataset.Load();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Progress_is_reported_as_batches_are_written_up_to_every_row()
    {
        // arrange
        var (store, _) = await Store();
        var total = Seed.Entities.Count + Seed.Relationships.Count;
        var reports = new List<ImportProgress>();

        // act
        await store.ImportAsync(new DatasetFileSource(SeedDataset.Open(), SeedDataset.FileName), new ImportOptions { Progress = reports.Add }, Token);

        // assert: a report per statement, each no bigger than a batch
        reports.Should().HaveCountGreaterThanOrEqualTo((total + BatchSize - 1) / BatchSize);
        reports.Select(report => report.RowsWritten).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        reports.Zip(reports.Skip(1), (before, after) => after.RowsWritten - before.RowsWritten).Should().OnlyContain(step => step <= BatchSize);
        reports[^1].RowsWritten.Should().Be(total);
        reports.Should().OnlyContain(report => report.RowsTotal == null && report.Dataset == Seed.Name);
    }

    [Fact]
    public async Task An_import_writes_while_its_input_is_still_being_read()
    {
        // arrange: a source that, before its last row, waits for the server to have received upserts
        var (store, server) = await Store();
        const int Rows = 2_000;
        var serverHadWritesBeforeTheEnd = false;
        var source = new ActorsSource(Rows, row =>
        {
            if (row == Rows - 1)
            {
                serverHadWritesBeforeTheEnd = SpinWait.SpinUntil(() => server.TransactionStatementsRun > 0, TimeSpan.FromSeconds(20));
            }
        });

        // act
        var summary = await store.ImportAsync(source, ImportOptions.Default, Token);

        // assert
        serverHadWritesBeforeTheEnd.Should().BeTrue("rows are upserted in batches as they are read, not after the whole input");
        summary.Entities.Added.Should().Be(2_000);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("deepseek", 2)]
    public async Task An_export_never_asks_for_more_than_a_page_at_once(string? entity, int hops)
    {
        // arrange
        var (store, server) = await Store();
        await store.ImportAsync(Seed, Token);
        var scope = entity is null ? ExportScope.Whole : ExportScope.Around(entity, hops);

        // act
        var header = await store.ExportAsync(scope, new DatasetJsonWriter(Stream.Null, "export"), Token);

        // assert
        (header.Entities + header.Relationships).Should().BeGreaterThan(2 * PageSize, "the export spans several pages");
        server.LargestExportResponse.Should().BeInRange(1, PageSize);
    }

    [Fact]
    public async Task A_negative_hop_count_is_refused()
    {
        // arrange
        var (store, _) = await Store();
        await store.ImportAsync(Seed, Token);

        // act
        var act = () => store.ExportAsync(new ExportScope { Entity = "deepseek", Hops = -1 }, new DatasetJsonWriter(Stream.Null, "export"), Token);

        // assert
        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    private static async Task<(ISupplyGraphStore Store, InMemoryQueryServer Server)> Store()
    {
        var server = new InMemoryQueryServer();
        var store = new Neo4jGraphStore(
            server,
            new Neo4jStoreOptions { Connection = new Neo4jConnectionOptions { Uri = new Uri("http://stand-in:7474") }, ImportBatchSize = BatchSize, ExportPageSize = PageSize });
        await store.InitializeAsync(Token);
        return (store, server);
    }
}
