using System.Net;
using System.Text.Json;
using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.GraphQL;

/// <summary>The changes field: the set differences of supplyChain and exportControls on two days, asked in one request.</summary>
[Collection(SmallGraphCollection.Name)]
public sealed class ChangesTests(SmallGraphHost host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task Changes_are_the_differences_of_supply_chain_and_export_controls_on_the_two_days()
    {
        // arrange
        var before = SmallGraph.RuleEffective.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var after = SmallGraph.RuleEffective.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var query = $$"""
            {
              changes(entity: "acme-ai", from: "{{before}}", to: "{{after}}") {
                from to partial
                entered { entities { stage entity { id } } relationships { id } regulations { id } }
                left { entities { stage entity { id } } relationships { id } regulations { id } }
              }
              chainFrom: supplyChain(entity: "acme-ai", asOf: "{{before}}") { stages { stage entities { id } } relationships { id } }
              chainTo: supplyChain(entity: "acme-ai", asOf: "{{after}}") { stages { stage entities { id } } relationships { id } }
              controlsFrom: exportControls(entity: "acme-ai", asOf: "{{before}}") { hits { regulation { id } } }
              controlsTo: exportControls(entity: "acme-ai", asOf: "{{after}}") { hits { regulation { id } } }
            }
            """;

        // act
        var response = await Client.PostGraphQLAsync(query);

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var changes = response.Data.GetProperty("changes");
        changes.Str("from").Should().Be(before);
        changes.Str("to").Should().Be(after);
        var (membersFrom, membersTo) = (Members(response.Data.GetProperty("chainFrom")), Members(response.Data.GetProperty("chainTo")));
        var (relationshipsFrom, relationshipsTo) = (response.Data.GetProperty("chainFrom").Ids("relationships"), response.Data.GetProperty("chainTo").Ids("relationships"));
        var (rulesFrom, rulesTo) = (Regulations(response.Data.GetProperty("controlsFrom")), Regulations(response.Data.GetProperty("controlsTo")));
        Members(changes.GetProperty("entered"), "entities").Should().Equal(membersTo.Except(membersFrom));
        Members(changes.GetProperty("left"), "entities").Should().Equal(membersFrom.Except(membersTo));
        changes.GetProperty("entered").Ids("relationships").Should().Equal(relationshipsTo.Except(relationshipsFrom));
        changes.GetProperty("left").Ids("relationships").Should().Equal(relationshipsFrom.Except(relationshipsTo));
        changes.GetProperty("entered").Ids("regulations").Should().Equal(rulesTo.Except(rulesFrom)).And.Contain(SmallGraph.Rule, "the rule takes effect on the later day");
        changes.GetProperty("left").Ids("regulations").Should().Equal(rulesFrom.Except(rulesTo));
    }

    [Fact]
    public async Task To_before_from_is_invalid_argument_naming_both_days()
    {
        // act
        var response = await Client.PostGraphQLAsync("""{ changes(entity: "acme-ai", from: "2024-01-01", to: "2023-01-01") { partial } }""");

        // assert
        response.Status.Should().Be(HttpStatusCode.OK, "the request was executed; the error is on a field");
        var error = response.SingleError();
        error.Code().Should().Be("INVALID_ARGUMENT");
        error.Extension("argument").Should().Be("from");
        error.Str("message").Should().Contain("from").And.Contain("to").And.Contain("2024-01-01").And.Contain("2023-01-01");
    }

    [Fact]
    public async Task The_same_day_twice_changes_nothing()
    {
        // act
        var response = await Client.PostGraphQLAsync("""{ changes(entity: "acme-ai", from: "2024-01-01", to: "2024-01-01") { entered { entities { stage } relationships { id } regulations { id } } left { entities { stage } relationships { id } regulations { id } } } }""");

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        foreach (var side in new[] { "entered", "left" })
        {
            var changes = response.Data.GetProperty("changes").GetProperty(side);
            changes.Items("entities").Should().BeEmpty();
            changes.Items("relationships").Should().BeEmpty();
            changes.Items("regulations").Should().BeEmpty();
        }
    }

    private static List<string> Members(JsonElement chain) =>
        [.. chain.Items("stages").SelectMany(stage => stage.Ids("entities").Select(id => $"{stage.Str("stage")}/{id}"))];

    private static List<string> Members(JsonElement side, string property) =>
        [.. side.Items(property).Select(member => $"{member.Str("stage")}/{member.GetProperty("entity").Str("id")}")];

    private static List<string> Regulations(JsonElement controls) =>
        [.. controls.Items("hits").Select(hit => hit.GetProperty("regulation").Str("id"))];
}
