namespace SupplyGraph.Store.Neo4j.Cypher;

/// <summary>Every parameter the .cypher files take, with an example value (Cypher lint checks against these).</summary>
internal static class CypherParameters
{
    public static IReadOnlyDictionary<string, object?> Examples { get; } = new SortedDictionary<string, object?>(StringComparer.Ordinal)
    {
        ["id"] = "deepseek",
        ["ref"] = "DeepSeek AI",
        ["keys"] = new[] { "88 F.R. 73458", "88 FR 73458" },
        ["kinds"] = new[] { "Actor", "Model" },
        ["limit"] = 50,
        ["fuzzyQuery"] = "deepsek~",
        ["asOf"] = "2025-06-01",
        ["types"] = new[] { "TRAINED_ON" },
        ["rows"] = Array.Empty<object>(),
        ["after"] = "",
        ["afterKey"] = "",
        ["afterElementId"] = "",
        ["pageSize"] = 1000,
        ["ids"] = new[] { "deepseek", "deepseek-v3" },
        ["maxHops"] = 8,
        ["from"] = "hugging-face",
        ["to"] = "asml",
        ["documents"] = new[] { "000_eac32558cbc5d9ab.txt", "003_67bdc8ecb5f52f54.txt" },
    };
}
