using FluentAssertions;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Neo4j.Tests.Cypher;

/// <summary>
/// The checked-in files under cypher/ that code writes must be what the code writes now.
/// Set SUPPLYGRAPH_UPDATE_GENERATED=1 to rewrite them instead of failing.
/// </summary>
public sealed class GeneratedCypherFilesTests
{
    public static TheoryData<string> GeneratedFiles => [
        "import/upsert-entities.cypher", "import/upsert-relationships.cypher", "seed.cypher", "lint/dbschema.json",
    ];

    [Theory]
    [MemberData(nameof(GeneratedFiles))]
    public void The_checked_in_file_is_current(string file)
    {
        // arrange
        var path = RepositoryPaths.Combine("cypher", file);
        var expected = Generate(file);

        // act
        if (Environment.GetEnvironmentVariable("SUPPLYGRAPH_UPDATE_GENERATED") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path) : "(missing)";

        // assert
        actual.Should().Be(expected, $"cypher/{file} is generated; run the tests with SUPPLYGRAPH_UPDATE_GENERATED=1 and commit the result");
    }

    [Fact]
    public void The_seed_script_has_one_statement_per_entity_relationship_and_document_title()
    {
        // arrange
        var seed = SeedDataset.Load();

        // act
        var statements = CypherScript.FromText("seed", GeneratedCypher.Seed(seed)).Statements;

        // assert
        seed.Documents.Should().NotBeEmpty("the seed titles its seed documents");
        statements.Should().HaveCount(seed.Entities.Count + seed.Relationships.Count + seed.Documents.Count);
        statements.TakeLast(seed.Documents.Count).Should().OnlyContain(statement => statement.StartsWith("MERGE (document:Document {document: '", StringComparison.Ordinal));
    }

    [Fact]
    public void Quotes_in_values_are_escaped_in_the_seed_script()
    {
        var dataset = new DatasetBuilder("quotes").Actor("quote-co", Domain.Vocabulary.ActorCategory.Equipment, "O'Brien \\ Sons").Build();

        var script = GeneratedCypher.Seed(dataset);

        script.Should().Contain("name: 'O\\'Brien \\\\ Sons'");
    }

    private static string Generate(string file) => file switch
    {
        "import/upsert-entities.cypher" => GeneratedCypher.UpsertEntities(),
        "import/upsert-relationships.cypher" => GeneratedCypher.UpsertRelationships(),
        "seed.cypher" => GeneratedCypher.Seed(SeedDataset.Load()),
        "lint/dbschema.json" => GeneratedCypher.LintSchema(),
        _ => throw new ArgumentOutOfRangeException(nameof(file)),
    };
}
