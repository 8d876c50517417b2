using System.Text.Json;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Generator;

/// <summary>
/// The rules of the synthetic chain: its tables (countries, process nodes, model sizes, status mixes, how steeply each
/// tier is preferred) and the facts drawn from them, each a pure function of (seed, tier, index) so it can be drawn again
/// wherever it is needed. The JSON writing is in ChainWriter.cs and ChainWriter.Relationships.cs.
/// </summary>
internal sealed partial class ChainWriter
{
    private static readonly DateOnly Epoch = new(2015, 1, 1);
    private static readonly int LastDay = new DateOnly(2026, 12, 31).DayNumber - Epoch.DayNumber;

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
