using System.Globalization;
using System.Text;
using FluentAssertions;
using SupplyGraph.Formats.Cypher;

namespace SupplyGraph.Formats.Tests.Cypher;

public sealed class CypherLiteralTests
{
    [Theory]
    [InlineData("O'Brien \\ Sons", @"'O\'Brien \\ Sons'")]
    [InlineData("two\nlines\r\nand\ta tab", @"'two\nlines\r\nand\ta tab'")]
    [InlineData("bell\u0007 and nul\0", @"'bell\u0007 and nul\u0000'")]
    [InlineData("幻方量化 😀 \"quoted\"", "'幻方量化 😀 \"quoted\"'")]
    public void String_literals_are_escaped(string value, string expected)
    {
        // act
        var literal = CypherLiteral.Of(value);

        // assert
        literal.Should().Be(expected);
        Unescape(literal).Should().Be(value);
    }

    [Fact]
    public void A_lone_surrogate_which_UTF_8_cannot_carry_is_escaped()
    {
        // arrange (not in InlineData: attribute arguments do not keep lone surrogates)
        var value = "lone " + (char)0xD800 + " surrogate";

        // act
        var literal = CypherLiteral.Of(value);

        // assert
        literal.Should().Be(@"'lone \uD800 surrogate'");
        Unescape(literal).Should().Be(value);
    }

    // Reads a single-quoted Cypher string literal back, as Neo4j's lexer does.
    private static string Unescape(string literal)
    {
        literal.Should().StartWith("'").And.EndWith("'");
        var text = new StringBuilder();
        for (var i = 1; i < literal.Length - 1; i++)
        {
            if (literal[i] != '\\')
            {
                literal[i].Should().NotBe('\'', "a quote inside the literal must be escaped");
                text.Append(literal[i]);
                continue;
            }

            var escaped = literal[++i];
            switch (escaped)
            {
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u':
                    text.Append((char)int.Parse(literal.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: text.Append(escaped); break;
            }
        }

        return text.ToString();
    }
}
