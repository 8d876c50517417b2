using FluentAssertions;
using SupplyGraph.Domain.Vocabulary;
using ModelEntity = SupplyGraph.Domain.Vocabulary.Model;
using T = SupplyGraph.Generator.SyntheticTier;

namespace SupplyGraph.Generator.Tests;

public sealed class ShapeTests
{
    private static readonly DateOnly First = new(2015, 1, 1);
    private static readonly DateOnly Last = new(2026, 12, 31);

    // The chain: which tiers each relationship type joins, upstream first.
    private static readonly (RelationshipType Type, SyntheticTier From, SyntheticTier To)[] Chain =
    [
        (RelationshipType.Supplies, T.RawMaterials, T.Foundry),
        (RelationshipType.Supplies, T.RawMaterials, T.Memory),
        (RelationshipType.Supplies, T.Equipment, T.Foundry),
        (RelationshipType.Supplies, T.Equipment, T.Memory),
        (RelationshipType.Supplies, T.Memory, T.Chip),
        (RelationshipType.Fabricates, T.Foundry, T.Chip),
        (RelationshipType.Designs, T.ChipDesigner, T.Chip),
        (RelationshipType.Operates, T.CloudProvider, T.Chip),
        (RelationshipType.Operates, T.AiLab, T.Chip),
        (RelationshipType.Hosts, T.CloudProvider, T.AiLab),
        (RelationshipType.Hosts, T.CloudProvider, T.Model),
        (RelationshipType.Develops, T.AiLab, T.Model),
        (RelationshipType.TrainedOn, T.Model, T.Chip),
        (RelationshipType.AvailableOn, T.Model, T.DeploymentPlatform),
        (RelationshipType.AvailableOn, T.Model, T.CloudProvider),
        (RelationshipType.BackedBy, T.AiLab, T.Investor),
        (RelationshipType.BackedBy, T.ChipDesigner, T.Investor),
        (RelationshipType.RestrictedBy, T.Chip, T.Regulation),
        (RelationshipType.RestrictedBy, T.Equipment, T.Regulation),
        (RelationshipType.RestrictedBy, T.Foundry, T.Regulation),
        (RelationshipType.RestrictedBy, T.Memory, T.Regulation),
        (RelationshipType.RestrictedBy, T.ChipDesigner, T.Regulation),
        (RelationshipType.RestrictedBy, T.CloudProvider, T.Regulation),
        (RelationshipType.RestrictedBy, T.AiLab, T.Regulation),
        (RelationshipType.IssuedBy, T.Regulation, T.Regulator),
    ];

    [Fact]
    public void Every_tier_is_present_with_its_count_as_the_right_kind_and_category()
    {
        // arrange
        var output = Generated.Small;

        // act
        var byTier = output.Dataset.Entities.GroupBy(entity => output.TierOf(entity.Id)).ToDictionary(group => group.Key, group => group.ToList());

        // assert
        byTier.Keys.Should().BeEquivalentTo(SyntheticLayout.Tiers);
        foreach (var tier in SyntheticLayout.Tiers)
        {
            byTier[tier].Should().HaveCount(output.Layout.Count(tier)).And.HaveCount(output.Summary.EntitiesOf(tier));
            byTier[tier].Should().OnlyContain(entity => entity.Kind == SyntheticLayout.KindOf(tier), $"{tier} holds one kind");
            if (SyntheticLayout.CategoryOf(tier) is { } category)
            {
                byTier[tier].Cast<Actor>().Should().OnlyContain(actor => actor.Category == category);
            }
        }
    }

    [Fact]
    public void Models_chips_and_labs_are_the_big_tiers_and_foundries_equipment_and_regulators_the_small_ones()
    {
        // arrange
        var layout = new SyntheticLayout(GeneratorOptions.M);

        // act
        var bySize = SyntheticLayout.Tiers.OrderByDescending(layout.Count).ToList();

        // assert
        bySize.Take(3).Should().Equal(T.Model, T.Chip, T.AiLab);
        layout.Count(T.Foundry).Should().BeLessThan(layout.Count(T.ChipDesigner)).And.BeLessThan(layout.Count(T.Chip) / 20);
        layout.Count(T.Equipment).Should().BeLessThan(layout.Count(T.Chip) / 10);
        bySize[^1].Should().Be(T.Regulator, "a few regulators issue the rules");
        SyntheticLayout.Tiers.Sum(SyntheticLayout.Share).Should().BeApproximately(1.0, 1e-9);
    }

    [Fact]
    public void Every_relationship_joins_kinds_its_type_allows_along_the_chain()
    {
        // arrange
        var output = Generated.Small;
        var kinds = output.Dataset.Entities.ToDictionary(entity => entity.Id, entity => entity.Kind);

        // act
        var joined = output.Dataset.Relationships.Select(r => (r.Type, output.TierOf(r.From), output.TierOf(r.To))).Distinct().ToList();

        // assert
        output.Dataset.Relationships.Should().OnlyContain(r =>
            RelationshipTypes.Info(r.Type).FromKinds.Contains(kinds[r.From]) && RelationshipTypes.Info(r.Type).ToKinds.Contains(kinds[r.To]));
        joined.Should().BeSubsetOf(Chain);
        joined.Select(j => j.Type).Distinct().Should().BeEquivalentTo(Chain.Select(c => c.Type).Distinct(), "every rule of the chain produces relationships");
    }

    [Fact]
    public void A_few_hubs_fabricate_and_design_most_chips()
    {
        // A uniform pick would give the top 1% of foundries (or designers) about 1% of the relationships (2% for
        // the single top foundry of fifty); the generator's weights give the top 1% well over a third.
        var output = Generated.Small;

        // act
        var foundries = TopShare(output, RelationshipType.Fabricates, T.Foundry);
        var designers = TopShare(output, RelationshipType.Designs, T.ChipDesigner);

        // assert
        foundries.Share.Should().BeGreaterThan(0.25, $"the top {foundries.Top} of {output.Layout.Count(T.Foundry)} foundries dominate");
        designers.Share.Should().BeGreaterThan(0.25, $"the top {designers.Top} of {output.Layout.Count(T.ChipDesigner)} designers dominate");
        foundries.Busiest.Should().Be("syn-foundry-000000", "rank 0 is the tier's hub");
        designers.Busiest.Should().Be("syn-designer-000000");
        output.Dataset.Entities.Single(entity => entity.Id == "syn-foundry-000000").Tags.Should().Contain("hub");
    }

    [Fact]
    public void The_tail_is_long_but_no_entity_is_left_unconnected()
    {
        // arrange
        var output = Generated.Small;

        // act
        var degree = output.Dataset.Relationships.SelectMany(r => new[] { r.From, r.To }).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var chipsTrainedOn = output.OfType(RelationshipType.TrainedOn).GroupBy(r => r.To).Select(g => g.Count()).OrderDescending().ToList();

        // assert
        output.Dataset.Entities.Should().OnlyContain(entity => degree.ContainsKey(entity.Id), "every entity takes part in the chain");
        chipsTrainedOn[0].Should().BeGreaterThan(50 * chipsTrainedOn[chipsTrainedOn.Count / 2], "the most used chip is used far more than the median one");
    }

    [Fact]
    public void Chips_models_and_regulations_name_the_actors_their_relationships_name()
    {
        // arrange
        var output = Generated.Small;
        var entities = output.Dataset.Entities.ToDictionary(entity => entity.Id);

        // act
        var designs = output.OfType(RelationshipType.Designs).ToLookup(r => r.To, r => r.From);
        var fabricates = output.OfType(RelationshipType.Fabricates).ToLookup(r => r.To, r => r.From);
        var develops = output.OfType(RelationshipType.Develops).ToLookup(r => r.To, r => r.From);
        var issuedBy = output.OfType(RelationshipType.IssuedBy).ToLookup(r => r.From, r => r.To);

        // assert
        foreach (var chip in output.Dataset.Entities.OfType<Chip>())
        {
            designs[chip.Id].Should().Equal([chip.Designer!], "one designer per chip, as the chip says");
            fabricates[chip.Id].Should().BeEquivalentTo(chip.Foundries);
            chip.Process.Should().MatchRegex(@"^SYN-N\d+ \(\d+ nm class\)$");
        }

        foreach (var model in output.Dataset.Entities.OfType<ModelEntity>())
        {
            develops[model.Id].Should().Equal([model.Developer!], "one developer per model, as the model says");
            model.Parameters.Should().BePositive();
            model.ReleaseDate.Should().NotBeNull();
        }

        foreach (var regulation in output.Dataset.Entities.OfType<Regulation>())
        {
            issuedBy[regulation.Id].Should().Equal([regulation.Issuer]);
            regulation.Jurisdiction.Should().Be(entities[regulation.Issuer].Country);
        }
    }

    [Fact]
    public void Statuses_are_mostly_confirmed_with_some_reported_alleged_and_disputed()
    {
        // arrange
        var output = Generated.Small;
        var relationships = output.Dataset.Relationships;

        // act
        var shares = relationships.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => (double)g.Count() / relationships.Count);

        // assert
        shares[RelationshipStatus.Confirmed].Should().BeInRange(0.7, 0.95);
        shares[RelationshipStatus.Reported].Should().BeGreaterThan(0.03);
        shares[RelationshipStatus.Alleged].Should().BeGreaterThan(0.01);
        shares[RelationshipStatus.Disputed].Should().BeGreaterThan(0.005);
        relationships.Where(r => r.Type is RelationshipType.Designs or RelationshipType.Develops or RelationshipType.IssuedBy)
            .Should().OnlyContain(r => r.Status == RelationshipStatus.Confirmed, "owning a product and issuing a rule are matters of record");
    }

    [Fact]
    public void Validity_dates_fall_in_2015_to_2026_on_some_relationships_and_rules_have_effective_and_rescinded_dates()
    {
        // arrange
        var output = Generated.Small;
        var relationships = output.Dataset.Relationships;
        var regulations = output.Dataset.Entities.OfType<Regulation>().ToList();

        // act
        var dates = relationships.SelectMany(r => new[] { r.ValidFrom, r.ValidTo }).OfType<DateOnly>()
            .Concat(regulations.SelectMany(rule => new[] { rule.Announced, rule.Effective, rule.Rescinded }).OfType<DateOnly>())
            .ToList();

        // assert
        dates.Should().OnlyContain(date => date >= First && date <= Last);
        dates.Select(date => date.Year).Distinct().Should().HaveCountGreaterThan(10, "the dates spread over the years");
        relationships.Count(r => r.ValidFrom is not null).Should().BeInRange(relationships.Count / 5, relationships.Count * 4 / 5);
        relationships.Count(r => r.ValidTo is not null).Should().BeGreaterThan(relationships.Count / 100);
        regulations.Count(rule => rule.Rescinded is not null).Should().BeInRange(1, regulations.Count / 4);
        regulations.Should().OnlyContain(rule => rule.Announced <= rule.Effective && (rule.Rescinded == null || rule.Rescinded > rule.Effective));
    }

    [Fact]
    public void Rules_restrict_chips_and_actors_mostly_in_china_and_a_rescinded_rule_stops_restricting()
    {
        // arrange
        var output = Generated.Small;
        var entities = output.Dataset.Entities.ToDictionary(entity => entity.Id);
        var restrictions = output.OfType(RelationshipType.RestrictedBy).ToList();

        // act
        var restrictedActors = restrictions.Select(r => entities[r.From]).OfType<Actor>().DistinctBy(actor => actor.Id).ToList();
        var chineseShareRestricted = (double)restrictedActors.Count(actor => actor.Country == "CN") / restrictedActors.Count;
        var actors = output.Dataset.Entities.OfType<Actor>().ToList();
        var chineseShareOverall = (double)actors.Count(actor => actor.Country == "CN") / actors.Count;

        // assert
        restrictions.Should().Contain(r => entities[r.From] is Chip).And.Contain(r => entities[r.From] is Actor);
        chineseShareRestricted.Should().BeGreaterThan(2 * chineseShareOverall);
        foreach (var restriction in restrictions)
        {
            var rule = (Regulation)entities[restriction.To];
            restriction.ValidTo.Should().Be(rule.Rescinded?.AddDays(-1), "the restriction ends the day before the rule is rescinded");
            if (restriction.ValidFrom is { } from)
            {
                from.Should().BeOnOrAfter(rule.Effective);
            }
        }
    }

    private static (int Top, double Share, string Busiest) TopShare(Generated.Output output, RelationshipType type, SyntheticTier tier)
    {
        var degrees = output.OfType(type).GroupBy(r => r.From).Select(g => (Id: g.Key, Count: g.Count()))
            .OrderByDescending(pair => pair.Count).ThenBy(pair => pair.Id, StringComparer.Ordinal).ToList();
        var top = Math.Max(1, (int)Math.Ceiling(output.Layout.Count(tier) / 100.0));
        var total = degrees.Sum(pair => pair.Count);
        return (top, (double)degrees.Take(top).Sum(pair => pair.Count) / total, degrees[0].Id);
    }
}
