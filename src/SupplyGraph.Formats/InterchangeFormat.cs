namespace SupplyGraph.Formats;

/// <summary>The input formats the importers read.</summary>
public enum InterchangeFormat
{
    /// <summary>A dataset file in JSON (datasets/README.md).</summary>
    DatasetJson,

    /// <summary>The same dataset format written as YAML.</summary>
    DatasetYaml,

    /// <summary>CSV in the neo4j-admin database import header format.</summary>
    Csv,

    /// <summary>Markdown notes with front matter, wiki links and a "Related" list.</summary>
    Notes,
}
