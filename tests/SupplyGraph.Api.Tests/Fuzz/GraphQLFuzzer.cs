using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphQL.Types;

namespace SupplyGraph.Api.Tests.Fuzz;

/// <summary>
/// Makes GraphQL requests an attacker or a broken client might send, deterministically from a seed: documents built
/// from the schema's grammar (right and wrong arguments, aliases, fragments, directives, depth), the same documents
/// with characters changed, token soups, raw noise, and request bodies that are not what the endpoint expects.
/// </summary>
internal sealed class GraphQLFuzzer(ISchema schema, int seed)
{
    private static readonly string[] References = ["DeepSeek", "deepseek", "nvidia-h800", "TSMC", "us-bis-2023-10-advanced-computing", "Hugging Face", "ASML", "no-such-thing", "", " "];

    private static readonly string[] Punctuation = ["{", "}", "(", ")", "[", "]", ":", "$", "@", "!", "=", "|", "&", "...", ",", "\"", "\"\"\"", "#", "\n", " "];

    private static readonly string[] Keywords = ["query", "mutation", "subscription", "fragment", "on", "true", "false", "null", "__typename", "__schema", "__type", "entity", "search", "paths", "exposure", "supplyChain", "exportControls", "profile", "relationshipTypes", "id", "name", "relationships", "from", "to", "maxHops", "maxPaths", "asOf", "ref"];

    private readonly Random random = new(seed);

    /// <summary>One request: how to send it and a short label for failure messages.</summary>
    public FuzzRequest Next(int index)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 45 => Json(Document(), "grammar"),
            < 70 => Json(Mutate(Document()), "mutated"),
            < 82 => Json(TokenSoup(), "tokens"),
            < 88 => Json(Noise(random.Next(1, 400)), "noise"),
            < 96 => Body(),
            _ => Get(random.Next(2) == 0 ? Document() : Mutate(Document())),
        } with { Index = index };
    }

    public string Document()
    {
        var builder = new StringBuilder();
        var fragments = new List<string>();
        var operation = random.Next(20) switch
        {
            0 => "mutation",
            1 => "subscription",
            < 8 => "query",
            _ => string.Empty,
        };
        if (operation.Length > 0)
        {
            builder.Append(operation).Append(random.Next(2) == 0 ? " Op" + random.Next(3) : string.Empty);
            if (random.Next(4) == 0)
            {
                builder.Append("($e: String, $n: Int, $d: Date) ");
            }
        }

        builder.Append(Selection(schema.Query, depth: 0, maxDepth: random.Next(1, 19), fragments));
        foreach (var fragment in fragments)
        {
            builder.Append(' ').Append(fragment);
        }

        if (random.Next(15) == 0)
        {
            builder.Append(" query Other { __typename }");
        }

        return builder.ToString();
    }

    private string Selection(IComplexGraphType type, int depth, int maxDepth, List<string> fragments)
    {
        var builder = new StringBuilder("{ ");
        var count = depth == 0 ? random.Next(0, 24) : random.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(30))
            {
                case 0:
                    builder.Append("__typename ");
                    continue;
                case 1 when depth == 0:
                    builder.Append("__schema { types { name fields { name type { name ofType { name } } } } } ");
                    continue;
                case 2:
                    builder.Append(Name()).Append(' ');
                    continue;
                case 3 when type is IInterfaceGraphType or IObjectGraphType:
                    var onType = type is IInterfaceGraphType ? Pick(["Actor", "Chip", "Model", "Regulation", "Query"]) : type.Name;
                    builder.Append("... on ").Append(onType).Append(' ').Append(Selection(type, depth + 1, maxDepth, fragments)).Append(' ');
                    continue;
                case 4 when fragments.Count < 4:
                    var fragmentName = "F" + fragments.Count;
                    var spreadsItself = random.Next(5) == 0 ? $" ...{fragmentName}" : string.Empty;
                    fragments.Add($"fragment {fragmentName} on {type.Name} {{ __typename{spreadsItself} }}");
                    builder.Append("...").Append(fragmentName).Append(' ');
                    continue;
            }

            var field = type.Fields.ElementAt(random.Next(type.Fields.Count));
            if (random.Next(4) == 0)
            {
                builder.Append('a').Append(random.Next(1000)).Append(": ");
            }

            builder.Append(field.Name);
            if (field.Arguments is { Count: > 0 } arguments && random.Next(10) > 0)
            {
                builder.Append('(');
                foreach (var argument in arguments.Where(_ => random.Next(5) > 0))
                {
                    builder.Append(argument.Name).Append(": ").Append(Value(argument.ResolvedType)).Append(' ');
                }

                builder.Append(')');
            }

            if (random.Next(12) == 0)
            {
                builder.Append(random.Next(2) == 0 ? " @include(if: true)" : " @skip(if: " + (random.Next(2) == 0 ? "false" : "$b") + ")");
            }

            var inner = Unwrap(field.ResolvedType);
            if (inner is IComplexGraphType complex)
            {
                builder.Append(' ');
                builder.Append(depth + 1 >= maxDepth ? "{ __typename }" : Selection(complex, depth + 1, maxDepth, fragments));
            }
            else if (random.Next(40) == 0)
            {
                builder.Append(" { id }");
            }

            builder.Append(' ');
        }

        return builder.Append('}').ToString();
    }

    private string Value(IGraphType? type)
    {
        var inner = Unwrap(type);
        if (random.Next(12) == 0)
        {
            return Pick(["$e", "$n", "$d", "null", "123", "\"text\"", "[1, 2]", "{ a: 1 }", "ENUM_VALUE", "true", "1e400", "-0", "99999999999999999999"]);
        }

        var value = inner switch
        {
            EnumerationGraphType enumeration => random.Next(8) == 0 ? "NOT_A_VALUE" : enumeration.Values.ElementAt(random.Next(enumeration.Values.Count)).Name,
            IntGraphType => Pick(["1", "3", "8", "16", "17", "0", "-1", "100", "101", "2147483648"]),
            StringGraphType => JsonSerializer.Serialize(random.Next(4) == 0 ? Noise(random.Next(0, 40)) : Pick(References)),
            _ when inner?.Name == "Date" => JsonSerializer.Serialize(Pick(["2025-01-01", "2023-06-01", "2023-02-30", "yesterday", "0001-01-01", "9999-12-31", "2024-13-01", ""])),
            _ => "\"x\"",
        };
        return type is ListGraphType || (type is NonNullGraphType { ResolvedType: ListGraphType }) ? $"[{value}]" : value;
    }

    private static IGraphType? Unwrap(IGraphType? type)
    {
        while (type is NonNullGraphType or ListGraphType)
        {
            type = type is NonNullGraphType nonNull ? nonNull.ResolvedType : ((ListGraphType)type).ResolvedType;
        }

        return type;
    }

    public string Mutate(string document)
    {
        var chars = new StringBuilder(document);
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits && chars.Length > 0; i++)
        {
            var at = random.Next(chars.Length);
            switch (random.Next(4))
            {
                case 0:
                    chars.Remove(at, Math.Min(chars.Length - at, random.Next(1, 10)));
                    break;
                case 1:
                    chars.Insert(at, Pick(Punctuation));
                    break;
                case 2:
                    chars[at] = (char)random.Next(0, 0x3000);
                    break;
                default:
                    chars.Insert(at, chars.ToString(at, Math.Min(chars.Length - at, random.Next(1, 40))));
                    break;
            }
        }

        return chars.ToString();
    }

    private string TokenSoup()
    {
        var builder = new StringBuilder();
        var count = random.Next(1, 200);
        for (var i = 0; i < count; i++)
        {
            builder.Append(random.Next(3) switch
            {
                0 => Pick(Punctuation),
                1 => Pick(Keywords),
                _ => random.Next(5) == 0 ? random.Next().ToString(CultureInfo.InvariantCulture) : Name(),
            }).Append(random.Next(3) == 0 ? string.Empty : " ");
        }

        return builder.ToString();
    }

    private string Noise(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(4) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0xD800, 0xE000),
                _ => (char)random.Next(32, 0x2FFF),
            });
        }

        return builder.ToString();
    }

    private string Name() => new(Enumerable.Range(0, random.Next(1, 12)).Select(_ => (char)('a' + random.Next(26))).ToArray());

    private FuzzRequest Json(string query, string kind)
    {
        object? variables = random.Next(6) switch
        {
            0 => new Dictionary<string, object?> { ["e"] = Pick(References), ["n"] = random.Next(-5, 200), ["d"] = "2024-01-01", ["b"] = true },
            1 => new Dictionary<string, object?> { ["e"] = 12, ["n"] = "many", ["d"] = new[] { 1, 2 } },
            _ => null,
        };
        var body = JsonSerializer.Serialize(new { query, variables, operationName = random.Next(8) == 0 ? "Op" + random.Next(3) : null });
        return new FuzzRequest(kind, "POST", "application/json", Encoding.UTF8.GetBytes(body), null, query);
    }

    private FuzzRequest Get(string query)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query) + (random.Next(4) == 0 ? "&variables=" + Uri.EscapeDataString(Pick(["{", "[]", "{\"e\":1}", "null", "\"x\""])) : string.Empty);
        return new FuzzRequest("get", "GET", null, null, url, query);
    }

    private FuzzRequest Body()
    {
        var (contentType, text) = random.Next(16) switch
        {
            0 => ("application/json", "{"),
            1 => ("application/json", "[]"),
            2 => ("application/json", "null"),
            3 => ("application/json", "{\"query\": 42}"),
            4 => ("application/json", "{\"query\": [\"{ __typename }\"]}"),
            5 => ("application/json", "{\"query\": \"{ __typename }\", \"variables\": \"not an object\"}"),
            6 => ("application/json", "{\"query\": \"{ __typename }\", \"variables\": {\"a\": " + new string('[', 2000) + new string(']', 2000) + "}}"),
            7 => ("application/json", "{\"query\": \"{ __typename }\", \"extensions\": {\"x\": 1e999}}"),
            8 => ("text/plain", "{ __typename }"),
            9 => ("application/json; charset=latin1", "{\"query\": \"{ __typename }\"}"),
            10 => ("application/graphql", "{ __typename }"),
            11 => ("application/json", "{\"query\": \"" + Noise(50).Replace("\\", string.Empty, StringComparison.Ordinal).Replace("\"", string.Empty, StringComparison.Ordinal) + "\"}"),
            12 => ("application/json", "{\"query\": \"{ __typename }\", \"operationName\": 7}"),
            13 => ("application/json", "{\"query\": \"{ entity(ref: $e) { id } }\", \"variables\": {\"e\": {\"nested\": true}}}"),
            14 => (null, "{\"query\": \"{ __typename }\"}"),
            _ => ("application/json", "{\"query\": \"{ __typename }\", \"query\": \"{ entity(ref: \\\"DeepSeek\\\") { id } }\"}"),
        };
        var bytes = Encoding.UTF8.GetBytes(text);
        if (random.Next(10) == 0)
        {
            // Not UTF-8 at all.
            bytes = [.. bytes, 0xC3, 0x28, 0xFF];
        }

        return new FuzzRequest("body", "POST", contentType, bytes, null, text);
    }

    private string Pick(string[] items) => items[random.Next(items.Length)];
}

/// <summary>One generated request.</summary>
internal sealed record FuzzRequest(string Kind, string Method, string? ContentType, byte[]? Body, string? Url, string Text)
{
    public int Index { get; init; }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url ?? "/graphql");
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    public string Describe() => $"#{Index} ({Kind}) {Method} {(Text.Length > 300 ? Text[..300] + "…" : Text)}";
}
