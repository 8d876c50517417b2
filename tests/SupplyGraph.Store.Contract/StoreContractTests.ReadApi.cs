using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Generator;

namespace SupplyGraph.Store.Contract;

/// <summary>
/// The read API (issue 21): every filter, order and page boundary, cursors and totals, and counts, each checked
/// against the same thing computed by hand (LINQ over the dataset), so both stores answer it alike.
/// </summary>
public abstract partial class StoreContractTests
{
    private const string DeepSeek = "deepseek";

    public static TheoryData<string> EntityFilters => [.. EntityFilterCases.Keys];

    // Properties, not fields: they read Seed, a field of another part of this class, whose initialization order is not theirs.
    private static Dictionary<string, (EntityFilter Filter, Func<Entity, bool> ByHand)> EntityFilterCases => new()
    {
        ["kind"] = (new EntityFilter { Kinds = [EntityKind.Chip] }, entity => entity is Chip),
        ["category"] = (new EntityFilter { Categories = [ActorCategory.AiLab, ActorCategory.Foundry] }, entity => entity is Actor { Category: ActorCategory.AiLab or ActorCategory.Foundry }),
        ["country"] = (new EntityFilter { Countries = ["cn"] }, entity => entity.Country == "CN"),
        ["tags"] = (new EntityFilter { Tags = [Seed.Entities.SelectMany(entity => entity.Tags).First()] }, entity => entity.Tags.Contains(Seed.Entities.SelectMany(each => each.Tags).First(), StringComparer.OrdinalIgnoreCase)),
        ["text on name or alias"] = (new EntityFilter { Text = "deepseek" }, entity => entity.Name.Contains("deepseek", StringComparison.OrdinalIgnoreCase) || entity.Aliases.Any(alias => alias.Contains("deepseek", StringComparison.OrdinalIgnoreCase))),
        ["and"] = (new EntityFilter { And = [new() { Kinds = [EntityKind.Actor] }, new() { Countries = ["US"] }] }, entity => entity is Actor && entity.Country == "US"),
        ["or"] = (new EntityFilter { Or = [new() { Kinds = [EntityKind.Model] }, new() { Countries = ["NL"] }] }, entity => entity is Model || entity.Country == "NL"),
        ["not"] = (new EntityFilter { Kinds = [EntityKind.Actor], Not = new() { Countries = ["US", "CN"] } }, entity => entity is Actor && entity.Country is not ("US" or "CN")),
    };

    [Theory]
    [MemberData(nameof(EntityFilters))]
    public async Task Each_entity_filter_lists_what_filtering_by_hand_finds(string filter)
    {
        // arrange
        var store = await StoreWith(Seed);
        var (where, byHand) = EntityFilterCases[filter];
        var expected = Seed.Entities.Where(byHand).OrderBy(entity => entity.Name, StringComparer.OrdinalIgnoreCase).ThenBy(entity => entity.Name, StringComparer.Ordinal).ThenBy(entity => entity.Id, StringComparer.Ordinal).Select(entity => entity.Id).ToList();

        // act
        var page = await store.ListEntitiesAsync(EntityListQuestion.Create(where, first: ListingLimits.MaxPageSize), Token);

        // assert
        expected.Should().NotBeEmpty("the seed should hold entities the {0} filter matches", filter);
        page.Edges.Select(edge => edge.Node.Id).Should().Equal(expected);
        page.TotalCount.Should().Be(expected.Count);
        page.HasNextPage.Should().BeFalse();
    }

    [Theory]
    [InlineData(EntityOrderField.Name, SortDirection.Ascending)]
    [InlineData(EntityOrderField.Name, SortDirection.Descending)]
    [InlineData(EntityOrderField.Kind, SortDirection.Ascending)]
    [InlineData(EntityOrderField.Country, SortDirection.Ascending)]
    [InlineData(EntityOrderField.Country, SortDirection.Descending)]
    [InlineData(EntityOrderField.Id, SortDirection.Descending)]
    [InlineData(EntityOrderField.ReleaseDate, SortDirection.Ascending)]
    [InlineData(EntityOrderField.ReleaseDate, SortDirection.Descending)]
    [InlineData(EntityOrderField.Announced, SortDirection.Ascending)]
    [InlineData(EntityOrderField.Effective, SortDirection.Descending)]
    [InlineData(EntityOrderField.Rescinded, SortDirection.Ascending)]
    [InlineData(EntityOrderField.Rescinded, SortDirection.Descending)]
    public async Task Paging_through_every_entity_in_any_order_gives_each_once_in_that_order(EntityOrderField field, SortDirection direction)
    {
        // arrange
        var store = await StoreWith(Seed);
        var order = new EntityOrder(field, direction);

        // act
        var pages = await AllEntityPages(store, order, pageSize: 7);

        // assert
        var listed = pages.SelectMany(page => page.Edges.Select(edge => edge.Node)).ToList();
        listed.Select(entity => entity.Id).Should().BeEquivalentTo(Seed.Entities.Select(entity => entity.Id)).And.OnlyHaveUniqueItems();
        listed.Select(entity => entity.Id).Should().Equal(ByHand(Seed.Entities, field, direction).Select(entity => entity.Id));
        pages.Should().OnlyContain(page => page.TotalCount == Seed.Entities.Count);
        pages[..^1].Should().OnlyContain(page => page.HasNextPage && page.Edges.Count == 7);
        pages[^1].HasNextPage.Should().BeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ListingLimits.MaxPageSize)]
    public async Task A_page_holds_at_most_first_and_says_whether_more_follow(int first)
    {
        // arrange
        var store = await StoreWith(Seed);

        // act
        var page = await store.ListEntitiesAsync(EntityListQuestion.Create(first: first), Token);

        // assert
        page.Edges.Should().HaveCount(Math.Min(first, Seed.Entities.Count));
        page.HasNextPage.Should().Be(first < Seed.Entities.Count);
        page.TotalCount.Should().Be(Seed.Entities.Count);
        page.EndCursor.Should().Be(first == 0 ? null : page.Edges[^1].Cursor);
    }

    [Fact]
    public async Task Cursors_are_the_same_in_both_stores_and_on_equal_data_and_reach_the_same_next_page()
    {
        // arrange
        var store = await StoreWith(Seed);
        var again = await StoreWith(Seed);
        var order = new EntityOrder(EntityOrderField.Country);

        // act
        var first = await store.ListEntitiesAsync(EntityListQuestion.Create(order: order, first: 10), Token);
        var repeated = await again.ListEntitiesAsync(EntityListQuestion.Create(order: order, first: 10), Token);
        var next = await again.ListEntitiesAsync(EntityListQuestion.Create(order: order, first: 10, after: first.EndCursor), Token);

        // assert
        repeated.Edges.Select(edge => edge.Cursor).Should().Equal(first.Edges.Select(edge => edge.Cursor));
        repeated.Edges.Select(edge => edge.Cursor).Should().Equal(Reference.ListEntities(EntityListQuestion.Create(order: order, first: 10)).Edges.Select(edge => edge.Cursor));
        next.Edges.Select(edge => edge.Node.Id).Should().Equal(ByHand(Seed.Entities, EntityOrderField.Country, SortDirection.Ascending).Skip(10).Take(10).Select(entity => entity.Id));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("W10")]
    public async Task A_cursor_that_is_not_one_is_refused_naming_after(string cursor)
    {
        // arrange
        var store = await StoreWith(Seed);

        // act
        var act = () => store.ListEntitiesAsync(EntityListQuestion.Create(after: cursor), Token);

        // assert
        (await act.Should().ThrowAsync<InvalidArgumentException>()).Which.Argument.Should().Be("after");
    }

    [Fact]
    public async Task A_cursor_of_another_order_is_refused()
    {
        // arrange
        var store = await StoreWith(Seed);
        var byName = await store.ListEntitiesAsync(EntityListQuestion.Create(first: 1), Token);

        // act
        var act = () => store.ListEntitiesAsync(EntityListQuestion.Create(order: new EntityOrder(EntityOrderField.Kind), after: byName.EndCursor), Token);

        // assert
        (await act.Should().ThrowAsync<InvalidArgumentException>()).Which.Argument.Should().Be("after");
    }

    public static TheoryData<string> RelationshipFilters => [.. RelationshipFilterCases.Keys];

    private static Dictionary<string, (RelationshipFilter Filter, Func<RelationshipRecord, bool> ByHand)> RelationshipFilterCases => new()
    {
        ["type"] = (new RelationshipFilter { Types = [RelationshipType.Develops] }, relationship => relationship.Type == RelationshipType.Develops),
        ["outgoing"] = (new RelationshipFilter { Direction = RelationshipDirection.Outgoing }, relationship => relationship.From == DeepSeek),
        ["incoming"] = (new RelationshipFilter { Direction = RelationshipDirection.Incoming }, relationship => relationship.To == DeepSeek),
        ["status"] = (new RelationshipFilter { Statuses = [RelationshipStatus.Reported, RelationshipStatus.Alleged] }, relationship => relationship.Status is RelationshipStatus.Reported or RelationshipStatus.Alleged),
        ["valid on"] = (new RelationshipFilter { ValidOn = new DateOnly(2024, 1, 1) }, relationship => HeldBetween(relationship, new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1))),
        ["valid during"] = (new RelationshipFilter { ValidDuring = new DayRange(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 1)) }, relationship => HeldBetween(relationship, new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 1))),
        ["source document"] = (new RelationshipFilter { SourceDocuments = [FirstDocumentOf(DeepSeek).ToUpperInvariant()] }, relationship => relationship.Sources.Any(source => source.Document == FirstDocumentOf(DeepSeek))),
        ["and/or/not"] = (
            new RelationshipFilter { Or = [new() { Types = [RelationshipType.Develops] }, new() { And = [new() { Direction = RelationshipDirection.Incoming }, new() { Not = new() { Statuses = [RelationshipStatus.Confirmed] } }] }] },
            relationship => relationship.Type == RelationshipType.Develops || (relationship.To == DeepSeek && relationship.Status != RelationshipStatus.Confirmed)),
    };

    [Theory]
    [MemberData(nameof(RelationshipFilters))]
    public async Task Each_relationship_filter_lists_what_filtering_by_hand_finds(string filter)
    {
        // arrange
        var store = await StoreWith(Seed);
        var (where, byHand) = RelationshipFilterCases[filter];
        var expected = Seed.Relationships.Where(relationship => (relationship.From == DeepSeek || relationship.To == DeepSeek) && byHand(relationship))
            .Select(relationship => relationship.Key).Order(StringComparer.Ordinal).ToList();

        // act
        var page = await store.ListRelationshipsAsync(RelationshipListQuestion.Create("DeepSeek", where, first: ListingLimits.MaxPageSize), Token);

        // assert
        expected.Should().NotBeEmpty("the seed should hold relationships of DeepSeek the {0} filter matches", filter);
        page.Edges.Select(edge => edge.Node.Record.Key).Should().Equal(expected);
        page.TotalCount.Should().Be(expected.Count);
    }

    [Theory]
    [InlineData(RelationshipOrderField.Key, SortDirection.Descending)]
    [InlineData(RelationshipOrderField.Type, SortDirection.Ascending)]
    [InlineData(RelationshipOrderField.Status, SortDirection.Ascending)]
    [InlineData(RelationshipOrderField.Status, SortDirection.Descending)]
    [InlineData(RelationshipOrderField.ValidFrom, SortDirection.Ascending)]
    [InlineData(RelationshipOrderField.ValidTo, SortDirection.Descending)]
    [InlineData(RelationshipOrderField.OtherEndName, SortDirection.Ascending)]
    public async Task Paging_through_an_entitys_relationships_gives_each_once_in_the_order_asked(RelationshipOrderField field, SortDirection direction)
    {
        // arrange
        var store = await StoreWith(Seed);
        var order = new RelationshipOrder(field, direction);
        var all = Seed.Relationships.Where(relationship => relationship.From == DeepSeek || relationship.To == DeepSeek).ToList();

        // act
        var listed = new List<Relationship>();
        string? after = null;
        Page<Relationship> page;
        do
        {
            page = await store.ListRelationshipsAsync(RelationshipListQuestion.Create(DeepSeek, order: order, first: 3, after: after), Token);
            page.TotalCount.Should().Be(all.Count);
            listed.AddRange(page.Edges.Select(edge => edge.Node));
            after = page.EndCursor;
        }
        while (page.HasNextPage);

        // assert
        listed.Select(relationship => relationship.Record.Key).Should().Equal(ByHand(all, field, direction).Select(relationship => relationship.Key));
    }

    [Theory]
    [InlineData(EntityOrderField.ReleaseDate)]
    [InlineData(EntityOrderField.Announced)]
    [InlineData(EntityOrderField.Effective)]
    [InlineData(EntityOrderField.Rescinded)]
    public async Task Entities_without_the_date_come_last_in_either_direction(EntityOrderField field)
    {
        // arrange
        var store = await StoreWith(Seed);
        var date = DateOf(field)!;
        var dated = Seed.Entities.Count(entity => date(entity) is not null);

        // act
        var ascending = await AllEntityPages(store, new EntityOrder(field, SortDirection.Ascending), pageSize: ListingLimits.MaxPageSize);
        var descending = await AllEntityPages(store, new EntityOrder(field, SortDirection.Descending), pageSize: ListingLimits.MaxPageSize);

        // assert
        dated.Should().BeInRange(1, Seed.Entities.Count - 1, "the seed should hold entities with and without a {0}", field);
        foreach (var pages in new[] { ascending, descending })
        {
            var listed = pages.SelectMany(page => page.Edges.Select(edge => edge.Node)).ToList();
            listed.Take(dated).Should().OnlyContain(entity => date(entity) != null);
            listed.Skip(dated).Should().OnlyContain(entity => date(entity) == null);
        }

        ascending.SelectMany(page => page.Edges).Take(dated).Select(edge => date(edge.Node)!.Value).Should().BeInAscendingOrder();
        descending.SelectMany(page => page.Edges).Take(dated).Select(edge => date(edge.Node)!.Value).Should().BeInDescendingOrder();
    }

    public static TheoryData<string> WholeGraphRelationshipFilters => [.. RelationshipFilterCases.Where(each => !UsesDirection(each.Value.Filter)).Select(each => each.Key)];

    [Theory]
    [MemberData(nameof(WholeGraphRelationshipFilters))]
    public async Task Each_relationship_filter_over_the_whole_graph_lists_what_filtering_by_hand_finds(string filter)
    {
        // arrange
        var store = await StoreWith(Seed);
        var (where, byHand) = RelationshipFilterCases[filter];
        var expected = Seed.Relationships.Where(byHand).Select(relationship => relationship.Key).Order(StringComparer.Ordinal).ToList();

        // act
        var keys = new List<string>();
        string? after = null;
        Page<Relationship> page;
        do
        {
            page = await store.ListRelationshipsAsync(RelationshipListQuestion.Create(null, where, first: ListingLimits.MaxPageSize, after: after), Token);
            page.TotalCount.Should().Be(expected.Count);
            keys.AddRange(page.Edges.Select(edge => edge.Node.Record.Key));
            after = page.EndCursor;
        }
        while (page.HasNextPage);

        // assert
        expected.Should().NotBeEmpty("the seed should hold relationships the {0} filter matches", filter);
        keys.Should().Equal(expected);
    }

    [Theory]
    [InlineData(RelationshipOrderField.Key, SortDirection.Ascending)]
    [InlineData(RelationshipOrderField.Type, SortDirection.Descending)]
    [InlineData(RelationshipOrderField.Status, SortDirection.Ascending)]
    [InlineData(RelationshipOrderField.Status, SortDirection.Descending)]
    [InlineData(RelationshipOrderField.ValidFrom, SortDirection.Ascending)]
    [InlineData(RelationshipOrderField.ValidFrom, SortDirection.Descending)]
    [InlineData(RelationshipOrderField.ValidTo, SortDirection.Ascending)]
    public async Task Paging_through_every_relationship_gives_each_once_in_the_order_asked(RelationshipOrderField field, SortDirection direction)
    {
        // arrange
        var store = await StoreWith(Seed);
        var order = new RelationshipOrder(field, direction);

        // act
        var pages = new List<Page<Relationship>>();
        string? after = null;
        do
        {
            pages.Add(await store.ListRelationshipsAsync(RelationshipListQuestion.Create(null, order: order, first: 40, after: after), Token));
            after = pages[^1].EndCursor;
        }
        while (pages[^1].HasNextPage);

        // assert
        pages.Should().HaveCountGreaterThan(1);
        pages.Should().OnlyContain(page => page.TotalCount == Seed.Relationships.Count);
        pages[..^1].Should().OnlyContain(page => page.Edges.Count == 40);
        pages.SelectMany(page => page.Edges.Select(edge => edge.Node.Record.Key)).Should().Equal(ByHand(Seed.Relationships, field, direction).Select(relationship => relationship.Key));
    }

    [Fact]
    public async Task Whole_graph_cursors_are_the_reference_answers_and_the_entity_argument_lists_that_entitys()
    {
        // arrange
        var store = await StoreWith(Seed);
        var order = new RelationshipOrder(RelationshipOrderField.ValidFrom, SortDirection.Descending);
        var reference = Reference.ListRelationships(RelationshipListQuestion.Create(null, order: order, first: 25));

        // act
        var first = await store.ListRelationshipsAsync(RelationshipListQuestion.Create(null, order: order, first: 25), Token);
        var next = await store.ListRelationshipsAsync(RelationshipListQuestion.Create(null, order: order, first: 25, after: first.EndCursor), Token);
        var ofDeepSeek = await store.ListRelationshipsAsync(RelationshipListQuestion.Create("DeepSeek", order: order, first: ListingLimits.MaxPageSize), Token);

        // assert
        first.Edges.Select(edge => edge.Cursor).Should().Equal(reference.Edges.Select(edge => edge.Cursor));
        next.Edges.Select(edge => edge.Node.Record.Key).Should().Equal(ByHand(Seed.Relationships, order.Field, order.Direction).Skip(25).Take(25).Select(relationship => relationship.Key));
        ofDeepSeek.Edges.Select(edge => edge.Node.Record.Key).Should().Equal(
            ByHand(Seed.Relationships.Where(relationship => relationship.From == DeepSeek || relationship.To == DeepSeek), order.Field, order.Direction).Select(relationship => relationship.Key));
    }

    [Fact]
    public void What_is_seen_from_an_entity_is_refused_without_one_naming_the_argument()
    {
        // act
        var direction = () => RelationshipListQuestion.Create(null, new RelationshipFilter { Or = [new() { Direction = RelationshipDirection.Incoming }] });
        var otherEnd = () => RelationshipListQuestion.Create(null, order: new RelationshipOrder(RelationshipOrderField.OtherEndName));
        var blank = () => RelationshipListQuestion.Create(" ");

        // assert
        direction.Should().Throw<InvalidArgumentException>().Which.Argument.Should().Be("where");
        otherEnd.Should().Throw<InvalidArgumentException>().Which.Argument.Should().Be("order");
        blank.Should().Throw<InvalidArgumentException>().Which.Argument.Should().Be("entity");
    }

    [Fact]
    public async Task The_index_statistics_count_what_was_imported_and_say_when_it_was_loaded()
    {
        // arrange
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var store = await StoreWith(Seed);

        // act
        var index = store.IndexStatistics;

        // assert
        index.Should().NotBeNull();
        index!.Kind.Should().BeOneOf("index", "projection");
        index.Entities.Should().Be(Seed.Entities.Count);
        index.Relationships.Should().Be(Seed.Relationships.Count);
        index.LoadedAt.Should().BeOnOrAfter(before).And.BeOnOrBefore(DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Counts_of_entities_by_kind_category_and_country_equal_counting_by_hand()
    {
        // arrange
        var store = await StoreWith(Seed);

        // act
        var byKind = await store.CountAsync(CountQuestion.Create(CountDimension.EntityKind), Token);
        var byCategory = await store.CountAsync(CountQuestion.Create(CountDimension.EntityCategory), Token);
        var chinaByCountry = await store.CountAsync(CountQuestion.Create(CountDimension.EntityCountry, where: new EntityFilter { Kinds = [EntityKind.Actor] }), Token);

        // assert
        Groups(byKind).Should().BeEquivalentTo(Seed.Entities.GroupBy(entity => (string?)entity.Kind.ToString().ToUpperInvariant()).ToDictionary(group => group.Key ?? "-", group => group.Count()));
        Groups(byCategory).Should().BeEquivalentTo(Seed.Entities.GroupBy(entity => entity is Actor actor ? WireNames.ToWire(actor.Category) : null).ToDictionary(group => group.Key ?? "-", group => group.Count()));
        Groups(chinaByCountry).Should().BeEquivalentTo(Seed.Entities.OfType<Actor>().GroupBy(entity => entity.Country).ToDictionary(group => group.Key ?? "-", group => group.Count()));
        byKind.Total.Should().Be(Seed.Entities.Count);
        byKind.Groups.Select(group => group.Count).Should().BeInDescendingOrder();
    }

    [Fact]
    public async Task Counts_of_relationships_by_type_and_status_equal_counting_by_hand()
    {
        // arrange
        var store = await StoreWith(Seed);
        var day = new DateOnly(2024, 6, 1);

        // act
        var byType = await store.CountAsync(CountQuestion.Create(CountDimension.RelationshipType), Token);
        var byStatusOnTheDay = await store.CountAsync(CountQuestion.Create(CountDimension.RelationshipStatus, asOf: day), Token);
        var ofDeepSeekOutgoing = await store.CountAsync(CountQuestion.Create(CountDimension.RelationshipType, relationshipWhere: new RelationshipFilter { Direction = RelationshipDirection.Outgoing }, entity: DeepSeek), Token);

        // assert
        Groups(byType).Should().BeEquivalentTo(Seed.Relationships.GroupBy(relationship => relationship.Type.Name()).ToDictionary(group => group.Key, group => group.Count()));
        Groups(byStatusOnTheDay).Should().BeEquivalentTo(Seed.Relationships.Where(relationship => HeldBetween(relationship, day, day)).GroupBy(relationship => WireNames.ToWire(relationship.Status)).ToDictionary(group => group.Key, group => group.Count()));
        Groups(ofDeepSeekOutgoing).Should().BeEquivalentTo(Seed.Relationships.Where(relationship => relationship.From == DeepSeek).GroupBy(relationship => relationship.Type.Name()).ToDictionary(group => group.Key, group => group.Count()));
    }

    [Fact]
    public async Task Counts_by_stage_equal_the_supply_chain_counted_by_hand()
    {
        // arrange
        var store = await StoreWith(Seed);
        var day = new DateOnly(2025, 6, 1);
        var chain = Reference.SupplyChain(new SupplyChainQuestion(DeepSeek, TraversalOptions.Create(day)));

        // act
        var byStage = await store.CountAsync(CountQuestion.Create(CountDimension.SupplyChainStage, asOf: day, entity: "DeepSeek"), Token);

        // assert
        Groups(byStage).Should().BeEquivalentTo(chain.Stages.ToDictionary(stage => WireNames.ToWire(stage.Stage), stage => stage.Entities.Count));
        byStage.Total.Should().Be(chain.Stages.Sum(stage => stage.Entities.Count));
    }

    [Fact]
    public async Task Lists_and_counts_on_a_generated_graph_match_the_reference()
    {
        // arrange
        using var generated = new MemoryStream();
        SyntheticSupplyChain.Write(generated, new GeneratorOptions { Entities = 400, Seed = 11 }, Token);
        var dataset = DatasetReader.Read(generated.ToArray(), "generated.json");
        var reference = ReferenceQuestions(dataset);
        var store = await StoreWith(dataset);
        var busiest = dataset.Relationships.GroupBy(relationship => relationship.From).MaxBy(group => group.Count())!.Key;

        // act
        var pages = await AllEntityPages(store, new EntityOrder(EntityOrderField.Country, SortDirection.Descending), pageSize: ListingLimits.MaxPageSize);
        var relationships = await store.ListRelationshipsAsync(RelationshipListQuestion.Create(busiest, order: new RelationshipOrder(RelationshipOrderField.Status), first: ListingLimits.MaxPageSize), Token);
        var byCategory = await store.CountAsync(CountQuestion.Create(CountDimension.EntityCategory), Token);
        var byType = await store.CountAsync(CountQuestion.Create(CountDimension.RelationshipType, asOf: new DateOnly(2025, 6, 1)), Token);

        // assert
        pages.SelectMany(page => page.Edges.Select(edge => edge.Node.Id)).Should().Equal(ByHand(dataset.Entities, EntityOrderField.Country, SortDirection.Descending).Select(entity => entity.Id));
        relationships.Should().BeEquivalentTo(reference.ListRelationships(RelationshipListQuestion.Create(busiest, order: new RelationshipOrder(RelationshipOrderField.Status), first: ListingLimits.MaxPageSize)), options => options.WithStrictOrdering());
        byCategory.Should().BeEquivalentTo(reference.Count(CountQuestion.Create(CountDimension.EntityCategory)), options => options.WithStrictOrdering().Excluding(answer => answer.AnsweredAt));
        Groups(byType).Should().BeEquivalentTo(dataset.Relationships.Where(relationship => HeldBetween(relationship, new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 1))).GroupBy(relationship => relationship.Type.Name()).ToDictionary(group => group.Key, group => group.Count()));
    }

    private static async Task<List<Page<Entity>>> AllEntityPages(IGraphQueries store, EntityOrder order, int pageSize)
    {
        var pages = new List<Page<Entity>>();
        string? after = null;
        do
        {
            pages.Add(await store.ListEntitiesAsync(EntityListQuestion.Create(order: order, first: pageSize, after: after), Token));
            after = pages[^1].EndCursor;
        }
        while (pages[^1].HasNextPage);

        return pages;
    }

    /// <summary>The entity order as the API documents it: the value ignoring case, then exactly; missing values last; ties by id.</summary>
    private static IEnumerable<Entity> ByHand(IEnumerable<Entity> entities, EntityOrderField field, SortDirection direction)
    {
        if (DateOf(field) is { } date)
        {
            var byDate = entities.OrderBy(entity => date(entity) is null);
            byDate = direction == SortDirection.Ascending ? byDate.ThenBy(date) : byDate.ThenByDescending(date);
            return byDate.ThenBy(entity => entity.Id, StringComparer.Ordinal);
        }

        Func<Entity, string?> key = field switch
        {
            EntityOrderField.Name => entity => entity.Name,
            EntityOrderField.Kind => entity => entity.Kind.ToString(),
            EntityOrderField.Country => entity => entity.Country,
            _ => entity => entity.Id,
        };
        var ordered = entities.OrderBy(entity => key(entity) is null);
        ordered = direction == SortDirection.Ascending
            ? ordered.ThenBy(key, StringComparer.OrdinalIgnoreCase).ThenBy(key, StringComparer.Ordinal)
            : ordered.ThenByDescending(key, StringComparer.OrdinalIgnoreCase).ThenByDescending(key, StringComparer.Ordinal);
        return ordered.ThenBy(entity => entity.Id, StringComparer.Ordinal);
    }

    /// <summary>The date an order by date reads, written out from the entity types; null for the other orders.</summary>
    private static Func<Entity, DateOnly?>? DateOf(EntityOrderField field) => field switch
    {
        EntityOrderField.ReleaseDate => entity => (entity as Model)?.ReleaseDate,
        EntityOrderField.Announced => entity => (entity as Regulation)?.Announced,
        EntityOrderField.Effective => entity => (entity as Regulation)?.Effective,
        EntityOrderField.Rescinded => entity => (entity as Regulation)?.Rescinded,
        _ => null,
    };

    private static IEnumerable<RelationshipRecord> ByHand(IEnumerable<RelationshipRecord> relationships, RelationshipOrderField field, SortDirection direction)
    {
        var names = Seed.Entities.ToDictionary(entity => entity.Id, entity => entity.Name);
        Func<RelationshipRecord, IComparable?> key = field switch
        {
            RelationshipOrderField.Type => relationship => relationship.Type.Name(),
            RelationshipOrderField.Status => relationship => (int)relationship.Status,
            RelationshipOrderField.ValidFrom => relationship => relationship.ValidFrom,
            RelationshipOrderField.ValidTo => relationship => relationship.ValidTo,
            RelationshipOrderField.OtherEndName => relationship => names[relationship.From == DeepSeek ? relationship.To : relationship.From].ToUpperInvariant(),
            _ => relationship => relationship.Key,
        };
        var ordered = relationships.OrderBy(relationship => key(relationship) is null);
        ordered = direction == SortDirection.Ascending ? ordered.ThenBy(key, OrdinalComparer) : ordered.ThenByDescending(key, OrdinalComparer);
        return ordered.ThenBy(relationship => relationship.Key, StringComparer.Ordinal);
    }

    /// <summary>Strings compared ordinally (the default comparer of strings follows the culture), anything else as itself.</summary>
    private static readonly IComparer<IComparable?> OrdinalComparer = Comparer<IComparable?>.Create((left, right) =>
        left is string text && right is string other ? string.CompareOrdinal(text, other) : Comparer<IComparable?>.Default.Compare(left, right));

    private static bool UsesDirection(RelationshipFilter filter) =>
        filter.Direction is not null || (filter.And ?? []).Concat(filter.Or ?? []).Append(filter.Not).OfType<RelationshipFilter>().Any(UsesDirection);

    private static bool HeldBetween(RelationshipRecord relationship, DateOnly from, DateOnly to) =>
        (relationship.ValidFrom is null || relationship.ValidFrom <= to) && (relationship.ValidTo is null || relationship.ValidTo >= from);

    private static string FirstDocumentOf(string entity) =>
        Seed.Relationships.Where(relationship => relationship.From == entity).OrderBy(relationship => relationship.Key, StringComparer.Ordinal).SelectMany(relationship => relationship.Sources).First().Document;

    private static Dictionary<string, int> Groups(CountsAnswer answer) => answer.Groups.ToDictionary(group => group.Key ?? "-", group => group.Count);
}
