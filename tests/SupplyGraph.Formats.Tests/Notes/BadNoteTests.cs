using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Notes;
using static SupplyGraph.Formats.Tests.Notes.NotesTestKit;

namespace SupplyGraph.Formats.Tests.Notes;

/// <summary>Notes that cannot be imported, each with the exact error that says what is wrong and where.</summary>
public sealed class BadNoteTests
{
    private static readonly string Categories = string.Join(", ", WireNames.AllowedValues<ActorCategory>());

    [Fact]
    public async Task Front_matter_that_is_never_closed_is_an_error_at_line_1()
    {
        await ExpectErrorsAsync("open.md", "---\naliases: [Acme AI]\n# Acme\n", path =>
            $"{path}:1:1: front matter: the front matter opened on line 1 is never closed: end it with a line \"---\"");
    }

    [Fact]
    public async Task Front_matter_that_is_not_yaml_is_an_error_at_the_notes_own_line_and_column()
    {
        await ExpectErrorsAsync("broken.md", "---\nkind: Actor\naliases: [Acme AI\n---\n# Acme\n", path =>
            $"{path}:4:1: front matter: invalid YAML: While parsing a flow sequence, did not find expected ',' or ']'.");
    }

    [Fact]
    public async Task A_related_link_to_nothing_is_an_error()
    {
        await ExpectErrorsAsync("acme.md", "---\nkind: Actor\ncategory: AI_LAB\n---\n# Acme\n\n## Related\n\n- [[Export controls]] — constraint (GPU restrictions)\n", path =>
            $"{path}:9:3: Related: [[Export controls]] links to nothing: no note in this import and no stored entity is called \"Export controls\"; write a note about it, import it first, or pass --skip-unresolved-links");
    }

    [Fact]
    public async Task A_rule_rescinded_before_it_took_effect_is_an_error_at_the_rescinded_line()
    {
        await ExpectErrorsAsync(
            "rule.md",
            "---\nkind: Regulation\nissuer: us-bis\njurisdiction: US\neffective: 2024-01-01\nrescinded: 2023-06-30\ncitation: 89 FR 1\nsummary: a test rule\n---\n# A test rule\n"u8.ToArray(),
            path => [$"{path}:6:12: front matter.rescinded: rescinded 2023-06-30 is before effective 2024-01-01"],
            seeded: true);
    }

    [Fact]
    public async Task An_unknown_role_is_an_error_naming_the_known_roles()
    {
        await ExpectErrorsAsync("acme.md", "---\nkind: Actor\ncategory: AI_LAB\n---\n# Acme\n\n## Related\n\n- [[Acme]] — ally of sorts (friends)\n", path =>
            $"{path}:9:3: Related: unknown role \"ally of sorts\" in [[Acme]]; known roles: {string.Join(", ", RoleMapping.Default.Roles)}; add it to the role mapping (--roles FILE)");
    }

    [Fact]
    public async Task A_note_that_is_not_utf8_is_an_error_at_its_first_bad_byte()
    {
        await ExpectErrorsAsync("latin1.md", [.. "# Acme\nCaf"u8, 0xE9, .. " au lait\n"u8], path =>
            $"{path}:2:4: text: the note is not UTF-8: byte 0xE9 is not valid here; save the note as UTF-8");
    }

    [Fact]
    public async Task An_empty_note_is_an_error()
    {
        await ExpectErrorsAsync("empty.md", " \n\n", path =>
            $"{path}:1:1: text: the note is empty: write at least a title (a `# Title` heading or front matter `title`)");
    }

    [Fact]
    public async Task A_new_entity_without_its_kind_or_category_names_the_front_matter_key_to_add()
    {
        await ExpectErrorsAsync("Acme.md", "Some prose without a kind.\n", path =>
            $"{path}:1:1: front matter.kind: \"Acme\" is a new entity and the note does not say its kind: add front matter \"kind: Actor\" (or Chip, Model, Regulation) or a tag #actor, #chip, #model or #regulation");
        await ExpectErrorsAsync("acme.md", "#actor\n\n# Acme Lab\n", path =>
            $"{path}:3:3: front matter.category: a new Actor needs its category: add front matter \"category: AI_LAB\" (one of {Categories})");
    }

    [Fact]
    public async Task A_new_regulation_names_each_required_key_that_is_missing()
    {
        await ExpectErrorsAsync("rule.md", "---\nkind: Regulation\njurisdiction: US\n---\n# Chip rule\n", path => [
            $"{path}:5:3: front matter.issuer: a new Regulation needs its issuer: add front matter \"issuer: us-bis\"",
            $"{path}:5:3: front matter.effective: a new Regulation needs its effective: add front matter \"effective: 2023-11-17\"",
            $"{path}:5:3: front matter.citation: a new Regulation needs its citation: add front matter \"citation: 88 FR 73458\"",
            $"{path}:5:3: front matter.summary: a new Regulation needs its summary: add front matter \"summary: what it controls\""]);
    }

    [Fact]
    public async Task A_kind_that_conflicts_with_the_stored_entity_is_an_error()
    {
        await ExpectErrorsAsync("deepseek.md", "---\nkind: Model\n---\n# DeepSeek\n", path =>
            $"{path}:2:7: front matter.kind: the note says Model but the stored entity \"deepseek\" is an Actor", seeded: true);
    }

    [Fact]
    public async Task A_relationship_whose_ends_do_not_fit_its_type_is_an_error()
    {
        await ExpectErrorsAsync("deepseek.md", "# DeepSeek\n\n## Related\n\n- [[NVIDIA H800]] — parent (not a parent)\n", path =>
            $"{path}:5:3: Related: role \"parent\" maps to SUBSIDIARY_OF (Actor → Actor); here it would go from \"deepseek\" (Actor) to \"nvidia-h800\" (Chip)", seeded: true);
    }

    private static Task ExpectErrorsAsync(string fileName, string text, Func<string, string> expected, bool seeded = false) =>
        ExpectErrorsAsync(fileName, System.Text.Encoding.UTF8.GetBytes(text), path => [expected(path)], seeded);

    private static Task ExpectErrorsAsync(string fileName, byte[] bytes, Func<string, string> expected) =>
        ExpectErrorsAsync(fileName, bytes, path => [expected(path)], seeded: false);

    private static Task ExpectErrorsAsync(string fileName, string text, Func<string, string[]> expected) =>
        ExpectErrorsAsync(fileName, System.Text.Encoding.UTF8.GetBytes(text), expected, seeded: false);

    private static async Task ExpectErrorsAsync(string fileName, byte[] bytes, Func<string, string[]> expected, bool seeded)
    {
        // arrange
        using var vault = new TemporaryVault();
        var path = vault.WriteBytes(fileName, bytes);
        using var store = await StoreAsync(seeded);
        var before = await ExportAsync(store);

        // act
        var import = () => ImportNotesAsync(store, [path]);

        // assert
        var thrown = await import.Should().ThrowAsync<DatasetValidationException>();
        thrown.Which.Errors.Select(error => error.ToString()).Should().Equal(expected(path));
        (await ExportAsync(store)).Should().BeEquivalentTo(before, "a note with errors stores nothing");
    }
}
