using System.Globalization;
using System.Text;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Generator;

/// <summary>
/// How many entities each tier holds for a total, and their ids. Ids are <c>syn-{tier}-{index}</c> with the index
/// zero-padded (<c>syn-foundry-000000</c>), so a relationship can name its ends without the entities in memory.
/// Within a tier, index is rank: index 0 is the tier's biggest hub (the dominant foundry, the dominant designer,
/// the biggest cloud), and the weights fall off with the index.
/// </summary>
public sealed class SyntheticLayout
{
    private static readonly SyntheticTier[] AllTiers = Enum.GetValues<SyntheticTier>();

    // Shares of the total in basis points (1/100 of a percent), summing to 10,000. Models take what rounding leaves.
    private static readonly int[] SharesInBasisPoints =
    [
        150,   // RawMaterials
        100,   // Equipment
        50,    // Foundry
        50,    // Memory
        250,   // ChipDesigner
        2_200, // Chip
        150,   // CloudProvider
        1_200, // AiLab
        4_800, // Model
        300,   // DeploymentPlatform
        600,   // Investor
        5,     // Regulator
        145,   // Regulation
    ];

    private static readonly string[] IdPrefixes =
        ["raw", "equipment", "foundry", "memory", "designer", "chip", "cloud", "lab", "model", "platform", "investor", "regulator", "regulation"];

    private static readonly string[] NamePrefixes =
    [
        "Synthetic Raw Materials Supplier", "Synthetic Equipment Maker", "Synthetic Foundry", "Synthetic Memory Maker",
        "Synthetic Chip Designer", "Synthetic Chip", "Synthetic Cloud", "Synthetic AI Lab", "Synthetic Model",
        "Synthetic Deployment Platform", "Synthetic Investor", "Synthetic Regulator", "Synthetic Rule",
    ];

    private readonly int[] counts = new int[AllTiers.Length];

    public SyntheticLayout(int entities)
    {
        new GeneratorOptions { Entities = entities }.Validate();
        Entities = entities;
        var assigned = 0;
        foreach (var tier in AllTiers)
        {
            if (tier == SyntheticTier.Model)
            {
                continue;
            }

            counts[(int)tier] = (int)Math.Max(1, (long)entities * SharesInBasisPoints[(int)tier] / 10_000);
            assigned += counts[(int)tier];
        }

        counts[(int)SyntheticTier.Model] = entities - assigned;
        var widest = counts.Max() - 1;
        IdDigits = Math.Max(6, widest.ToString(CultureInfo.InvariantCulture).Length);
        IdFormat = "D" + IdDigits.ToString(CultureInfo.InvariantCulture);
        IdPrefixUtf8 = [.. IdPrefixes.Select(prefix => Encoding.UTF8.GetBytes($"syn-{prefix}-"))];
        NamePrefixUtf8 = [.. NamePrefixes.Select(prefix => Encoding.UTF8.GetBytes(prefix + " "))];
    }

    /// <summary>The tiers in chain order, upstream first (the order entities are written in).</summary>
    public static IReadOnlyList<SyntheticTier> Tiers => AllTiers;

    public int Entities { get; }

    /// <summary>Digits in an id's index (at least 6).</summary>
    public int IdDigits { get; }

    internal string IdFormat { get; }

    internal byte[][] IdPrefixUtf8 { get; }

    internal byte[][] NamePrefixUtf8 { get; }

    public static SyntheticLayout For(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SyntheticLayout(options.Entities);
    }

    /// <summary>The tier's share of the total entity count (models take whatever rounding leaves).</summary>
    public static double Share(SyntheticTier tier) => SharesInBasisPoints[(int)tier] / 10_000.0;

    public static EntityKind KindOf(SyntheticTier tier) => tier switch
    {
        SyntheticTier.Chip => EntityKind.Chip,
        SyntheticTier.Model => EntityKind.Model,
        SyntheticTier.Regulation => EntityKind.Regulation,
        _ => EntityKind.Actor,
    };

    /// <summary>The actor category of an actor tier; null for chips, models and regulations.</summary>
    public static ActorCategory? CategoryOf(SyntheticTier tier) => tier switch
    {
        SyntheticTier.RawMaterials => ActorCategory.RawMaterials,
        SyntheticTier.Equipment => ActorCategory.Equipment,
        SyntheticTier.Foundry => ActorCategory.Foundry,
        SyntheticTier.Memory => ActorCategory.Memory,
        SyntheticTier.ChipDesigner => ActorCategory.ChipDesigner,
        SyntheticTier.CloudProvider => ActorCategory.CloudProvider,
        SyntheticTier.AiLab => ActorCategory.AiLab,
        SyntheticTier.DeploymentPlatform => ActorCategory.DeploymentPlatform,
        SyntheticTier.Investor => ActorCategory.Investor,
        SyntheticTier.Regulator => ActorCategory.Regulator,
        _ => null,
    };

    public int Count(SyntheticTier tier) => counts[(int)tier];

    /// <summary>How many of the tier's top ranks are tagged <c>hub</c>: the top 1%, at least one.</summary>
    public int HubCount(SyntheticTier tier) => Math.Max(1, Count(tier) / 100);

    /// <summary>The id of the entity at <paramref name="index"/> (its rank) in <paramref name="tier"/>.</summary>
    public string Id(SyntheticTier tier, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count(tier));
        return $"syn-{IdPrefixes[(int)tier]}-{index.ToString(IdFormat, CultureInfo.InvariantCulture)}";
    }

    /// <summary>The display name of the entity at <paramref name="index"/> in <paramref name="tier"/> ("Synthetic Foundry 12").</summary>
    public static string Name(SyntheticTier tier, int index) =>
        $"{NamePrefixes[(int)tier]} {index.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads a generated id back into its tier and index; false for any other id.</summary>
    public bool TryParseId(string id, out SyntheticTier tier, out int index)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (var candidate in AllTiers)
        {
            var prefix = $"syn-{IdPrefixes[(int)candidate]}-";
            if (id.StartsWith(prefix, StringComparison.Ordinal)
                && id.Length == prefix.Length + IdDigits
                && int.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out index)
                && index < Count(candidate))
            {
                tier = candidate;
                return true;
            }
        }

        tier = default;
        index = -1;
        return false;
    }
}
