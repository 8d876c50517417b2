using System.Globalization;
using System.Text;

namespace SupplyGraph.Formats.Cypher;

/// <summary>
/// Cypher literals for property values (null, text, whole numbers, booleans, dates, lists and maps), written so that
/// no value can end its statement early; the Neo4j store's Cypher script export writes its rows with them.
/// </summary>
public static class CypherLiteral
{
    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    public static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string content:
                AppendString(text, content);
                break;
            case long number:
                text.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case int number:
                text.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case bool flag:
                text.Append(flag ? "true" : "false");
                break;
            case DateOnly date:
                text.Append("date('").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("')");
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                AppendMap(text, map);
                break;
            case System.Collections.IEnumerable list:
                AppendList(text, list);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value, $"No Cypher literal for a {value.GetType().Name}.");
        }
    }

    /// <summary>
    /// A single-quoted string. Quotes, backslashes and line breaks are escaped; other control characters and lone
    /// surrogates (which UTF-8 cannot carry) become \uXXXX; every other character is written as it is.
    /// </summary>
    public static void AppendString(StringBuilder text, string content)
    {
        text.Append('\'');
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            switch (c)
            {
                case '\\':
                    text.Append(@"\\");
                    break;
                case '\'':
                    text.Append(@"\'");
                    break;
                case '\n':
                    text.Append(@"\n");
                    break;
                case '\r':
                    text.Append(@"\r");
                    break;
                case '\t':
                    text.Append(@"\t");
                    break;
                default:
                    if (char.IsControl(c) || IsLoneSurrogate(content, i))
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('\'');
    }

    private static void AppendMap(StringBuilder text, IEnumerable<KeyValuePair<string, object?>> map)
    {
        text.Append('{');
        var first = true;
        foreach (var (key, item) in map)
        {
            text.Append(first ? "" : ", ").Append(Key(key)).Append(": ");
            Append(text, item);
            first = false;
        }

        text.Append('}');
    }

    private static void AppendList(StringBuilder text, System.Collections.IEnumerable list)
    {
        text.Append('[');
        var first = true;
        foreach (var item in list)
        {
            text.Append(first ? "" : ", ");
            Append(text, item);
            first = false;
        }

        text.Append(']');
    }

    // A map key that is not a plain identifier is written in backticks.
    private static string Key(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? key
            : "`" + key.Replace("`", "``", StringComparison.Ordinal) + "`";

    private static bool IsLoneSurrogate(string content, int index)
    {
        var c = content[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= content.Length || !char.IsLowSurrogate(content[index + 1]);
        }

        return char.IsLowSurrogate(c) && (index == 0 || !char.IsHighSurrogate(content[index - 1]));
    }
}
