using System.Text.Json;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Generator;

/// <summary>The relationships of the synthetic chain, generated per entity, and the rule each cites as its source.</summary>
internal sealed partial class ChainWriter
{
    private static readonly JsonEncodedText DesignsRule = Locator("designer designs chip");
    private static readonly JsonEncodedText FabricatesRule = Locator("foundry fabricates chip");
    private static readonly JsonEncodedText MemoryRule = Locator("memory maker supplies chip");
    private static readonly JsonEncodedText RawRule = Locator("raw-materials supplier supplies fab");
    private static readonly JsonEncodedText EquipmentRule = Locator("equipment maker supplies fab");
    private static readonly JsonEncodedText CloudOperatesRule = Locator("cloud operates chip");
    private static readonly JsonEncodedText LabOperatesRule = Locator("lab operates chip");
    private static readonly JsonEncodedText HostsLabRule = Locator("cloud hosts lab");
    private static readonly JsonEncodedText HostsModelRule = Locator("cloud hosts model");
    private static readonly JsonEncodedText BackedRule = Locator("investor backs actor");
    private static readonly JsonEncodedText DevelopsRule = Locator("lab develops model");
    private static readonly JsonEncodedText TrainedRule = Locator("model trained on chip");
    private static readonly JsonEncodedText PlatformRule = Locator("model available on platform");
    private static readonly JsonEncodedText CloudServingRule = Locator("model available on cloud");
    private static readonly JsonEncodedText ChipRestrictedRule = Locator("regulation restricts chip");
    private static readonly JsonEncodedText ActorRestrictedRule = Locator("regulation restricts actor");
    private static readonly JsonEncodedText IssuedRule = Locator("regulator issues regulation");

    // ---- Relationships, generated per entity, upstream first ----

    private void WriteRelationships()
    {
        for (var i = 0; i < layout.Count(SyntheticTier.Equipment); i++)
        {
            RestrictActor(SyntheticTier.Equipment, i);
        }

        foreach (var fab in (ReadOnlySpan<SyntheticTier>)[SyntheticTier.Foundry, SyntheticTier.Memory])
        {
            for (var i = 0; i < layout.Count(fab); i++)
            {
                WriteFabInputs(fab, i);
                RestrictActor(fab, i);
            }
        }

        for (var i = 0; i < layout.Count(SyntheticTier.ChipDesigner); i++)
        {
            var rng = Rng.For(seed, SyntheticTier.ChipDesigner, i, Purpose.Relationships);
            if (rng.Chance(50))
            {
                WriteBackers(ref rng, SyntheticTier.ChipDesigner, i, rng.Between(1, 2));
            }

            RestrictActor(SyntheticTier.ChipDesigner, i);
        }

        for (var i = 0; i < layout.Count(SyntheticTier.Chip); i++)
        {
            WriteChipRelationships(i);
        }

        var fleetScale = Math.Clamp(layout.Count(SyntheticTier.Chip) / 20, 1, 400);
        for (var i = 0; i < layout.Count(SyntheticTier.CloudProvider); i++)
        {
            // Big clouds (low ranks) run many kinds of accelerator; the tail runs a handful.
            var rng = Rng.For(seed, SyntheticTier.CloudProvider, i, Purpose.Relationships);
            WriteFleet(ref rng, SyntheticTier.CloudProvider, i, rng.Between(3, 7) + (fleetScale / (i + 1)), CloudOperatesRule);
            RestrictActor(SyntheticTier.CloudProvider, i);
        }

        for (var i = 0; i < layout.Count(SyntheticTier.AiLab); i++)
        {
            WriteLabRelationships(i);
        }

        for (var i = 0; i < layout.Count(SyntheticTier.Model); i++)
        {
            WriteModelRelationships(i);
        }

        for (var i = 0; i < layout.Count(SyntheticTier.Regulation); i++)
        {
            WriteRelationship(RelationshipType.IssuedBy, SyntheticTier.Regulation, i, SyntheticTier.Regulator, IssuerOf(i), RelationshipStatus.Confirmed, None, None, IssuedRule);
        }
    }

    /// <summary>Raw materials and equipment SUPPLIES a foundry or memory maker.</summary>
    private void WriteFabInputs(SyntheticTier fab, int index)
    {
        // Foundries and memory makers together cover the raw-materials suppliers and the equipment makers.
        var rng = Rng.For(seed, fab, index, Purpose.Relationships);
        var fabs = layout.Count(SyntheticTier.Foundry) + layout.Count(SyntheticTier.Memory);
        var fabIndex = fab == SyntheticTier.Foundry ? index : layout.Count(SyntheticTier.Foundry) + index;
        var count = Picker(SyntheticTier.RawMaterials).PickDistinct(ref rng, rng.Between(2, 5), picks, fabIndex, fabs);
        for (var k = 0; k < count; k++)
        {
            var (from, to) = Window(ref rng, rng.Below(LastDay - 365), 30, 10);
            WriteRelationship(RelationshipType.Supplies, SyntheticTier.RawMaterials, picks[k], fab, index, Status(ref rng, Usual), from, to, RawRule);
        }

        count = Picker(SyntheticTier.Equipment).PickDistinct(ref rng, rng.Between(2, 6), picks, fabIndex, fabs);
        for (var k = 0; k < count; k++)
        {
            var (from, to) = Window(ref rng, rng.Below(LastDay - 365), 30, 10);
            WriteRelationship(RelationshipType.Supplies, SyntheticTier.Equipment, picks[k], fab, index, Status(ref rng, Usual), from, to, EquipmentRule);
        }
    }

    private void WriteChipRelationships(int chip)
    {
        var rng = Rng.For(seed, SyntheticTier.Chip, chip, Purpose.Relationships);
        var launch = LaunchDayOf(chip);

        var designedFrom = rng.Chance(50) ? Math.Max(0, launch - rng.Between(180, 720)) : None;
        WriteRelationship(RelationshipType.Designs, SyntheticTier.ChipDesigner, DesignerOf(chip), SyntheticTier.Chip, chip, RelationshipStatus.Confirmed, designedFrom, None, DesignsRule);

        var count = FoundriesOf(chip, picks);
        for (var k = 0; k < count; k++)
        {
            var (from, to) = Window(ref rng, launch - rng.Below(120), 70, 5);
            WriteRelationship(RelationshipType.Fabricates, SyntheticTier.Foundry, picks[k], SyntheticTier.Chip, chip, Status(ref rng, Fabrication), from, to, FabricatesRule);
        }

        var memory = Picker(SyntheticTier.Memory);
        var chips = layout.Count(SyntheticTier.Chip);
        if (rng.Chance(60) || memory.ForcedCount(chip, chips) > 0)
        {
            count = memory.PickDistinct(ref rng, rng.Chance(25) ? 2 : 1, picks, chip, chips);
            for (var k = 0; k < count; k++)
            {
                var (from, to) = Window(ref rng, launch - rng.Below(90), 30, 10);
                WriteRelationship(RelationshipType.Supplies, SyntheticTier.Memory, picks[k], SyntheticTier.Chip, chip, Status(ref rng, Usual), from, to, MemoryRule);
            }
        }

        if (rng.Chance(8))
        {
            WriteRestrictions(ref rng, SyntheticTier.Chip, chip, ChipRestrictedRule);
        }
    }

    private void WriteLabRelationships(int lab)
    {
        var rng = Rng.For(seed, SyntheticTier.AiLab, lab, Purpose.Relationships);
        var count = Picker(SyntheticTier.CloudProvider).PickDistinct(ref rng, rng.Between(1, 3), picks);
        for (var k = 0; k < count; k++)
        {
            var (from, to) = Window(ref rng, rng.Below(LastDay - 365), 50, 10);
            WriteRelationship(RelationshipType.Hosts, SyntheticTier.CloudProvider, picks[k], SyntheticTier.AiLab, lab, Status(ref rng, Usual), from, to, HostsLabRule);
        }

        if (rng.Chance(40))
        {
            WriteFleet(ref rng, SyntheticTier.AiLab, lab, rng.Between(1, 4), LabOperatesRule);
        }

        // Labs cover the investors: none is left without a lab to back.
        var labs = layout.Count(SyntheticTier.AiLab);
        if (rng.Chance(75) || Picker(SyntheticTier.Investor).ForcedCount(lab, labs) > 0)
        {
            WriteBackers(ref rng, SyntheticTier.AiLab, lab, rng.Between(1, 3), lab, labs);
        }

        RestrictActor(SyntheticTier.AiLab, lab);
    }

    private void WriteModelRelationships(int model)
    {
        var rng = Rng.For(seed, SyntheticTier.Model, model, Purpose.Relationships);
        var release = ReleaseDayOf(model);

        var developedFrom = rng.Chance(50) ? Math.Max(0, release - rng.Between(90, 540)) : None;
        WriteRelationship(RelationshipType.Develops, SyntheticTier.AiLab, DeveloperOf(model), SyntheticTier.Model, model, RelationshipStatus.Confirmed, developedFrom, None, DevelopsRule);

        var roll = rng.Below(100);
        var count = Picker(SyntheticTier.Chip).PickDistinct(ref rng, roll < 45 ? 1 : roll < 80 ? 2 : 3, picks);
        for (var k = 0; k < count; k++)
        {
            var note = rng.Chance(15) ? Note(128 << rng.Below(8), " accelerators"u8) : default;
            WriteRelationship(RelationshipType.TrainedOn, SyntheticTier.Model, model, SyntheticTier.Chip, picks[k], Status(ref rng, Training), None, None, TrainedRule, note);
        }

        var slots = rng.Between(1, 4);
        var onPlatforms = 0;
        for (var slot = 0; slot < slots; slot++)
        {
            onPlatforms += rng.Chance(75) ? 1 : 0;
        }

        // Models cover the platforms: every platform serves at least one model.
        var platforms = Picker(SyntheticTier.DeploymentPlatform);
        var models = layout.Count(SyntheticTier.Model);
        count = platforms.PickDistinct(ref rng, onPlatforms, picks, model, models);
        var onClouds = Math.Max(0, slots - count);
        for (var k = 0; k < count; k++)
        {
            var (from, to) = Window(ref rng, release + rng.Below(60), 70, 10);
            WriteRelationship(RelationshipType.AvailableOn, SyntheticTier.Model, model, SyntheticTier.DeploymentPlatform, picks[k], Status(ref rng, Usual), from, to, PlatformRule);
        }

        count = Picker(SyntheticTier.CloudProvider).PickDistinct(ref rng, onClouds, picks);
        for (var k = 0; k < count; k++)
        {
            var (from, to) = Window(ref rng, release + rng.Below(60), 70, 10);
            WriteRelationship(RelationshipType.AvailableOn, SyntheticTier.Model, model, SyntheticTier.CloudProvider, picks[k], Status(ref rng, Usual), from, to, CloudServingRule);
        }

        if (rng.Chance(15))
        {
            var cloud = Picker(SyntheticTier.CloudProvider).Pick(ref rng);
            WriteRelationship(RelationshipType.Hosts, SyntheticTier.CloudProvider, cloud, SyntheticTier.Model, model, Status(ref rng, Usual), None, None, HostsModelRule);
        }
    }

    /// <summary>OPERATES: the operator runs a fleet of each of <paramref name="wanted"/> distinct chips.</summary>
    private void WriteFleet(ref Rng rng, SyntheticTier operatorTier, int index, int wanted, JsonEncodedText rule)
    {
        var count = Picker(SyntheticTier.Chip).PickDistinct(ref rng, wanted, picks);
        for (var k = 0; k < count; k++)
        {
            var (from, to) = Window(ref rng, LaunchDayOf(picks[k]) + rng.Between(30, 400), 60, 15);
            var note = rng.Chance(30) ? Note(8 << rng.Below(12), " units"u8) : default;
            WriteRelationship(RelationshipType.Operates, operatorTier, index, SyntheticTier.Chip, picks[k], Status(ref rng, Usual), from, to, rule, note);
        }
    }

    private void WriteBackers(ref Rng rng, SyntheticTier tier, int index, int wanted, int sourceIndex = -1, int sourceCount = 0)
    {
        var count = Picker(SyntheticTier.Investor).PickDistinct(ref rng, wanted, picks, sourceIndex, sourceCount);
        for (var k = 0; k < count; k++)
        {
            var (from, to) = Window(ref rng, rng.Below(LastDay - 180), 40, 5);
            WriteRelationship(RelationshipType.BackedBy, tier, index, SyntheticTier.Investor, picks[k], Status(ref rng, Usual), from, to, BackedRule);
        }
    }

    /// <summary>Actors in China are restricted often (three in ten), others rarely (one in a hundred).</summary>
    private void RestrictActor(SyntheticTier tier, int index)
    {
        var rng = Rng.For(seed, tier, index, Purpose.Restriction);
        if (rng.Chance(CountryOf(tier, index) == CN ? 30 : 1))
        {
            WriteRestrictions(ref rng, tier, index, ActorRestrictedRule);
        }
    }

    /// <summary>RESTRICTED_BY one or two rules, dated by the rules: listed on or after effect, until rescinded.</summary>
    private void WriteRestrictions(ref Rng rng, SyntheticTier tier, int index, JsonEncodedText rule)
    {
        Span<int> rules = stackalloc int[2];
        var count = Picker(SyntheticTier.Regulation).PickDistinct(ref rng, rng.Chance(30) ? 2 : 1, rules);
        for (var k = 0; k < count; k++)
        {
            var (_, effective, rescinded) = RuleDatesOf(rules[k]);
            var to = rescinded == None ? None : rescinded - 1;
            var from = rng.Chance(30) ? Math.Min(effective + rng.Below(365), to == None ? LastDay : to) : None;
            WriteRelationship(RelationshipType.RestrictedBy, tier, index, SyntheticTier.Regulation, rules[k], Status(ref rng, Restriction), from, to, rule);
        }
    }

    private void WriteRelationship(
        RelationshipType type,
        SyntheticTier fromTier,
        int from,
        SyntheticTier toTier,
        int to,
        RelationshipStatus status,
        int validFrom,
        int validTo,
        JsonEncodedText rule,
        ReadOnlySpan<byte> note = default)
    {
        writer.WriteStartObject();
        writer.WriteString(TypeName, TypeTexts[(int)type]);
        WriteId(FromName, fromTier, from);
        WriteId(ToName, toTier, to);
        if (validFrom != None)
        {
            WriteDate(ValidFromName, validFrom);
        }

        if (validTo != None)
        {
            WriteDate(ValidToName, validTo);
        }

        writer.WriteString(StatusName, StatusTexts[(int)status]);
        if (!note.IsEmpty)
        {
            writer.WriteString(NoteName, note);
        }

        WriteSources(rule);
        writer.WriteEndObject();
        relationshipsByType[(int)type]++;
        FlushWhenFull();
    }
}
