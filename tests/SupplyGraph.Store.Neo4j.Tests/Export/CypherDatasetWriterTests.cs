using System.Diagnostics;
using System.Globalization;
using System.Text;
using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Cypher;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Store.Neo4j.Export;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Neo4j.Tests.Export;

public sealed class CypherDatasetWriterTests
{
    private static readonly Dataset Seed = SeedDataset.Load();

    [Fact]
    public void The_rows_of_an_export_of_the_seed_are_the_seed_script()
    {
        // arrange
        var seedScript = GeneratedCypher.Seed(Seed);

        // act
        var export = Export(Seed, "Export of the seed");

        // assert
        Rows(export).Should().Be(Rows(seedScript));
        Rows(export).Should().NotBeEmpty();
    }

    [Fact]
    public void An_export_starts_with_its_title_and_how_to_run_it_then_the_schema()
    {
        // arrange
        const string Title = "SupplyGraph export of the embedded store";

        // act
        var export = Export(Seed, Title);

        // assert
        export.Should().StartWith($"// {Title}\n");
        export[..export.IndexOf("\nMERGE", StringComparison.Ordinal)].Should().Contain("cypher-shell").And.Contain("multi-statement");
        var statements = CypherScript.FromText("export", export).Statements;
        var schemaCount = CypherScripts.Schema.Statements.Count;
        statements.Should().HaveCount(schemaCount + Seed.Entities.Count + Seed.Relationships.Count + Seed.Documents.Count);
        for (var i = 0; i < schemaCount; i++)
        {
            CodeOf(statements[i]).Should().Be(CodeOf(CypherScripts.Schema.Statements[i]));
        }
    }

    [Fact]
    public void Every_statement_is_idempotent_merging_by_id_by_ends_and_key_or_by_document()
    {
        // arrange
        var export = Export(Seed, "idempotence");

        // act
        var rows = CypherScript.FromText("export", export).Statements.Skip(CypherScripts.Schema.Statements.Count).ToList();

        // assert
        rows.Take(Seed.Entities.Count).Zip(Seed.Entities).Should().AllSatisfy(pair =>
            pair.First.Should().StartWith($"MERGE (entity:Entity {{id: {CypherLiteral.Of(pair.Second.Id)}}})\nSET entity = {{"));
        rows.Skip(Seed.Entities.Count).Zip(Seed.Relationships).Should().AllSatisfy(pair =>
            pair.First.Should().Contain($"MERGE (source)-[relationship:{pair.Second.Type.Name()} {{key: {CypherLiteral.Of(pair.Second.Key)}}}]->(target)\nSET relationship = {{"));
        rows.Skip(Seed.Entities.Count + Seed.Relationships.Count).Should().HaveCount(Seed.Documents.Count);
        rows.Skip(Seed.Entities.Count + Seed.Relationships.Count).Zip(Seed.Documents).Should().AllSatisfy(pair =>
            pair.First.Should().Be($"MERGE (document:Document {{document: {CypherLiteral.Of(pair.Second.Document)}}})\nSET document = {{document: {CypherLiteral.Of(pair.Second.Document)}, title: {CypherLiteral.Of(pair.Second.Title)}}}"));
        CypherScript.FromText("export", export).Statements.Where(statement => CodeOf(statement).StartsWith("CREATE", StringComparison.Ordinal))
            .Should().AllSatisfy(statement => statement.Should().Contain("IF NOT EXISTS"));
    }

    [Fact]
    public void Names_with_quotes_backslashes_and_line_breaks_stay_inside_their_statement()
    {
        // arrange
        var dataset = new DatasetBuilder("escapes")
            .Actor("quote-co", ActorCategory.Equipment, "O'Brien \\ Sons;\nMATCH (n) DETACH DELETE n;", "a'b", "c\\'")
            .Actor("other", ActorCategory.Foundry)
            .Link("other", RelationshipType.Supplies, "quote-co", note: "it's \"fine\";\r\n")
            .Build();

        // act
        var export = Export(dataset, "escapes");

        // assert
        var rows = CypherScript.FromText("export", export).Statements.Skip(CypherScripts.Schema.Statements.Count).ToList();
        rows.Should().HaveCount(3);
        rows[0].Should().Contain($"name: {CypherLiteral.Of("O'Brien \\ Sons;\nMATCH (n) DETACH DELETE n;")}");
        rows[0].Should().Contain("aliases: ['a\\'b', 'c\\\\\\'']");
        rows[2].Should().Contain(@"note: 'it\'s ""fine"";\r\n'");
    }

    [Fact]
    public void An_entity_after_a_relationship_is_refused()
    {
        // arrange
        var dataset = new DatasetBuilder().Actor("a", ActorCategory.Foundry).Actor("b", ActorCategory.Foundry).Link("a", RelationshipType.Supplies, "b").Build();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var writer = new CypherDatasetWriter(text, "order");
        writer.OnEntity(dataset.Entities[0]);
        writer.OnRelationship(dataset.Relationships[0]);

        // act
        var act = () => writer.OnEntity(dataset.Entities[1]);

        // assert
        act.Should().Throw<InvalidOperationException>().WithMessage("Entity b came after the first relationship*");
    }

    [Fact]
    public void A_title_of_two_lines_is_refused()
    {
        // arrange
        using var text = new StringWriter(CultureInfo.InvariantCulture);

        // act
        var act = () => new CypherDatasetWriter(text, "one\nMATCH (n) DETACH DELETE n");

        // assert
        act.Should().Throw<ArgumentException>().WithMessage("The title is one comment line*");
    }

    [Fact]
    public void The_export_passes_cypher_lint()
    {
        // arrange
        var lint = RepositoryPaths.Combine("tools", "cypher-lint");
        if (!Directory.Exists(Path.Combine(lint, "node_modules")))
        {
            Assert.Skip("tools/cypher-lint is not installed; run npm ci in that folder (scripts/test.sh does).");
        }

        var dataset = new DatasetBuilder("lint")
            .Actor("quote-co", ActorCategory.Equipment, "O'Brien \\ Sons\n\t\u0001 幻方")
            .Model("model-x", developer: "quote-co")
            .Regulation("rule", new DateOnly(2023, 10, 17))
            .Link("quote-co", RelationshipType.Develops, "model-x", validFrom: new DateOnly(2024, 1, 2), note: "it's")
            .Build();
        var entities = Seed.Entities.Concat(dataset.Entities).ToList();
        var relationships = Seed.Relationships.Concat(dataset.Relationships).ToList();
        var file = Path.Combine(Path.GetTempPath(), $"supplygraph-export-{Guid.NewGuid():N}.cypher");
        File.WriteAllText(file, Export(new Dataset("lint", null, entities, relationships), "lint"), new UTF8Encoding(false));

        try
        {
            // act
            var (exitCode, output) = Run("node", Path.Combine(lint, "lint.mjs"), "--schema", RepositoryPaths.Combine("cypher", "lint", "dbschema.json"), file);

            // assert
            output.Should().Contain(", 0 failed");
            exitCode.Should().Be(0, output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Export(Dataset dataset, string title)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var writer = new CypherDatasetWriter(text, title);
        writer.WriteAll(dataset);
        writer.Finish();
        return text.ToString();
    }

    // Everything from the first row statement on.
    private static string Rows(string script) => script[script.IndexOf("\nMERGE (entity:Entity", StringComparison.Ordinal)..];

    private static string CodeOf(string statement) =>
        string.Join('\n', statement.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))).Trim();

    private static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
