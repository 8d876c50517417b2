using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Rules;

namespace SupplyGraph.Formats.Json;

/// <summary>
/// Reads many entities written by <see cref="DatasetJson.WriteEntity"/> (a store loading its rows), from UTF-8,
/// with the same checks as <see cref="DatasetReader.ReadEntityJson"/> but one set of working tables for every row,
/// and with repeated short strings and source lists shared between rows. A store of a million entities otherwise
/// allocates a few kilobytes of tables per row, and the collector's work on those dominates its load time.
/// Not thread-safe: one reader per thread.
/// </summary>
public sealed class EntityJsonReader(string origin)
{
    private readonly ElementRules rules = new(directory: null, strings: new StringPool(), sourceLists: new SourceListPool());

    public Entity Read(ReadOnlySpan<byte> utf8)
    {
        rules.Errors.Reset(ErrorPhase.Entities);
        var element = DatasetReader.ReadWholeValue(utf8, rules.Fields, FieldSets.CommonEntityMask);
        var entity = rules.CheckEntity(utf8, element, out _);
        return rules.Errors.Count == 0 && entity is not null
            ? entity
            : throw new DatasetValidationException(DatasetReader.LocateWhole(utf8.ToArray(), rules.Errors, origin));
    }
}
