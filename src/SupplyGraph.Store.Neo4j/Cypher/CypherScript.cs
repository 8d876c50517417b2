using System.Text;

namespace SupplyGraph.Store.Neo4j.Cypher;

/// <summary>A .cypher file from the repository's cypher/ folder, built into this assembly, split into statements.</summary>
internal sealed class CypherScript
{
    private CypherScript(string name, string text)
    {
        Name = name;
        Text = text;
        Statements = Split(text);
    }

    /// <summary>The file name without extension, e.g. "export-controls"; also names the question in query logs.</summary>
    public string Name { get; }

    public string Text { get; }

    public IReadOnlyList<string> Statements { get; }

    /// <summary>The single statement of a one-statement file.</summary>
    public string Statement => Statements.Count == 1
        ? Statements[0]
        : throw new InvalidOperationException($"{Name}.cypher holds {Statements.Count} statements, not one.");

    public static CypherScript Load(string name)
    {
        var resource = $"SupplyGraph.Cypher.{name}.cypher";
        using var stream = typeof(CypherScript).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The Cypher file {name}.cypher is not built into {typeof(CypherScript).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new CypherScript(name, reader.ReadToEnd());
    }

    public static CypherScript FromText(string name, string text) => new(name, text);

    /// <summary>Splits on semicolons outside strings, identifiers in backticks and comments; keeps each statement's comments.</summary>
    internal static List<string> Split(string text)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                var end = text.IndexOf('\n', i);
                end = end < 0 ? text.Length : end;
                current.Append(text, i, end - i);
                i = end - 1;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                current.Append(text, i, end - i);
                i = end - 1;
                continue;
            }

            if (c is '\'' or '"' or '`')
            {
                var end = i + 1;
                while (end < text.Length && text[end] != c)
                {
                    end += text[end] == '\\' && c != '`' ? 2 : 1;
                }

                end = Math.Min(end + 1, text.Length);
                current.Append(text, i, end - i);
                i = end - 1;
                continue;
            }

            if (c == ';')
            {
                Add();
                continue;
            }

            current.Append(c);
        }

        Add();
        return statements;

        void Add()
        {
            var statement = current.ToString().Trim();
            current.Clear();
            if (HasCode(statement))
            {
                statements.Add(statement);
            }
        }
    }

    private static bool HasCode(string statement) =>
        statement.Split('\n').Any(line => line.Trim() is { Length: > 0 } trimmed && !trimmed.StartsWith("//", StringComparison.Ordinal));
}
