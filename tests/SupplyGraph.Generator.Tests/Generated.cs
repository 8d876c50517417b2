using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Generator.Tests;

/// <summary>Size S at the default seed, generated once and read back through the dataset reader, shared by the tests.</summary>
internal static class Generated
{
    private static readonly Lazy<Output> SmallOutput = new(() => Generate(new GeneratorOptions { Entities = GeneratorOptions.S }));

    public static Output Small => SmallOutput.Value;

    public static Output Generate(GeneratorOptions options)
    {
        using var buffer = new MemoryStream();
        var summary = SyntheticSupplyChain.Write(buffer, options);
        var bytes = buffer.ToArray();
        return new Output(options, bytes, summary, DatasetReader.Read(bytes, "synthetic.json"), SyntheticLayout.For(options));
    }

    public static byte[] Bytes(GeneratorOptions options)
    {
        using var buffer = new MemoryStream();
        SyntheticSupplyChain.Write(buffer, options);
        return buffer.ToArray();
    }

    internal sealed record Output(GeneratorOptions Options, byte[] Bytes, GeneratorSummary Summary, Dataset Dataset, SyntheticLayout Layout)
    {
        public SyntheticTier TierOf(string id) =>
            Layout.TryParseId(id, out var tier, out _) ? tier : throw new InvalidOperationException($"not a generated id: {id}");

        public IEnumerable<RelationshipRecord> OfType(RelationshipType type) => Dataset.Relationships.Where(r => r.Type == type);
    }
}
