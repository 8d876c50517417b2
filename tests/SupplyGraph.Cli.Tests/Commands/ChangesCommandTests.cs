using System.Text.Json;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Formats.Json;
using SupplyGraph.Testing;

namespace SupplyGraph.Cli.Tests.Commands;

/// <summary><c>supplygraph changes</c>: the domain's changes answer, as JSON and as a table, and its usage errors.</summary>
public sealed class ChangesCommandTests : IDisposable
{
    private static readonly Dataset Seed = SeedDataset.Load();
    private static readonly string SeedFile = RepositoryPaths.Combine("datasets", "seed.json");
    private readonly CliRun cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Changes_answers_as_the_domain_does_as_json_and_as_a_table()
    {
        // arrange
        await cli.InStoreAsync("store", "import", SeedFile);
        var questions = new GraphQuestions(GraphIndex.Build(Seed.Entities, Seed.Relationships), TimeProvider.System);
        var expected = questions.Changes(ChangesQuestion.Create("deepseek", new DateOnly(2023, 6, 1), new DateOnly(2026, 1, 1)), TestContext.Current.CancellationToken);

        // act
        var json = await cli.InStoreAsync("store", "changes", "deepseek", "--from", "2023-06-01", "--to", "2026-01-01", "--json");
        var table = await cli.InStoreAsync("store", "changes", "deepseek", "--from", "2023-06-01", "--to", "2026-01-01");

        // assert
        json.ExitCode.Should().Be(ExitCodes.Success, json.ToString());
        using var answer = JsonDocument.Parse(json.Out);
        var entered = answer.RootElement.GetProperty("entered");
        entered.GetProperty("regulations").EnumerateArray().Select(regulation => regulation.GetProperty("id").GetString())
            .Should().Equal(expected.Entered.Regulations.Select(regulation => regulation.Id)).And.Contain("us-bis-2023-10-advanced-computing");
        entered.GetProperty("entities").EnumerateArray().Select(member => $"{member.GetProperty("stage").GetString()}/{member.GetProperty("entity").GetProperty("id").GetString()}")
            .Should().Equal(expected.Entered.Entities.Select(member => $"{Domain.Vocabulary.WireNames.ToWire(member.Stage)}/{member.Entity.Id}"));
        answer.RootElement.GetProperty("left").GetProperty("relationships").GetArrayLength().Should().Be(expected.Left.Relationships.Count);
        table.ExitCode.Should().Be(ExitCodes.Success, table.ToString());
        foreach (var regulation in expected.Entered.Regulations)
        {
            table.Out.Should().Contain(regulation.Id);
        }
    }

    [Fact]
    public async Task A_from_after_to_and_a_bad_day_are_usage_errors_naming_the_option()
    {
        // arrange
        await cli.InStoreAsync("store", "import", SeedFile);

        // act
        var backwards = await cli.InStoreAsync("store", "changes", "deepseek", "--from", "2026-01-01", "--to", "2023-06-01");
        var badDay = await cli.InStoreAsync("store", "changes", "deepseek", "--from", "2023-06-01", "--to", "2026-02-30");
        var missing = await cli.InStoreAsync("store", "changes", "deepseek", "--from", "2023-06-01");

        // assert
        backwards.ExitCode.Should().Be(ExitCodes.Usage, backwards.ToString());
        backwards.Error.Should().Contain("2026-01-01").And.Contain("2023-06-01").And.Contain("from");
        badDay.ExitCode.Should().Be(ExitCodes.Usage, badDay.ToString());
        badDay.Error.Should().Contain("--to").And.Contain("2026-02-30");
        missing.ExitCode.Should().Be(ExitCodes.Usage, missing.ToString());
        missing.Error.Should().Contain("--to");
    }
}
