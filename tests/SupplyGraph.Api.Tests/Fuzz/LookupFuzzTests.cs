using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Formats.Json;
using SupplyGraph.Generator;

namespace SupplyGraph.Api.Tests.Fuzz;

/// <summary>
/// Issue 20: lookups, searches and profiles with generated references (random letters up to 2,000, unicode, control
/// characters, Lucene and Cypher syntax, near misses of real names) on a generated store of 10,000 entities, as
/// literals and variables. None may answer 5xx, each answers within a bound far below the request deadline, and the
/// service is healthy afterwards.
/// </summary>
public sealed class LookupFuzzTests
{
    private const int Requests = 1_500;
    private const int Workers = 4;
    private const int Seed = 20261207;

    /// <summary>Twenty lookups at once must not come near the 10 s deadline on a generated S store.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generated_lookups_and_searches_on_a_generated_store_never_get_a_5xx_and_each_answers_in_bounded_time()
    {
        // arrange
        var file = Path.Combine(Path.GetTempPath(), $"supplygraph-lookup-fuzz-{Guid.NewGuid():N}.json");
        try
        {
            SyntheticSupplyChain.Write(file, GeneratorOptions.ForSize("S"), Token);
            await using var factory = new SupplyGraphApiFactory(settings: new Dictionary<string, string?> { ["SupplyGraph:Limits:QueueTimeoutSeconds"] = "60" });
            using var client = factory.CreateClient();
            await factory.Store.ImportAsync(new DatasetFileSource(file), ImportOptions.Default, Token);
            var random = new Random(Seed);
            var bodies = Enumerable.Range(0, Requests).Select(_ => Body(random)).ToList();
            var failures = new ConcurrentBag<string>();
            var statuses = new ConcurrentDictionary<HttpStatusCode, int>();

            // act
            await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = Token }, async (body, token) =>
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"), token);
                var text = await response.Content.ReadAsStringAsync(token);
                statuses.AddOrUpdate(response.StatusCode, 1, (_, count) => count + 1);
                if ((int)response.StatusCode >= 500 || clock.Elapsed > Bound || !IsJson(text))
                {
                    failures.Add($"{(int)response.StatusCode} in {clock.Elapsed.TotalMilliseconds:0} ms: {body[..Math.Min(body.Length, 300)]}");
                }
            });
            using var health = await client.GetAsync("/health", Token);

            // assert
            failures.Should().BeEmpty($"seed {Seed}; statuses {string.Join(", ", statuses.Select(pair => $"{(int)pair.Key}: {pair.Value}"))}");
            statuses.Keys.Should().Contain(HttpStatusCode.OK);
            health.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Body(Random random)
    {
        var fields = random.Next(1, 21);
        var asVariables = random.Next(2) == 0;
        var selections = new StringBuilder();
        var declarations = new List<string>();
        var variables = new Dictionary<string, object?>();
        for (var i = 0; i < fields; i++)
        {
            var text = Reference(random);
            var argument = asVariables ? $"$v{i}" : JsonSerializer.Serialize(text);
            if (asVariables)
            {
                declarations.Add($"$v{i}: String!");
                variables[$"v{i}"] = text;
            }

            selections.Append(random.Next(3) switch
            {
                0 => $" f{i}: entity(ref: {argument}) {{ id name }}",
                1 => $" f{i}: search(text: {argument}, first: {random.Next(1, 201)}) {{ id }}",
                _ => $" f{i}: profile(entity: {argument}) {{ asOf }}",
            });
        }

        var query = asVariables ? $"query({string.Join(", ", declarations)}) {{{selections} }}" : $"{{{selections} }}";
        return JsonSerializer.Serialize(new { query, variables });
    }

    private static string Reference(Random random) => random.Next(7) switch
    {
        0 => new string([.. Enumerable.Range(0, random.Next(1, 2001)).Select(_ => (char)('a' + random.Next(26)))]),
        1 => $"syn-{(random.Next(2) == 0 ? "lab" : "chip")}-{random.Next(0, 20_000):D6}",
        2 => $"syn {random.Next(0, 100)}",
        3 => new string([.. Enumerable.Range(0, random.Next(1, 200)).Select(_ => (char)random.Next(1, 0xD7FF))]),
        4 => "\" OR 1=1 //",
        5 => "name:(a* OR b~) AND ~~~ \\ ' } MATCH (n) DETACH DELETE n //",
        _ => new string([.. "syn-regulation-000000".Select(c => random.Next(8) == 0 ? (char)('a' + random.Next(26)) : c)]),
    };

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
