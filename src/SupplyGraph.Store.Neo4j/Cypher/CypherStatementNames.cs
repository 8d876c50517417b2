using System.Collections.Frozen;

namespace SupplyGraph.Store.Neo4j.Cypher;

/// <summary>
/// Names a statement by the Cypher file it comes from, for spans: <c>topology-page</c>, or <c>upsert-entities#3</c>
/// for the third statement of a file of several. A name, never the text, so a span says what ran in few words and
/// carries nothing a statement was given. Statements from no file of ours (an analyst's, a test's) are <see cref="Other"/>.
/// </summary>
internal static class CypherStatementNames
{
    /// <summary>The name of a statement that is in no Cypher file built into the store.</summary>
    public const string Other = "other";

    private const string ResourcePrefix = "SupplyGraph.Cypher.";
    private const string ResourceSuffix = ".cypher";

    // The seed is thousands of MERGEs the store never sends (it imports datasets/seed.json): no need to hold it.
    private static readonly string[] NotSentByTheStore = ["seed"];

    private static readonly Lazy<FrozenDictionary<string, string>> Names = new(Load);

    public static string Of(string statement) => Names.Value.GetValueOrDefault(statement.Trim(), Other);

    private static FrozenDictionary<string, string> Load()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = typeof(CypherStatementNames).Assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .Select(resource => resource[ResourcePrefix.Length..^ResourceSuffix.Length])
            .Except(NotSentByTheStore, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var statements = CypherScript.Load(file).Statements;
            for (var i = 0; i < statements.Count; i++)
            {
                // The first file to hold a statement names it: the files are read in name order, so always the same one.
                names.TryAdd(statements[i], statements.Count == 1 ? file : $"{file}#{i + 1}");
            }
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
