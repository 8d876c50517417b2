using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Formats.Rules;

namespace SupplyGraph.Generator;

/// <summary>
/// One generator run. Every fact about an entity is a pure function of (seed, tier, index): a chip's designer and
/// foundries are drawn when the chip is written and drawn again, identically, when DESIGNS and FABRICATES are
/// written. Relationships are generated per entity (a chip's incoming DESIGNS, FABRICATES and SUPPLIES; a lab's
/// HOSTS, OPERATES and BACKED_BY; ...), picking distinct counterparts for each rule, so no (from, type, to) repeats.
/// </summary>
internal sealed class ChainWriter : IDisposable
{
    private const int FlushThreshold = 128 * 1024;
    private const int CN = 1;
    private const int None = -1;

    private static readonly DateOnly Epoch = new(2015, 1, 1);
    private static readonly int LastDay = new DateOnly(2026, 12, 31).DayNumber - Epoch.DayNumber;

    private static readonly JsonEncodedText FormatName = FieldNames.Json(FieldId.Format);
    private static readonly JsonEncodedText VersionName = FieldNames.Json(FieldId.Version);
    private static readonly JsonEncodedText NameName = FieldNames.Json(FieldId.Name);
    private static readonly JsonEncodedText DescriptionName = FieldNames.Json(FieldId.Description);
    private static readonly JsonEncodedText EntitiesName = FieldNames.Json(FieldId.Entities);
    private static readonly JsonEncodedText RelationshipsName = FieldNames.Json(FieldId.Relationships);
    private static readonly JsonEncodedText IdName = FieldNames.Json(FieldId.Id);
    private static readonly JsonEncodedText KindName = FieldNames.Json(FieldId.Kind);
    private static readonly JsonEncodedText CountryName = FieldNames.Json(FieldId.Country);
    private static readonly JsonEncodedText TagsName = FieldNames.Json(FieldId.Tags);
    private static readonly JsonEncodedText CategoryName = FieldNames.Json(FieldId.Category);
    private static readonly JsonEncodedText DesignerName = FieldNames.Json(FieldId.Designer);
    private static readonly JsonEncodedText FoundriesName = FieldNames.Json(FieldId.Foundries);
    private static readonly JsonEncodedText ProcessName = FieldNames.Json(FieldId.Process);
    private static readonly JsonEncodedText DeveloperName = FieldNames.Json(FieldId.Developer);
    private static readonly JsonEncodedText ReleaseDateName = FieldNames.Json(FieldId.ReleaseDate);
    private static readonly JsonEncodedText ParametersName = FieldNames.Json(FieldId.Parameters);
    private static readonly JsonEncodedText ActiveParametersName = FieldNames.Json(FieldId.ActiveParameters);
    private static readonly JsonEncodedText IssuerName = FieldNames.Json(FieldId.Issuer);
    private static readonly JsonEncodedText JurisdictionName = FieldNames.Json(FieldId.Jurisdiction);
    private static readonly JsonEncodedText AnnouncedName = FieldNames.Json(FieldId.Announced);
    private static readonly JsonEncodedText EffectiveName = FieldNames.Json(FieldId.Effective);
    private static readonly JsonEncodedText RescindedName = FieldNames.Json(FieldId.Rescinded);
    private static readonly JsonEncodedText CitationName = FieldNames.Json(FieldId.Citation);
    private static readonly JsonEncodedText SummaryName = FieldNames.Json(FieldId.Summary);
    private static readonly JsonEncodedText TypeName = FieldNames.Json(FieldId.Type);
    private static readonly JsonEncodedText FromName = FieldNames.Json(FieldId.From);
    private static readonly JsonEncodedText ToName = FieldNames.Json(FieldId.To);
    private static readonly JsonEncodedText ValidFromName = FieldNames.Json(FieldId.ValidFrom);
    private static readonly JsonEncodedText ValidToName = FieldNames.Json(FieldId.ValidTo);
    private static readonly JsonEncodedText StatusName = FieldNames.Json(FieldId.Status);
    private static readonly JsonEncodedText NoteName = FieldNames.Json(FieldId.Note);
    private static readonly JsonEncodedText SourcesName = FieldNames.Json(FieldId.Sources);
    private static readonly JsonEncodedText DocumentName = FieldNames.Json(FieldId.Document);
    private static readonly JsonEncodedText LocatorName = FieldNames.Json(FieldId.Locator);

    private static readonly JsonEncodedText SyntheticTag = JsonEncodedText.Encode("synthetic");
    private static readonly JsonEncodedText HubTag = JsonEncodedText.Encode("hub");
    private static readonly JsonEncodedText RuleSummary = JsonEncodedText.Encode(
        "Synthetic export-control rule restricting the chips and actors linked to it by RESTRICTED_BY; generated, not real.");

    private static readonly JsonEncodedText[] KindTexts =
        [.. Enum.GetValues<EntityKind>().Select(kind => JsonEncodedText.Encode(WireNames.ToWire(kind)))];

    private static readonly JsonEncodedText[] CategoryTexts =
        [.. Enum.GetValues<ActorCategory>().Select(category => JsonEncodedText.Encode(WireNames.ToWire(category)))];

    private static readonly JsonEncodedText[] TypeTexts =
        [.. Enum.GetValues<RelationshipType>().Select(type => JsonEncodedText.Encode(type.Name()))];

    private static readonly JsonEncodedText[] StatusTexts =
        [.. Enum.GetValues<RelationshipStatus>().Select(status => JsonEncodedText.Encode(WireNames.ToWire(status)))];

    private static readonly JsonEncodedText[] EntityLocators =
    [
        .. Enum.GetValues<SyntheticTier>().Select(tier => JsonEncodedText.Encode($"generator rule: {TierWords(tier)} tier")),
    ];

    // Countries: the hub of each tier takes the first of its table (Taiwan's foundry, the Netherlands' lithography).
    private static readonly string[] CountryCodes = ["US", "CN", "TW", "KR", "JP", "NL", "DE", "GB", "FR", "IL", "CA", "AE", "SG", "SA", "AU", "IN"];
    private static readonly JsonEncodedText[] CountryTexts = [.. CountryCodes.Select(code => JsonEncodedText.Encode(code))];
    private static readonly int[] RegulatorCountries = [Country("US"), Country("CN"), Country("NL"), Country("JP"), Country("KR"), Country("TW"), Country("DE"), Country("GB"), Country("FR"), Country("IN")];
    private static readonly (int Country, int Weight)[]?[] CountryTables = BuildCountryTables();

    // Process nodes, oldest first; a chip's node follows its launch year, a third lag one or two nodes behind.
    private static readonly int[] Nodes = [28, 16, 12, 10, 7, 5, 4, 3, 2];
    private static readonly int[] LeadingNodeByYear = [1, 1, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8]; // 2015 .. 2026
    private static readonly JsonEncodedText[] ProcessTexts =
        [.. Nodes.Select(nm => JsonEncodedText.Encode($"SYN-N{nm} ({nm} nm class)"))];

    // Model sizes in millions of parameters, with weights: many small models, a few frontier ones.
    private static readonly long[] ModelSizes = [125, 350, 1_300, 3_000, 7_000, 13_000, 34_000, 70_000, 180_000, 405_000, 671_000, 1_800_000];
    private static readonly int[] ModelSizeWeights = [10, 10, 12, 10, 14, 10, 8, 10, 6, 4, 3, 3];

    // Exponents (in quarters) of the Zipf-like weights of each tier as a counterpart: 6 = 1.5, steep (one dominant
    // foundry); 3 = 0.75, flat (many investors). Models are never picked as counterparts.
    private static readonly int[] ExponentQuarters =
    [
        3, // RawMaterials
        5, // Equipment
        6, // Foundry
        5, // Memory
        5, // ChipDesigner
        4, // Chip
        5, // CloudProvider
        3, // AiLab (as developer of models)
        -1, // Model
        4, // DeploymentPlatform
        3, // Investor
        6, // Regulator
        4, // Regulation
    ];

    // Status mixes: cumulative percentages of CONFIRMED, REPORTED, ALLEGED; the rest is DISPUTED.
    private static readonly int[] Usual = [85, 95, 98];
    private static readonly int[] Fabrication = [80, 92, 97];
    private static readonly int[] Training = [60, 80, 95];
    private static readonly int[] Restriction = [95, 100, 100];

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

    private readonly Utf8JsonWriter writer;
    private readonly GeneratorOptions options;
    private readonly SyntheticLayout layout;
    private readonly int seed;
    private readonly JsonEncodedText document;
    private readonly WeightedPicker?[] pickers;
    private readonly int[] picks = new int[1024];
    private readonly byte[] noteBuffer = new byte[64];
    private readonly int[] entitiesByTier = new int[SyntheticLayout.Tiers.Count];
    private readonly long[] relationshipsByType = new long[Enum.GetValues<RelationshipType>().Length];

    private readonly CancellationToken cancellationToken;

    public ChainWriter(Stream output, GeneratorOptions options, CancellationToken cancellationToken = default)
    {
        this.options = options;
        this.cancellationToken = cancellationToken;
        layout = SyntheticLayout.For(options);
        seed = options.Seed;
        document = JsonEncodedText.Encode(options.SourceDocument);
        pickers = [.. SyntheticLayout.Tiers.Select(tier =>
            ExponentQuarters[(int)tier] < 0 ? null : new WeightedPicker(layout.Count(tier), ExponentQuarters[(int)tier]))];
        writer = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = options.Indented,
            NewLine = "\n",
        });
    }

    public GeneratorSummary Run()
    {
        writer.WriteStartObject();
        writer.WriteString(FormatName, DatasetReader.FormatName);
        writer.WriteNumber(VersionName, DatasetReader.FormatVersion);
        writer.WriteString(NameName, options.DatasetName);
        writer.WriteString(
            DescriptionName,
            $"Synthetic supply chain from SupplyGraph.Generator: {options.Entities.ToString("N0", CultureInfo.InvariantCulture)} entities, "
            + $"seed {options.Seed.ToString(CultureInfo.InvariantCulture)}. Made up for scale tests: no entity or relationship in it is real.");

        writer.WriteStartArray(EntitiesName);
        foreach (var tier in SyntheticLayout.Tiers)
        {
            for (var index = 0; index < layout.Count(tier); index++)
            {
                WriteEntity(tier, index);
            }
        }

        writer.WriteEndArray();

        writer.WriteStartArray(RelationshipsName);
        WriteRelationships();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        return new GeneratorSummary(entitiesByTier, relationshipsByType, writer.BytesCommitted);
    }

    public void Dispose() => writer.Dispose();

    // ---- Facts recomputed wherever they are needed ----

    private WeightedPicker Picker(SyntheticTier tier) => pickers[(int)tier]!;

    private int CountryOf(SyntheticTier tier, int index)
    {
        if (tier == SyntheticTier.Regulator)
        {
            return RegulatorCountries[index % RegulatorCountries.Length];
        }

        var table = CountryTables[(int)tier]!;
        if (index == 0)
        {
            return table[0].Country;
        }

        var rng = Rng.For(seed, tier, index, Purpose.Attributes);
        var roll = rng.Below(100);
        foreach (var (country, weight) in table)
        {
            if (roll < weight)
            {
                return country;
            }

            roll -= weight;
        }

        return table[^1].Country;
    }

    private int DesignerOf(int chip)
    {
        var rng = Rng.For(seed, SyntheticTier.Chip, chip, Purpose.Designer);
        return Picker(SyntheticTier.ChipDesigner).PickCovering(ref rng, chip);
    }

    /// <summary>One foundry for most chips, two or three for some (dies from several fabs).</summary>
    private int FoundriesOf(int chip, Span<int> into)
    {
        var rng = Rng.For(seed, SyntheticTier.Chip, chip, Purpose.Foundries);
        var roll = rng.Below(100);
        var wanted = roll < 75 ? 1 : roll < 95 ? 2 : 3;
        return Picker(SyntheticTier.Foundry).PickDistinct(ref rng, wanted, into, chip, layout.Count(SyntheticTier.Chip));
    }

    private int LaunchDayOf(int chip)
    {
        var rng = Rng.For(seed, SyntheticTier.Chip, chip, Purpose.Launch);
        return rng.Below(LastDay - 180 + 1);
    }

    private int DeveloperOf(int model)
    {
        var rng = Rng.For(seed, SyntheticTier.Model, model, Purpose.Developer);
        return Picker(SyntheticTier.AiLab).PickCovering(ref rng, model);
    }

    private int ReleaseDayOf(int model)
    {
        var rng = Rng.For(seed, SyntheticTier.Model, model, Purpose.Release);
        const int From2018 = 3 * 365 + 1;
        return From2018 + rng.Below(LastDay - 30 - From2018 + 1);
    }

    private int IssuerOf(int regulation)
    {
        var rng = Rng.For(seed, SyntheticTier.Regulation, regulation, Purpose.Issuer);
        return Picker(SyntheticTier.Regulator).PickCovering(ref rng, regulation);
    }

    /// <summary>A rule's days: announced up to four months before it takes effect; one in eight rescinded later.</summary>
    private (int Announced, int Effective, int Rescinded) RuleDatesOf(int regulation)
    {
        var rng = Rng.For(seed, SyntheticTier.Regulation, regulation, Purpose.RuleDates);
        var effective = 120 + rng.Below(LastDay - 120 + 1);
        var announced = effective - rng.Below(121);
        var rescinded = rng.Chance(12) ? effective + rng.Between(180, 1460) : None;
        return (announced, effective, rescinded > LastDay ? None : rescinded);
    }

    // ---- Entities ----

    private void WriteEntity(SyntheticTier tier, int index)
    {
        writer.WriteStartObject();
        WriteId(IdName, tier, index);
        writer.WriteString(KindName, KindTexts[(int)SyntheticLayout.KindOf(tier)]);
        WriteName(tier, index);
        var category = SyntheticLayout.CategoryOf(tier);
        if (category is not null)
        {
            writer.WriteString(CountryName, CountryTexts[CountryOf(tier, index)]);
        }

        writer.WriteStartArray(TagsName);
        writer.WriteStringValue(SyntheticTag);
        if (pickers[(int)tier] is not null && index < layout.HubCount(tier))
        {
            writer.WriteStringValue(HubTag);
        }

        writer.WriteEndArray();
        switch (tier)
        {
            case SyntheticTier.Chip:
                WriteChipFields(index);
                break;
            case SyntheticTier.Model:
                WriteModelFields(index);
                break;
            case SyntheticTier.Regulation:
                WriteRegulationFields(index);
                break;
            default:
                writer.WriteString(CategoryName, CategoryTexts[(int)category!.Value]);
                break;
        }

        WriteSources(EntityLocators[(int)tier]);
        writer.WriteEndObject();
        entitiesByTier[(int)tier]++;
        FlushWhenFull();
    }

    private void WriteChipFields(int chip)
    {
        WriteId(DesignerName, SyntheticTier.ChipDesigner, DesignerOf(chip));
        writer.WriteStartArray(FoundriesName);
        var foundries = FoundriesOf(chip, picks);
        for (var i = 0; i < foundries; i++)
        {
            WriteIdValue(SyntheticTier.Foundry, picks[i]);
        }

        writer.WriteEndArray();
        var year = Epoch.AddDays(LaunchDayOf(chip)).Year;
        var node = LeadingNodeByYear[year - Epoch.Year];
        var rng = Rng.For(seed, SyntheticTier.Chip, chip, Purpose.Attributes);
        if (rng.Chance(35))
        {
            node = Math.Max(0, node - rng.Between(1, 2));
        }

        writer.WriteString(ProcessName, ProcessTexts[node]);
    }

    private void WriteModelFields(int model)
    {
        WriteId(DeveloperName, SyntheticTier.AiLab, DeveloperOf(model));
        WriteDate(ReleaseDateName, ReleaseDayOf(model));
        var rng = Rng.For(seed, SyntheticTier.Model, model, Purpose.Attributes);
        var size = 0;
        for (var roll = rng.Below(ModelSizeWeights.Sum()); roll >= ModelSizeWeights[size]; size++)
        {
            roll -= ModelSizeWeights[size];
        }

        var parameters = ModelSizes[size] * 1_000_000 * rng.Between(90, 110) / 100;
        writer.WriteNumber(ParametersName, parameters);
        if (ModelSizes[size] >= 34_000 && rng.Chance(35))
        {
            writer.WriteNumber(ActiveParametersName, parameters / rng.Between(4, 18));
        }
    }

    private void WriteRegulationFields(int regulation)
    {
        var issuer = IssuerOf(regulation);
        WriteId(IssuerName, SyntheticTier.Regulator, issuer);
        writer.WriteString(JurisdictionName, CountryTexts[CountryOf(SyntheticTier.Regulator, issuer)]);
        var (announced, effective, rescinded) = RuleDatesOf(regulation);
        WriteDate(AnnouncedName, announced);
        WriteDate(EffectiveName, effective);
        if (rescinded != None)
        {
            WriteDate(RescindedName, rescinded);
        }

        var year = Epoch.AddDays(effective).Year;
        writer.WriteString(
            CitationName,
            $"SYN-REG {year.ToString(CultureInfo.InvariantCulture)}-{regulation.ToString("D5", CultureInfo.InvariantCulture)}");
        writer.WriteString(SummaryName, RuleSummary);
    }

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

    // ---- Small helpers ----

    /// <summary>Sometimes a start (at <paramref name="start"/>, within 2015–2026), and sometimes an end after it.</summary>
    private static (int From, int To) Window(ref Rng rng, int start, int fromPercent, int toPercent)
    {
        if (!rng.Chance(fromPercent))
        {
            return (None, None);
        }

        var from = Math.Clamp(start, 0, LastDay);
        var to = rng.Chance(toPercent) ? Math.Min(LastDay, from + rng.Between(180, 1800)) : None;
        return (from, to);
    }

    private static RelationshipStatus Status(ref Rng rng, int[] mix)
    {
        var roll = rng.Below(100);
        return roll < mix[0] ? RelationshipStatus.Confirmed
            : roll < mix[1] ? RelationshipStatus.Reported
            : roll < mix[2] ? RelationshipStatus.Alleged
            : RelationshipStatus.Disputed;
    }

    /// <summary>"~4,096 units": the count with thousands separators and a unit, in the reusable note buffer.</summary>
    private ReadOnlySpan<byte> Note(int count, ReadOnlySpan<byte> unit)
    {
        noteBuffer[0] = (byte)'~';
        count.TryFormat(noteBuffer.AsSpan(1), out var written, "N0", CultureInfo.InvariantCulture);
        unit.CopyTo(noteBuffer.AsSpan(1 + written));
        return noteBuffer.AsSpan(0, 1 + written + unit.Length);
    }

    private void WriteSources(JsonEncodedText locator)
    {
        writer.WriteStartArray(SourcesName);
        writer.WriteStartObject();
        writer.WriteString(DocumentName, document);
        writer.WriteString(LocatorName, locator);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private void WriteId(JsonEncodedText property, SyntheticTier tier, int index)
    {
        Span<byte> buffer = stackalloc byte[48];
        writer.WriteString(property, buffer[..FormatId(buffer, tier, index)]);
    }

    private void WriteIdValue(SyntheticTier tier, int index)
    {
        Span<byte> buffer = stackalloc byte[48];
        writer.WriteStringValue(buffer[..FormatId(buffer, tier, index)]);
    }

    private int FormatId(Span<byte> buffer, SyntheticTier tier, int index)
    {
        var prefix = layout.IdPrefixUtf8[(int)tier];
        prefix.CopyTo(buffer);
        index.TryFormat(buffer[prefix.Length..], out var written, layout.IdFormat, CultureInfo.InvariantCulture);
        return prefix.Length + written;
    }

    private void WriteName(SyntheticTier tier, int index)
    {
        Span<byte> buffer = stackalloc byte[64];
        var prefix = layout.NamePrefixUtf8[(int)tier];
        prefix.CopyTo(buffer);
        index.TryFormat(buffer[prefix.Length..], out var written, default, CultureInfo.InvariantCulture);
        writer.WriteString(NameName, buffer[..(prefix.Length + written)]);
    }

    private void WriteDate(JsonEncodedText property, int day)
    {
        var date = Epoch.AddDays(day);
        Span<byte> buffer = stackalloc byte[10];
        Digits(buffer[..4], date.Year);
        buffer[4] = (byte)'-';
        Digits(buffer.Slice(5, 2), date.Month);
        buffer[7] = (byte)'-';
        Digits(buffer.Slice(8, 2), date.Day);
        writer.WriteString(property, buffer);
    }

    private static void Digits(Span<byte> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private void FlushWhenFull()
    {
        if (writer.BytesPending >= FlushThreshold)
        {
            writer.Flush();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static JsonEncodedText Locator(string rule) => JsonEncodedText.Encode($"generator rule: {rule}");

    private static int Country(string code) => Array.IndexOf(CountryCodes, code);

    private static string TierWords(SyntheticTier tier) => tier switch
    {
        SyntheticTier.RawMaterials => "raw-materials supplier",
        SyntheticTier.Equipment => "equipment maker",
        SyntheticTier.Foundry => "foundry",
        SyntheticTier.Memory => "memory maker",
        SyntheticTier.ChipDesigner => "chip designer",
        SyntheticTier.Chip => "chip",
        SyntheticTier.CloudProvider => "cloud provider",
        SyntheticTier.AiLab => "AI lab",
        SyntheticTier.Model => "model",
        SyntheticTier.DeploymentPlatform => "deployment platform",
        SyntheticTier.Investor => "investor",
        SyntheticTier.Regulator => "regulator",
        _ => "regulation",
    };

    private static (int Country, int Weight)[]?[] BuildCountryTables()
    {
        static (int, int)[] Table(params (string Code, int Weight)[] entries) => [.. entries.Select(entry => (Country(entry.Code), entry.Weight))];

        var tables = new (int Country, int Weight)[]?[SyntheticLayout.Tiers.Count];
        tables[(int)SyntheticTier.RawMaterials] = Table(("CN", 40), ("US", 15), ("JP", 15), ("DE", 10), ("KR", 10), ("AU", 10));
        tables[(int)SyntheticTier.Equipment] = Table(("NL", 20), ("US", 35), ("JP", 30), ("DE", 10), ("KR", 5));
        tables[(int)SyntheticTier.Foundry] = Table(("TW", 40), ("CN", 25), ("KR", 15), ("US", 15), ("JP", 5));
        tables[(int)SyntheticTier.Memory] = Table(("KR", 50), ("US", 20), ("CN", 20), ("JP", 10));
        tables[(int)SyntheticTier.ChipDesigner] = Table(("US", 50), ("CN", 25), ("TW", 10), ("GB", 5), ("IL", 5), ("KR", 5));
        tables[(int)SyntheticTier.CloudProvider] = Table(("US", 50), ("CN", 30), ("DE", 5), ("FR", 5), ("JP", 5), ("SG", 5));
        tables[(int)SyntheticTier.AiLab] = Table(("US", 45), ("CN", 30), ("GB", 8), ("FR", 7), ("CA", 5), ("AE", 5));
        tables[(int)SyntheticTier.DeploymentPlatform] = Table(("US", 60), ("CN", 25), ("FR", 5), ("DE", 5), ("SG", 5));
        tables[(int)SyntheticTier.Investor] = Table(("US", 50), ("CN", 25), ("GB", 10), ("JP", 5), ("SA", 5), ("AE", 5));
        return tables;
    }
}
