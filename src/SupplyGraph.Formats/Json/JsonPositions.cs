using System.Text.Json;

namespace SupplyGraph.Formats.Json;

/// <summary>
/// Finds where JSON paths such as <c>$.relationships[3].to</c> start in a document or in one element of it.
/// Only run for errors, so valid data pays nothing for it.
/// </summary>
internal static class JsonPositions
{
    /// <summary>
    /// Byte offsets (in <paramref name="utf8"/>) of the values at the wanted paths; <paramref name="rootPath"/> names the
    /// value <paramref name="utf8"/> holds ("$" for a document, "$.entities[3]" for one element). A path that occurs
    /// more than once (a repeated member name) gets the last occurrence read: with <paramref name="readToEnd"/>, the
    /// last one (the one whose value was checked); without, reading stops once every path was found.
    /// </summary>
    public static Dictionary<string, int> Locate(ReadOnlySpan<byte> utf8, string rootPath, IReadOnlySet<string> wanted, bool readToEnd = false)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<string>();
        var arrayIndex = new Stack<int>();
        var containerIsArray = new Stack<bool>();
        string? pendingProperty = null;

        try
        {
            while (reader.Read() && (readToEnd || found.Count < wanted.Count))
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    pendingProperty = reader.GetString();
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    containerIsArray.Pop();
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        arrayIndex.Pop();
                    }

                    if (path.Count > 0)
                    {
                        path.RemoveAt(path.Count - 1);
                    }

                    continue;
                }

                // A value starts here: name it by its parent container.
                string segment;
                if (containerIsArray.Count == 0)
                {
                    segment = rootPath;
                }
                else if (containerIsArray.Peek())
                {
                    var index = arrayIndex.Pop() + 1;
                    arrayIndex.Push(index);
                    segment = $"[{index}]";
                }
                else
                {
                    segment = "." + pendingProperty;
                }

                var current = string.Concat(path) + segment;
                if (wanted.Contains(current))
                {
                    found[current] = (int)reader.TokenStartIndex;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    path.Add(segment);
                    containerIsArray.Push(reader.TokenType == JsonTokenType.StartArray);
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        arrayIndex.Push(-1);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Positions are a courtesy: a document that does not parse was reported already.
        }

        return found;
    }

    /// <summary>
    /// The offset of the path, or of its nearest enclosing value that has one (a missing field has no position of its
    /// own), or null.
    /// </summary>
    public static int? Nearest(string path, Dictionary<string, int> offsets)
    {
        for (var current = path; current.Length > 0; current = Parent(current))
        {
            if (offsets.TryGetValue(current, out var offset))
            {
                return offset;
            }
        }

        return null;
    }

    /// <summary>
    /// The path and every path enclosing it up to <paramref name="rootPath"/>, as <see cref="Locate"/> wants them for
    /// <see cref="Nearest"/>. (Paths outside the located value would keep it reading to the end for nothing.)
    /// </summary>
    public static void AddWithParents(HashSet<string> wanted, string path, string rootPath)
    {
        for (var current = path; current.Length >= rootPath.Length; current = Parent(current))
        {
            if (!wanted.Add(current))
            {
                return;
            }
        }
    }

    /// <summary>Line and column (from 1, the column in bytes) of an offset in a document held whole.</summary>
    public static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> utf8, int offset)
    {
        var before = utf8[..offset];
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (before.Count((byte)'\n') + 1, offset - lastNewline);
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut > 0 ? path[..cut] : string.Empty;
    }
}
