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
internal sealed partial class ChainWriter : IDisposable
{
    private const int FlushThreshold = 128 * 1024;
    private const int CN = 1;
    private const int None = -1;

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

    // ---- Small helpers ----

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
}
