using System.Text.Json;

namespace SupplyGraph.Domain.Datasets;

/// <summary>
/// Finds the line and column of JSON paths such as <c>$.relationships[3].to</c> in a document.
/// Only run when a file has errors, so valid files pay nothing for it.
/// </summary>
internal static class JsonPositions
{
    public static Dictionary<string, (int Line, int Column)> Locate(ReadOnlySpan<byte> utf8, IReadOnlySet<string> wanted)
    {
        var found = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<string>();
        var arrayIndex = new Stack<int>();
        var containerIsArray = new Stack<bool>();
        string? pendingProperty = null;
        var lineStarts = LineStarts(utf8);

        try
        {
            while (reader.Read() && found.Count < wanted.Count)
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
                    segment = "$";
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
                    found[current] = Position(lineStarts, (int)reader.TokenStartIndex);
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

    private static List<int> LineStarts(ReadOnlySpan<byte> utf8)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static (int Line, int Column) Position(List<int> lineStarts, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - lineStarts[line] + 1);
    }
}
