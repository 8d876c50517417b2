using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Testing;

namespace SupplyGraph.Api.Tests.Readme;

/// <summary>
/// Every curl example in README.md is sent to the service on the seed dataset, and the JSON block under it must be
/// exactly what comes back, so the README cannot rot. SUPPLYGRAPH_UPDATE_README=1 rewrites the blocks instead.
/// </summary>
[Collection(SeedCollection.Name)]
public sealed partial class ReadmeExamplesTests(SeedHost host)
{
    private static readonly string ReadmePath = RepositoryPaths.Combine("README.md");
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<int> Examples => [.. Enumerable.Range(0, ReadExamples(File.ReadAllText(ReadmePath)).Count)];

    [Fact]
    public void The_readme_shows_the_headline_questions()
    {
        var examples = ReadExamples(File.ReadAllText(ReadmePath));

        examples.Select(example => example.Body).Should().Contain(body => body.Contains("exportControls", StringComparison.Ordinal))
            .And.Contain(body => body.Contains("supplyChain", StringComparison.Ordinal))
            .And.Contain(body => body.Contains("exposure", StringComparison.Ordinal))
            .And.Contain(body => body.Contains("paths", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task A_readme_example_answers_what_the_readme_shows(int index)
    {
        // arrange
        var readme = await File.ReadAllTextAsync(ReadmePath, TestContext.Current.CancellationToken);
        var example = ReadExamples(readme)[index];

        // act
        var response = await host.Client.PostRawAsync(example.Body, GraphQLHttp.Json, accept: null);
        var actual = JsonNode.Parse(response.Text)!.ToJsonString(Indented);

        // assert
        if (Environment.GetEnvironmentVariable("SUPPLYGRAPH_UPDATE_README") == "1")
        {
            var updated = string.Concat(readme.AsSpan(0, example.BlockStart), $"```json\n{actual}\n```", readme.AsSpan(example.BlockStart + example.BlockLength));
            await File.WriteAllTextAsync(ReadmePath, updated, TestContext.Current.CancellationToken);
            return;
        }

        JsonNode.DeepEquals(JsonNode.Parse(example.Output), JsonNode.Parse(actual))
            .Should().BeTrue($"README example {index + 1} must show what the service answers; it answers:\n{actual}");
    }

    private static List<Example> ReadExamples(string readme) =>
        [.. CurlThenJson().Matches(readme).Select(match => new Example(
            Unescape(match.Groups["body"].Value),
            match.Groups["output"].Value,
            match.Groups["block"].Index,
            match.Groups["block"].Length))];

    /// <summary>The body as the shell passes it: inside single quotes, '\'' is a quote.</summary>
    private static string Unescape(string quoted) => quoted.Replace("'\\''", "'", StringComparison.Ordinal);

    [GeneratedRegex(@"```sh\ncurl [^\n]*/graphql[^\n]*\\\n\s+-d '(?<body>(?:[^']|'\\'')*)'\n```\n+(?<block>```json\n(?<output>.*?)\n```)", RegexOptions.Singleline)]
    private static partial Regex CurlThenJson();

    private sealed record Example(string Body, string Output, int BlockStart, int BlockLength);
}
