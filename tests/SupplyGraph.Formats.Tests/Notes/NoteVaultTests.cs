using FluentAssertions;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Notes;
using static SupplyGraph.Formats.Tests.Notes.NotesTestKit;

namespace SupplyGraph.Formats.Tests.Notes;

/// <summary>A small vault whose notes link to each other and make new entities.</summary>
public sealed class NoteVaultTests
{
    private const string LabNote = """
        ---
        kind: Actor
        category: AI_LAB
        country: FR
        aliases: [Acme AI]
        ---
        # Acme Lab

        A lab that mentions [[Ghost Fund]] in passing and writes `[[Inline Code]]` in code.

        ```
        [[Fenced Code]]
        ```

        ## Related

        - [[Cloud Co]] — host (training compute)
        - [[Acme One|our model]] – model (flagship)
        """;

    private const string CloudNote = """
        #actor #cloud

        **Cloud Co** — a cloud provider.
        """;

    private const string ModelNote = """
        ---
        kind: Model
        developer: Acme AI
        releaseDate: 2025-03-01
        parameters: 7000000000
        ---
        # Acme One
        """;

    [Fact]
    public async Task Front_matter_values_are_trimmed_so_an_id_or_a_code_never_keeps_a_final_newline()
    {
        // arrange: the JSON, YAML and CSV readers refuse "acme\n"; the notes importer trims what a note's author typed
        using var vault = new TemporaryVault();
        var path = vault.Write("acme.md", "---\nid: \"acme\\n\"\nkind: Actor\ncategory: AI_LAB\ncountry: \"US\\n\"\n---\n# Acme\n");
        using var store = await StoreAsync(seeded: false);

        // act
        await ImportNotesAsync(store, [path]);

        // assert
        var (entities, _) = await ExportAsync(store);
        var acme = entities.Should().ContainSingle().Subject;
        (acme.Id, acme.Country).Should().Be(("acme", "US"));
    }

    [Fact]
    public async Task An_edited_note_replaces_its_own_line_citations_instead_of_adding_stale_ones()
    {
        // arrange
        using var vault = new TemporaryVault();
        var path = vault.Write("Cloud Co.md", "---\ncategory: CLOUD_PROVIDER\n---\n" + CloudNote);
        using var store = await StoreAsync(seeded: false);
        await ImportNotesAsync(store, [path]);
        vault.Write("Cloud Co.md", "---\ncategory: CLOUD_PROVIDER\n---\n\n\n" + CloudNote);

        // act: the same note, two lines further down
        await ImportNotesAsync(store, [path]);

        // assert
        var (entities, _) = await ExportAsync(store);
        var sources = entities.Single().Sources;
        sources.Should().NotBeEmpty().And.OnlyContain(source => source.Document == "Cloud Co.md");
        sources.Should().Contain(new Source("Cloud Co.md", "line 8: **Cloud Co** — a cloud provider."))
            .And.NotContain(new Source("Cloud Co.md", "line 6: **Cloud Co** — a cloud provider."));
    }

    [Fact]
    public async Task Notes_link_to_each_other_by_title_or_alias_and_cite_their_lines()
    {
        // arrange
        using var vault = new TemporaryVault();
        var lab = vault.Write("labs/Acme Lab.md", LabNote);
        vault.Write("Cloud Co.md", "---\ncategory: CLOUD_PROVIDER\n---\n" + CloudNote);
        vault.Write("models/Acme One.md", ModelNote);
        vault.Write("models/ignored.txt", "not a note: only *.md and *.markdown are read in folders");
        using var store = await StoreAsync(seeded: false);
        var labLines = LabNote.Split('\n');

        // act
        var summary = await ImportNotesAsync(store, [vault.Root]);

        // assert
        var (entities, relationships) = await ExportAsync(store);
        entities.Select(entity => (entity.Id, entity.Name, entity.Kind)).Should().Equal(
            ("acme-lab", "Acme Lab", EntityKind.Actor), ("acme-one", "Acme One", EntityKind.Model), ("cloud-co", "Cloud Co", EntityKind.Actor));
        var acme = entities.OfType<Actor>().Single(entity => entity.Id == "acme-lab");
        acme.Should().BeEquivalentTo(new { Category = ActorCategory.AiLab, Country = "FR", Aliases = (string[])["Acme AI"] });
        acme.Sources.Should().Equal(
            new Source("Acme Lab.md", "line 7: # Acme Lab"),
            new Source("Acme Lab.md", "line 2: kind: Actor"),
            new Source("Acme Lab.md", "line 5: aliases: [Acme AI]"),
            new Source("Acme Lab.md", "line 4: country: FR"),
            new Source("Acme Lab.md", "line 3: category: AI_LAB"));
        entities.OfType<Model>().Single().Should().BeEquivalentTo(new { Developer = "acme-lab", ReleaseDate = new DateOnly(2025, 3, 1), Parameters = 7_000_000_000L });
        entities.OfType<Actor>().Single(entity => entity.Id == "cloud-co").Should().BeEquivalentTo(new { Category = ActorCategory.CloudProvider, Tags = (string[])["actor", "cloud"] });
        relationships.Select(record => (record.Key, record.Status, record.Note, record.Sources.Single().Locator)).Should().BeEquivalentTo(new[]
        {
            ("cloud-co/HOSTS/acme-lab/Acme-Lab-md", RelationshipStatus.Reported, "training compute", $"line {Array.FindIndex(labLines, line => line.Contains("[[Cloud Co]]", StringComparison.Ordinal)) + 1}: - [[Cloud Co]] — host (training compute)"),
            ("acme-lab/DEVELOPS/acme-one/Acme-Lab-md", RelationshipStatus.Reported, "flagship", $"line {labLines.Length}: - [[Acme One|our model]] – model (flagship)"),
        });
        summary.Skipped.Should().ContainSingle().Which.Should().Be(new Domain.Importing.SkippedItem(
            lab, 9, "[[Ghost Fund]]", "links to nothing: no note in this import and no stored entity is called \"Ghost Fund\"; a link outside the Related list is a reference only"));
    }

    [Fact]
    public async Task A_custom_role_mapping_gives_its_types_directions_and_status()
    {
        // arrange
        using var vault = new TemporaryVault();
        var mapping = vault.Write("roles.yaml", """
            status: ALLEGED
            roles:
              ally: COMPETES_WITH
              sponsor: { type: BACKED_BY, direction: to-note, status: CONFIRMED }
            """);
        vault.Write("notes/Acme Lab.md", "---\nkind: Actor\ncategory: AI_LAB\n---\n# Acme Lab\n\n## Related\n\n- [[Fund]] — ally (rivals)\n");
        vault.Write("notes/Fund.md", "---\nkind: Actor\ncategory: INVESTOR\n---\n# Fund\n\n## Related\n\n- [[Acme Lab]]: sponsor\n");
        using var store = await StoreAsync(seeded: false);
        var options = NotesOptions.Default with { Roles = RoleMapping.Load(mapping) };

        // act
        await ImportNotesAsync(store, [Path.Combine(vault.Root, "notes")], options);

        // assert
        var (_, relationships) = await ExportAsync(store);
        relationships.Select(record => (record.Key, record.Type, record.From, record.To, record.Status, record.Note)).Should().BeEquivalentTo(new[]
        {
            ("acme-lab/COMPETES_WITH/fund/Acme-Lab-md", RelationshipType.CompetesWith, "acme-lab", "fund", RelationshipStatus.Alleged, "rivals"),
            ("acme-lab/BACKED_BY/fund/Fund-md", RelationshipType.BackedBy, "acme-lab", "fund", RelationshipStatus.Confirmed, (string?)null),
        });
    }
}
