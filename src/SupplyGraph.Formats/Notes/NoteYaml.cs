using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace SupplyGraph.Formats.Notes;

/// <summary>YamlDotNet's messages without the position prefix, which the errors carry as line and column.</summary>
internal static partial class NoteYaml
{
    public static string Message(YamlException exception)
    {
        var text = PositionPrefix().Replace(exception.Message, string.Empty).Trim();
        return $"invalid YAML: {text}";
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();
}
