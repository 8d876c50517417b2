using FluentAssertions;
using SupplyGraph.Store.Neo4j.Cypher;

namespace SupplyGraph.Store.Neo4j.Tests.Cypher;

/// <summary>Spans name a statement by its Cypher file, never by its text.</summary>
public sealed class CypherStatementNamesTests
{
    [Fact]
    public void A_statement_of_a_one_statement_file_is_named_by_the_file()
    {
        // arrange
        var statement = CypherScripts.TopologyPage.Statement;

        // act
        var name = CypherStatementNames.Of(statement);

        // assert
        name.Should().Be("topology-page");
    }

    [Fact]
    public void Each_statement_of_a_file_of_several_is_named_by_the_file_and_its_place_in_it()
    {
        // arrange
        var statements = CypherScripts.UpsertEntities.Statements;

        // act
        var names = statements.Select(CypherStatementNames.Of).ToList();

        // assert
        names.Should().Equal(Enumerable.Range(1, statements.Count).Select(i => $"upsert-entities#{i}"));
    }

    [Fact]
    public void A_statement_of_no_file_is_named_other_and_its_text_is_not_repeated()
    {
        // arrange
        const string adHoc = "MATCH (n:Entity {id: 'secret-id'}) RETURN n";

        // act
        var name = CypherStatementNames.Of(adHoc);

        // assert
        name.Should().Be(CypherStatementNames.Other);
    }
}
