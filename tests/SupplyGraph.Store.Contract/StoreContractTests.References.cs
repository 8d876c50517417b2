using FluentAssertions;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Contract;

/// <summary>References by citation and common name, and the ranking of search: both stores alike.</summary>
public abstract partial class StoreContractTests
{
    private const string October2022Rule = "us-bis-2022-10-advanced-computing";

    [Theory]
    [InlineData("88 FR 73458")]
    [InlineData("88 fr 73458")]
    [InlineData("  88 FR 73458  ")]
    [InlineData("88 F.R. 73458")]
    [InlineData("88 F. R. 73458")]
    [InlineData("88FR73458")]
    [InlineData("88 Fed. Reg. 73458")]
    public async Task A_Federal_Register_citation_resolves_to_its_rule_however_written(string reference)
    {
        // arrange
        var store = await StoreWith(Seed);

        // act
        var entity = await store.ResolveAsync(reference, Token);

        // assert
        entity.Id.Should().Be(October2023Rule);
    }

    [Fact]
    public async Task Every_seed_regulation_resolves_by_its_citation_in_any_case()
    {
        // arrange
        var store = await StoreWith(Seed);
        var regulations = Seed.Entities.OfType<Regulation>().ToList();

        // act
        var resolved = new List<string>();
        foreach (var regulation in regulations)
        {
            resolved.Add((await store.ResolveAsync(regulation.Citation.ToLowerInvariant(), Token)).Id);
        }

        // assert
        regulations.Should().HaveCountGreaterThan(5);
        resolved.Should().Equal(regulations.Select(regulation => regulation.Id));
    }

    [Fact]
    public async Task Every_seed_alias_resolves_in_any_case_as_the_reference_resolves_it()
    {
        // arrange
        var store = await StoreWith(Seed);
        var aliases = Seed.Entities.SelectMany(entity => entity.Aliases).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        // act
        var answers = new List<string>();
        foreach (var alias in aliases)
        {
            answers.Add($"{alias}: {await AnswerAsync(store, alias.ToUpperInvariant())} / {await AnswerAsync(store, $" {alias.ToLowerInvariant()} ")}");
        }

        // assert
        answers.Should().Equal(aliases.Select(alias => $"{alias}: {ReferenceAnswer(alias)} / {ReferenceAnswer(alias)}"));
        answers.Should().NotContain(answer => answer.Contains("not found", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("October 7 rule", October2022Rule)]
    [InlineData("OCTOBER 7 IFR", October2022Rule)]
    [InlineData("october 17 rule", October2023Rule)]
    [InlineData("ai diffusion rule", "us-bis-2025-01-ai-diffusion")]
    [InlineData("Huawei Entity List rule", "us-bis-2019-05-huawei-entity-list")]
    public async Task A_rule_resolves_by_its_common_name_in_any_case(string reference, string expected)
    {
        var store = await StoreWith(Seed);

        var entity = await store.ResolveAsync(reference, Token);

        entity.Id.Should().Be(expected);
    }

    [Theory]
    [InlineData("89 FR 96790")]
    [InlineData("89fr96790")]
    public async Task A_Federal_Register_citation_inside_a_longer_citation_resolves(string reference)
    {
        // arrange: the citation names the notice that published the rule among other things
        var store = await StoreWith(new DatasetBuilder("cited")
            .CitedRegulation("hbm-rule", "Foreign Direct Product rule additions, 89 FR 96790 (December 5, 2024); corrected at 90 FR 1234")
            .CitedRegulation("other-rule", "90 FR 4544")
            .Build());

        // act
        var entity = await store.ResolveAsync(reference, Token);

        // assert
        entity.Id.Should().Be("hbm-rule");
        (await store.ResolveAsync("90 F.R. 1234", Token)).Id.Should().Be("hbm-rule");
    }

    [Fact]
    public async Task A_citation_two_rules_share_is_ambiguous_with_both_as_candidates()
    {
        // arrange: rules published together in one notice
        var store = await StoreWith(new DatasetBuilder("together")
            .CitedRegulation("fdp-rule", "89 FR 96790")
            .CitedRegulation("entity-list-additions", "Entity List additions published with the FDP rule, 89 FR 96790")
            .CitedRegulation("unrelated-rule", "90 FR 4544")
            .Build());

        // act
        var act = () => store.ResolveAsync("89 f.r. 96790", Token);

        // assert
        (await act.Should().ThrowAsync<AmbiguousReferenceException>()).Which.CandidateIds.Should().Equal("entity-list-additions", "fdp-rule");
    }

    [Theory]
    [InlineData("90 fr 4544")]
    [InlineData("90fr4544")]
    public async Task A_name_outranks_a_citation(string reference)
    {
        var store = await StoreWith(new DatasetBuilder("named")
            .CitedRegulation("cited-rule", "90 FR 4544")
            .CitedRegulation("named-rule", "another notice", "90 FR 4544")
            .Build());

        (await store.ResolveAsync(reference, Token)).Id.Should().Be("named-rule");
    }

    [Fact]
    public async Task A_citation_nobody_has_is_not_found_and_a_misspelt_common_name_gets_suggestions()
    {
        // arrange
        var store = await StoreWith(Seed);

        // act
        var unknownCitation = () => store.ResolveAsync("88 FR 99999", Token);
        var misspelt = () => store.ResolveAsync("Octobr 7 rule", Token);

        // assert
        await unknownCitation.Should().ThrowAsync<EntityNotFoundException>();
        (await misspelt.Should().ThrowAsync<EntityNotFoundException>()).Which.Suggestions
            .Should().Contain(Seed.Entities.Single(entity => entity.Id == October2022Rule).Name);
    }

    [Theory]
    [InlineData("88 FR 73458")]
    [InlineData("88fr73458")]
    public async Task Search_ranks_an_exact_citation_first_among_many_entities_that_contain_it(string text)
    {
        // arrange: names that contain the citation, longer ones and shorter ones, sort before the rule by name
        var builder = new DatasetBuilder("crowded");
        for (var i = 0; i < 30; i++)
        {
            builder.Actor($"commenter-{i:D2}", ActorCategory.Equipment, $"88 FR 73458{i:D2}");
            builder.Actor($"critic-{i:D2}", ActorCategory.Equipment, $"A comment on 88 FR 73458 no {i:D2}");
        }

        var store = await StoreWith(builder.CitedRegulation("zz-the-rule", "88 FR 73458", "Zz advanced computing rule with a long name").Build());

        // act
        var found = await store.SearchAsync(SearchQuestion.Create(text, first: 5), Token);

        // assert
        found.Select(entity => entity.Id).Should().HaveCount(5).And.StartWith("zz-the-rule");
    }

    [Fact]
    public async Task Search_ranks_an_exact_alias_first_and_finds_a_citation_inside_a_longer_one()
    {
        // arrange
        var builder = new DatasetBuilder("aliases");
        for (var i = 0; i < 30; i++)
        {
            builder.Actor($"firm-{i:D2}", ActorCategory.Equipment, $"October 17 rule{i:D2}");
        }

        var store = await StoreWith(builder
            .CitedRegulation("zz-the-rule", "88 FR 73458", "Zz advanced computing rule with a long name", "October 17 rule")
            .CitedRegulation("zz-long-cited", "notice to the firms of 2025-04-09, disclosed in a Form 8-K")
            .Build());

        // act
        var byAlias = await store.SearchAsync(SearchQuestion.Create("october 17 RULE", first: 3), Token);
        var byCitationText = await store.SearchAsync(SearchQuestion.Create("form 8-k"), Token);

        // assert
        byAlias.Select(entity => entity.Id).Should().HaveCount(3).And.StartWith("zz-the-rule");
        byCitationText.Select(entity => entity.Id).Should().Equal("zz-long-cited");
    }

    [Fact]
    public async Task Search_on_the_seed_finds_rules_by_citation_as_the_reference_does()
    {
        var store = await StoreWith(Seed);

        foreach (var text in new[] { "88 FR", "88 fr 734", "FR 4544", "Form 8-K", "15 CFR 744.21", "october" })
        {
            var found = await store.SearchAsync(SearchQuestion.Create(text), Token);

            found.Select(entity => entity.Id).Should().Equal(Reference.Search(SearchQuestion.Create(text)).Select(entity => entity.Id), text)
                .And.NotBeEmpty(text);
        }
    }

    private static async Task<string> AnswerAsync(ISupplyGraphStore store, string reference)
    {
        try
        {
            return (await store.ResolveAsync(reference, Token)).Id;
        }
        catch (AmbiguousReferenceException exception)
        {
            return $"ambiguous {string.Join(",", exception.CandidateIds)}";
        }
        catch (EntityNotFoundException)
        {
            return "not found";
        }
    }

    private static string ReferenceAnswer(string reference)
    {
        try
        {
            return Reference.Resolve(reference).Id;
        }
        catch (AmbiguousReferenceException exception)
        {
            return $"ambiguous {string.Join(",", exception.CandidateIds)}";
        }
        catch (EntityNotFoundException)
        {
            return "not found";
        }
    }
}
