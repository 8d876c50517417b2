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
/// Import from any input and export, alike on every store: dry runs that count truly and keep nothing, references to
/// entities already stored, exports in id and key order that import back byte for byte, and neighbourhoods.
/// </summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_dry_run_counts_what_the_import_then_does_and_leaves_the_store_as_it_was()
    {
        // arrange: a store holding the sample chain, and an input that adds, updates and repeats rows
        var stored = SampleChain.Build();
        var store = await StoreWith(stored);
        var input = ChangedSampleChain();
        var expected = ExpectedChanges(stored, input);
        var before = await ExportJson(store, ExportScope.Whole);

        // act
        var dryRun = await store.ImportAsync(new RowsSource(input), new ImportOptions { DryRun = true }, Token);
        var afterDryRun = await ExportJson(store, ExportScope.Whole);
        var statisticsAfterDryRun = await store.GetStatisticsAsync(Token);
        var real = await store.ImportAsync(new RowsSource(input), ImportOptions.Default, Token);

        // assert
        dryRun.DryRun.Should().BeTrue();
        real.DryRun.Should().BeFalse();
        (dryRun.Entities, dryRun.Relationships).Should().Be(expected);
        (real.Entities, real.Relationships).Should().Be(expected);
        Encoding.UTF8.GetString(afterDryRun).Should().Be(Encoding.UTF8.GetString(before));
        statisticsAfterDryRun.Should().Be(new StoreStatistics(stored.Entities.Count, stored.Relationships.Count));
        (await ExportJson(store, ExportScope.Whole)).Should().NotEqual(before, "the real import changes what the dry run only counted");
    }

    [Fact]
    public async Task An_input_may_link_its_rows_to_entities_that_only_the_store_holds()
    {
        // arrange: one new entity, linked to two entities the store already holds
        var store = await StoreWith(SampleChain.Build());
        var input = new DatasetBuilder("links")
            .Actor("new-cloud", ActorCategory.CloudProvider)
            .Link("new-cloud", RelationshipType.Operates, "chip-x")
            .Link("new-cloud", RelationshipType.Hosts, "lab")
            .Build();
        var source = new RowsSource(input, checksReferences: true);

        // act
        var summary = await store.ImportAsync(source, ImportOptions.Default, Token);

        // assert
        source.FoundInStore.Should().BeEquivalentTo(["chip-x", "lab"]);
        summary.Entities.Should().Be(new ChangeCounts(input.Entities.Count, 0, 0));
        summary.Relationships.Should().Be(new ChangeCounts(input.Relationships.Count, 0, 0));
        var profile = await store.ProfileAsync(new ProfileQuestion("new-cloud", null), Token);
        profile.Relationships.Select(relationship => relationship.Record.Key).Should().BeEquivalentTo(input.Relationships.Select(relationship => relationship.Key));
    }

    [Fact]
    public async Task An_input_whose_check_finds_an_unknown_id_fails_and_stores_none_of_it()
    {
        // arrange: rows reach the store before the source finds the unknown id
        var store = await StoreWith(SampleChain.Build());
        var before = await ExportJson(store, ExportScope.Whole);

        // act
        var act = () => store.ImportAsync(new RowsSource(Dangling(), checksReferences: true), ImportOptions.Default, Token);

        // assert
        (await act.Should().ThrowAsync<DatasetValidationException>()).Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("no-such-chip");
        Encoding.UTF8.GetString(await ExportJson(store, ExportScope.Whole)).Should().Be(Encoding.UTF8.GetString(before));
    }

    [Fact]
    public async Task An_input_that_hands_over_an_unknown_id_unchecked_fails_and_stores_none_of_it()
    {
        // arrange
        var store = await StoreWith(SampleChain.Build());
        var before = await ExportJson(store, ExportScope.Whole);

        // act
        var act = () => store.ImportAsync(new RowsSource(Dangling(), checksReferences: false), ImportOptions.Default, Token);

        // assert
        await act.Should().ThrowAsync<Exception>();
        Encoding.UTF8.GetString(await ExportJson(store, ExportScope.Whole)).Should().Be(Encoding.UTF8.GetString(before));
    }

    [Fact]
    public async Task A_whole_export_lists_every_entity_by_id_then_every_relationship_by_key()
    {
        // arrange
        var store = await StoreWith(Seed);
        var sink = new RecordingSink();

        // act
        var header = await store.ExportAsync(ExportScope.Whole, sink, Token);

        // assert
        sink.EntitiesFirst.Should().BeTrue();
        sink.Entities.Select(entity => entity.Id).Should().Equal(Seed.Entities.Select(entity => entity.Id).Order(StringComparer.Ordinal));
        sink.Relationships.Select(relationship => relationship.Key).Should().Equal(Seed.Relationships.Select(relationship => relationship.Key).Order(StringComparer.Ordinal));
        sink.Entities.Select(DatasetJson.EntityToJson).Should().Equal(Seed.Entities.OrderBy(entity => entity.Id, StringComparer.Ordinal).Select(DatasetJson.EntityToJson));
        sink.Relationships.Select(Content).Should().Equal(Seed.Relationships.OrderBy(relationship => relationship.Key, StringComparer.Ordinal).Select(Content));
        (header.Entities, header.Relationships).Should().Be((Seed.Entities.Count, Seed.Relationships.Count));
    }

    [Fact]
    public async Task A_whole_export_imported_into_an_empty_store_exports_the_same_bytes()
    {
        // arrange
        var original = await StoreWith(Seed);
        var exported = await ExportJson(original, ExportScope.Whole);

        // act
        var copy = await EmptyStore();
        ImportSummary summary;
        using (var file = new MemoryStream(exported))
        {
            summary = await copy.ImportAsync(new DatasetFileSource(file, "export.json"), ImportOptions.Default, Token);
        }

        var again = await ExportJson(copy, ExportScope.Whole);

        // assert
        summary.Entities.Should().Be(new ChangeCounts(Seed.Entities.Count, 0, 0));
        summary.Relationships.Should().Be(new ChangeCounts(Seed.Relationships.Count, 0, 0));
        Encoding.UTF8.GetString(again).Should().Be(Encoding.UTF8.GetString(exported));
    }

    [Theory]
    [InlineData("deepseek", "deepseek", 0)]
    [InlineData("deepseek", "deepseek", 1)]
    [InlineData("DeepSeek AI", "deepseek", 2)]
    [InlineData("nvidia-h800", "nvidia-h800", 2)]
    public async Task A_neighbourhood_export_holds_the_entities_within_the_hops_and_every_relationship_among_them(string reference, string id, int hops)
    {
        // arrange
        var store = await StoreWith(Seed);
        var within = BreadthFirst(Seed, id, hops);
        var sink = new RecordingSink();

        // act
        var header = await store.ExportAsync(ExportScope.Around(reference, hops), sink, Token);

        // assert
        sink.EntitiesFirst.Should().BeTrue();
        sink.Entities.Select(entity => entity.Id).Should().Equal(within.Order(StringComparer.Ordinal));
        sink.Relationships.Select(relationship => relationship.Key).Should().Equal(
            Seed.Relationships.Where(relationship => within.Contains(relationship.From) && within.Contains(relationship.To))
                .Select(relationship => relationship.Key).Order(StringComparer.Ordinal));
        (header.Entities, header.Relationships).Should().Be((sink.Entities.Count, sink.Relationships.Count));
        var reread = () => DatasetReader.Read(Json(new Dataset("neighbourhood", null, sink.Entities, sink.Relationships)), "neighbourhood.json");
        reread.Should().NotThrow("a neighbourhood export is a dataset file the reader accepts");
    }

    [Fact]
    public async Task A_neighbourhood_export_around_an_unknown_entity_is_not_found_as_resolving_it_is()
    {
        // arrange
        var store = await StoreWith(Seed);
        var resolve = () => store.ResolveAsync("DeepSek", Token);
        var resolveFailure = (await resolve.Should().ThrowAsync<EntityNotFoundException>()).Which;
        var sink = new RecordingSink();

        // act
        var act = () => store.ExportAsync(ExportScope.Around("DeepSek", 1), sink, Token);

        // assert
        var failure = (await act.Should().ThrowAsync<EntityNotFoundException>()).Which;
        failure.Suggestions.Should().Equal(resolveFailure.Suggestions).And.NotBeEmpty();
        sink.Entities.Should().BeEmpty();
    }

    /// <summary>
    /// Every entity id within <paramref name="hops"/> relationships of <paramref name="start"/>, either direction, and
    /// the actors their fields name (a chip's designer and foundries, a model's developer, a rule's issuer).
    /// </summary>
    private static HashSet<string> BreadthFirst(Dataset dataset, string start, int hops)
    {
        var neighbours = dataset.Relationships
            .SelectMany(relationship => new[] { (relationship.From, relationship.To), (From: relationship.To, To: relationship.From) })
            .ToLookup(pair => pair.From, pair => pair.To, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var frontier = new List<string> { start };
        for (var hop = 0; hop < hops; hop++)
        {
            frontier = [.. frontier.SelectMany(id => neighbours[id]).Where(seen.Add)];
        }

        var byId = dataset.Entities.ToDictionary(entity => entity.Id, StringComparer.Ordinal);
        var named = seen.SelectMany(id => byId[id] switch
        {
            Chip chip => chip.Foundries.Append(chip.Designer),
            Model model => [model.Developer],
            Regulation regulation => [regulation.Issuer],
            _ => [],
        }).OfType<string>().ToList();
        seen.UnionWith(named);
        return seen;
    }

    private static byte[] Json(Dataset dataset)
    {
        using var buffer = new MemoryStream();
        DatasetJson.WriteDataset(buffer, dataset);
        return buffer.ToArray();
    }

    /// <summary>What an import of <paramref name="input"/> into a store holding <paramref name="stored"/> changes, by content.</summary>
    private static (ChangeCounts Entities, ChangeCounts Relationships) ExpectedChanges(Dataset stored, Dataset input)
    {
        return (
            Count(input.Entities.Select(entity => (entity.Id, DatasetJson.EntityToJson(entity))), stored.Entities.ToDictionary(entity => entity.Id, DatasetJson.EntityToJson)),
            Count(input.Relationships.Select(relationship => (relationship.Key, Content(relationship))), stored.Relationships.ToDictionary(relationship => relationship.Key, Content)));

        static ChangeCounts Count(IEnumerable<(string Id, string Content)> rows, Dictionary<string, string> before) => new(
            rows.LongCount(row => !before.ContainsKey(row.Id)),
            rows.LongCount(row => before.TryGetValue(row.Id, out var content) && content != row.Content),
            rows.LongCount(row => before.TryGetValue(row.Id, out var content) && content == row.Content));
    }

    private static string Content(RelationshipRecord relationship) =>
        $"{relationship.Key}|{relationship.Type.Name()}|{relationship.From}|{relationship.To}|{relationship.ValidFrom}|{relationship.ValidTo}|{relationship.Status}|{relationship.Note}|{DatasetJson.SourcesToJson(relationship.Sources)}";

    /// <summary>The sample chain with an entity renamed, a relationship's note changed, and one entity and relationship new.</summary>
    private static Dataset ChangedSampleChain()
    {
        var sample = SampleChain.Build();
        var extra = new DatasetBuilder().Actor("new-fab", ActorCategory.Foundry).Link("new-fab", RelationshipType.Fabricates, "chip-y").Build();
        return new Dataset(
            "changed",
            null,
            [.. sample.Entities.Select(entity => entity.Id == "lab" ? entity with { Name = "Renamed Lab" } : entity), .. extra.Entities],
            [.. sample.Relationships.Select(relationship => relationship.Type == RelationshipType.TrainedOn && relationship.From == "model-1" ? relationship with { Note = "~2,000 chips" } : relationship), .. extra.Relationships]);
    }

    /// <summary>A new entity with one link to a stored entity, then one to an id nothing has.</summary>
    private static Dataset Dangling() => new DatasetBuilder("dangling")
        .Actor("new-cloud", ActorCategory.CloudProvider)
        .Link("new-cloud", RelationshipType.Hosts, "lab")
        .Link("new-cloud", RelationshipType.Operates, "no-such-chip")
        .Build();

    private static async Task<byte[]> ExportJson(ISupplyGraphStore store, ExportScope scope)
    {
        using var buffer = new MemoryStream();
        using (var writer = new DatasetJsonWriter(buffer, "export"))
        {
            await store.ExportAsync(scope, writer, Token);
            writer.Finish();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// An input as the importers are: it hands its rows over in order and, when it checks references, looks every
    /// relationship end it does not hold itself up in the store, failing with a validation error for one it cannot find.
    /// </summary>
    private sealed class RowsSource(Dataset dataset, bool checksReferences = true) : IDatasetSource
    {
        public string Name => dataset.Name + ".rows";

        /// <summary>The ids the source found in the store rather than in itself.</summary>
        public List<string> FoundInStore { get; } = [];

        public async Task<DatasetHeader> ReadIntoAsync(IDatasetSink sink, IEntityLookup existing, CancellationToken cancellationToken)
        {
            var own = dataset.Entities.Select(entity => entity.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var entity in dataset.Entities)
            {
                sink.OnEntity(entity);
            }

            for (var i = 0; i < dataset.Relationships.Count; i++)
            {
                var relationship = dataset.Relationships[i];
                foreach (var (end, id) in new[] { ("from", relationship.From), ("to", relationship.To) })
                {
                    if (!checksReferences || own.Contains(id))
                    {
                        continue;
                    }

                    if (await existing.FindByIdAsync(id, cancellationToken) is null)
                    {
                        throw new DatasetValidationException([new DatasetError(Name, $"$.relationships[{i}].{end}", null, null, $"no entity has the id \"{id}\"")]);
                    }

                    FoundInStore.Add(id);
                }

                sink.OnRelationship(relationship);
            }

            return new DatasetHeader(dataset.Name, dataset.Description, dataset.Entities.Count, dataset.Relationships.Count);
        }
    }
}
