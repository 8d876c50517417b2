using System.Text;

namespace SupplyGraph.Domain.Vocabulary;

/// <summary>
/// Enum spellings in dataset files and in Neo4j: SCREAMING_SNAKE_CASE, e.g. <c>AI_LAB</c>. Entity kinds are the
/// exception: they are Neo4j labels and keep their C# spelling (<c>Actor</c>). GraphQL spells every enum value,
/// entity kinds included, in SCREAMING_SNAKE_CASE (<c>ACTOR</c>).
/// </summary>
public static class WireNames
{
    public static string ToWire<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        if (value is RelationshipType type)
        {
            return type.Name();
        }

        if (value is EntityKind kind)
        {
            return kind.ToString();
        }

        return ToScreamingSnake(value.ToString());
    }

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(ToWire(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    public static IEnumerable<string> AllowedValues<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(ToWire);

    public static string ToScreamingSnake(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(pascal[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }
}
