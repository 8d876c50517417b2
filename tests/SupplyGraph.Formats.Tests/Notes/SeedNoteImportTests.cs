using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Notes;
using static SupplyGraph.Formats.Tests.Notes.NotesTestKit;

namespace SupplyGraph.Formats.Tests.Notes;

/// <summary>The seed note 003 imported as Markdown into a store that holds the seed dataset.</summary>
public sealed class SeedNoteImportTests
{
    private static readonly NotesOptions SkipUnresolved = NotesOptions.Default with { OnUnresolvedLink = UnresolvedLinks.Skip };

    private static readonly string NoteText = File.ReadAllText(Note003Path);

    // Roles of note 003 the default mapping maps to none.
    private static readonly string[] UntypedRoles = ["event", "hq", "context", "thesis", "trend", "affected"];

    // Links of note 003 outside its Related list that name no seed entity.
    private static readonly string[] DanglingLinks = ["[[Hangzhou]]", "[[DeepSeek day]]", "[[Microsoft]]", "[[Export controls]]"];

    [Fact]
    public async Task Note_003_merges_its_aliases_tags_and_sources_into_DeepSeek()
    {
        // arrange
        using var store = await StoreAsync(seeded: true);
        var before = await store.ResolveAsync("deepseek", Token);
        var aliasLine = LineStartingWith(NoteText, "aliases:");
        var titleLine = LineStartingWith(NoteText, "**DeepSeek**");
        var tagLine = LineStartingWith(NoteText, "#actor");

        // act
        await ImportNotesAsync(store, [Note003Path], SkipUnresolved);

        // assert
        var after = (Actor)await store.ResolveAsync("deepseek", Token);
        after.Name.Should().Be("DeepSeek");
        after.Aliases.Should().Contain(["DeepSeek AI", "DeepSeek R1"]).And.StartWith(before.Aliases).And.OnlyHaveUniqueItems();
        after.Tags.Should().StartWith(before.Tags).And.Contain(["actor", "ai", "models", "china"]).And.OnlyHaveUniqueItems();
        after.Sources.Should().StartWith(before.Sources);
        after.Sources.Except(before.Sources).Should().Equal(
            new Source(Note003FileName, $"line {titleLine}: {LineText(NoteText, titleLine)}"),
            new Source(Note003FileName, $"line {tagLine}: {LineText(NoteText, tagLine)}"),
            new Source(Note003FileName, $"line {aliasLine}: {LineText(NoteText, aliasLine)}"));
        after.Should().BeEquivalentTo(before, options => options.Excluding(entity => entity.Tags).Excluding(entity => entity.Sources));
    }

    [Fact]
    public async Task Note_003_related_lines_with_typed_roles_that_resolve_become_relationships_citing_their_lines()
    {
        // arrange
        using var store = await StoreAsync(seeded: true);
        var (_, seedRelationships) = await ExportAsync(store);

        // act
        var summary = await ImportNotesAsync(store, [Note003Path], SkipUnresolved);

        // assert
        var (_, relationships) = await ExportAsync(store);
        var added = relationships.ExceptBy(seedRelationships.Select(record => record.Key), record => record.Key).ToList();
        added.Should().BeEquivalentTo([Expected("[[Alibaba]] — peer", "alibaba", "Qwen models"), Expected("[[ByteDance]] — peer", "bytedance", "Doubao")]);
        relationships.Should().Contain(record => record.Key == "deepseek/COMPETES_WITH/alibaba", "the seed's own claim is kept beside the note's");
        summary.Relationships.Added.Should().Be(added.Count);
        summary.Entities.Should().Be(new Domain.Stores.ChangeCounts(0, 1, 0));
    }

    [Fact]
    public async Task Note_003_reports_each_typed_link_that_names_nothing_as_an_error()
    {
        // arrange
        using var store = await StoreAsync(seeded: true);
        var source = new NotesDatasetSource([Note003Path], NotesOptions.Default);
        var microsoft = LineStartingWith(NoteText, "- [[Microsoft]] — distribution");
        var exportControls = LineStartingWith(NoteText, "- [[Export controls]] — constraint");

        // act
        var import = () => store.ImportAsync(source, ImportOptions.Default, Token);

        // assert
        var thrown = await import.Should().ThrowAsync<DatasetValidationException>();
        thrown.Which.Errors.Select(error => error.ToString()).Should().Equal(
            $"{Note003Path}:{microsoft}:3: Related: [[Microsoft]] links to nothing: no note in this import and no stored entity is called \"Microsoft\"; write a note about it, import it first, or pass --skip-unresolved-links",
            $"{Note003Path}:{exportControls}:3: Related: [[Export controls]] links to nothing: no note in this import and no stored entity is called \"Export controls\"; write a note about it, import it first, or pass --skip-unresolved-links");
        (await store.ResolveAsync("deepseek", Token)).Sources.Should().NotContain(found => found.Document == Note003FileName && found.Locator.StartsWith("line", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Note_003_with_skip_lists_untyped_roles_unresolved_links_and_dangling_references_as_skipped()
    {
        // arrange
        using var store = await StoreAsync(seeded: true);
        var lines = NoteText.Split('\n');
        var related = LineStartingWith(NoteText, "## Related");
        var expectedUntyped = RelatedRoles(lines, related)
            .Where(entry => UntypedRoles.Contains(entry.Role))
            .Select(entry => ((int?)entry.Line, $"role \"{entry.Role}\" maps to no relationship type"));
        var expectedReferences = lines.Take(related)
            .SelectMany((line, index) => DanglingLinks.Where(link => line.Contains(link, StringComparison.Ordinal)).Select(link => ((int?)index + 1, link)));

        // act
        var summary = await ImportNotesAsync(store, [Note003Path], SkipUnresolved);

        // assert
        summary.Skipped.Should().OnlyContain(item => item.File == Note003Path);
        summary.Skipped.Where(item => item.Reason.StartsWith("role", StringComparison.Ordinal))
            .Select(item => (item.Line, item.Reason)).Should().Equal(expectedUntyped);
        summary.Skipped.Should().ContainEquivalentOf(new SkippedItem(
            Note003Path,
            LineStartingWith(NoteText, "- [[Export controls]]"),
            "[[Export controls]] — constraint",
            "links to nothing: no note in this import and no stored entity is called \"Export controls\""));
        summary.Skipped.Where(item => item.Reason.EndsWith("a link outside the Related list is a reference only", StringComparison.Ordinal))
            .Select(item => (item.Line, item.What)).Should().Equal(expectedReferences);
    }

    [Fact]
    public async Task Reimporting_note_003_changes_nothing()
    {
        // arrange
        using var store = await StoreAsync(seeded: true);
        await ImportNotesAsync(store, [Note003Path], SkipUnresolved);
        var before = await ExportAsync(store);

        // act
        var summary = await ImportNotesAsync(store, [Note003Path], SkipUnresolved);

        // assert
        summary.ChangedAnything.Should().BeFalse();
        summary.Entities.Unchanged.Should().Be(1);
        var after = await ExportAsync(store);
        after.Entities.Should().BeEquivalentTo(before.Entities, options => options.WithStrictOrdering());
        after.Relationships.Should().BeEquivalentTo(before.Relationships, options => options.WithStrictOrdering());
    }

    // "- [[Target]] — role (description)" lines after the Related heading, with their roles.
    private static IEnumerable<(int Line, string Role)> RelatedRoles(string[] lines, int relatedHeading) =>
        lines.Select((line, index) => (Line: index + 1, Text: line))
            .Where(entry => entry.Line > relatedHeading && entry.Text.StartsWith("- [[", StringComparison.Ordinal))
            .Select(entry => (entry.Line, entry.Text.Split(" — ")[1].Split(" (")[0].ToLowerInvariant()));

    private static RelationshipRecord Expected(string lineStart, string target, string note)
    {
        var line = LineStartingWith(NoteText, "- " + lineStart);
        return new RelationshipRecord
        {
            Key = $"deepseek/COMPETES_WITH/{target}/003_67bdc8ecb5f52f54-txt",
            Type = RelationshipType.CompetesWith,
            From = "deepseek",
            To = target,
            Status = RelationshipStatus.Reported,
            Note = note,
            Sources = [new Source(Note003FileName, $"line {line}: {LineText(NoteText, line)}")],
        };
    }
}
