using System.Text.Json;
using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Api.Tests.Seed;

/// <summary><c>Source.title</c> on the seed: the title the seed's <c>documents</c> list gives, null for a document it does not title.</summary>
[Collection(SeedCollection.Name)]
public sealed class SourceTitleTests(SeedHost host)
{
    [Fact]
    public async Task Sources_answer_the_title_the_seed_gives_their_document_and_null_for_the_others()
    {
        // arrange
        var titles = SeedDataset.Load().Documents.ToDictionary(document => document.Document, document => document.Title, StringComparer.Ordinal);

        // act
        var response = await host.Client.PostGraphQLAsync("""
            { profile(entity: "deepseek") { entity { sources { document title locator } } relationships { sources { document title } } } }
            """);

        // assert
        response.Errors.Should().BeEmpty(response.Text);
        var profile = response.Data.GetProperty("profile");
        var sources = profile.GetProperty("entity").Items("sources")
            .Concat(profile.Items("relationships").SelectMany(relationship => relationship.Items("sources")))
            .ToList();
        sources.Select(source => source.Str("document")).Should().Contain(titles.Keys, "DeepSeek's facts cite both seed documents");
        sources.Should().Contain(source => !titles.ContainsKey(source.Str("document")), "some of DeepSeek's facts cite the public record, which the seed does not title");
        foreach (var source in sources)
        {
            var title = source.GetProperty("title");
            var expected = titles.GetValueOrDefault(source.Str("document"));
            (title.ValueKind == JsonValueKind.Null ? null : title.GetString()).Should().Be(expected, source.Str("document"));
        }
    }
}
