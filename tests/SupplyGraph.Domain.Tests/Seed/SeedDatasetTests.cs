using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Testing;

namespace SupplyGraph.Domain.Tests.Seed;

/// <summary>The seed dataset, checked as a user of the product would check it.</summary>
public sealed class SeedDatasetTests
{
    private const string ProfileDocument = "000_eac32558cbc5d9ab.txt";
    private const string NoteDocument = "003_67bdc8ecb5f52f54.txt";
    private const string October2023Rule = "us-bis-2023-10-advanced-computing";

    private static readonly Dataset Seed = SeedDataset.Load();
    private static readonly GraphQuestions Questions = new(GraphIndex.Build(Seed.Entities, Seed.Relationships), TimeProvider.System);

    [Theory]
    [InlineData("deepseek")]
    [InlineData("high-flyer")]
    [InlineData("huawei-cloud")]
    [InlineData("alibaba-cloud")]
    [InlineData("tencent-cloud")]
    [InlineData("microsoft-azure")]
    [InlineData("hugging-face")]
    [InlineData("nvidia")]
    [InlineData("nvidia-h800")]
    [InlineData("nvidia-h100")]
    [InlineData("nvidia-h200")]
    [InlineData("huawei-ascend-910b")]
    [InlineData("huawei-ascend-910c")]
    [InlineData("alibaba-hanguang-800")]
    [InlineData("deepseek-v3")]
    [InlineData("deepseek-r1")]
    [InlineData("deepseek-r2")]
    [InlineData("qwen")]
    [InlineData("hunyuan")]
    [InlineData("bytedance")]
    [InlineData(October2023Rule)]
    public void The_seed_covers_what_the_seed_documents_name(string id)
    {
        Seed.Entities.Should().Contain(entity => entity.Id == id);
    }

    [Fact]
    public void The_chain_reaches_back_to_raw_silicon_equipment_foundries_and_memory()
    {
        var categories = Seed.Entities.OfType<Actor>().Select(actor => actor.Category).ToHashSet();

        categories.Should().Contain([ActorCategory.RawMaterials, ActorCategory.Equipment, ActorCategory.Foundry, ActorCategory.Memory]);
    }

    [Fact]
    public void Both_seed_documents_are_cited()
    {
        var documents = Seed.Entities.SelectMany(entity => entity.Sources)
            .Concat(Seed.Relationships.SelectMany(relationship => relationship.Sources))
            .Select(source => source.Document)
            .ToHashSet();

        documents.Should().Contain([ProfileDocument, NoteDocument]);
    }

    [Fact]
    public void Every_quote_from_a_seed_document_is_in_that_document()
    {
        // arrange
        var seedsFolder = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "seeds"));
        if (!Directory.Exists(seedsFolder))
        {
            Assert.Skip($"The seed documents are not beside the repository ({seedsFolder}); the quotes cannot be checked.");
        }

        var texts = new[] { ProfileDocument, NoteDocument }.ToDictionary(name => name, name => Normalize(File.ReadAllText(Path.Combine(seedsFolder, name))));
        var quotes = Seed.Entities.SelectMany(entity => entity.Sources.Select(source => (Owner: entity.Id, Source: source)))
            .Concat(Seed.Relationships.SelectMany(relationship => relationship.Sources.Select(source => (Owner: relationship.Key, Source: source))))
            .Where(item => texts.ContainsKey(item.Source.Document))
            .ToList();

        // act
        var missing = quotes
            .Where(item => item.Source.Locator.Split(" … ", StringSplitOptions.RemoveEmptyEntries).Any(part => !texts[item.Source.Document].Contains(Normalize(part.Trim('"', '“', '”', ' ')), StringComparison.Ordinal)))
            .Select(item => $"{item.Owner}: {item.Source.Locator}")
            .ToList();

        // assert
        quotes.Should().NotBeEmpty();
        missing.Should().BeEmpty("a locator that quotes a seed document must quote it exactly");
    }

    [Fact]
    public void The_October_2023_rule_touches_DeepSeek_through_DeepSeek_V3_and_its_H800_training_chips()
    {
        // act
        var answer = Questions.ExportControls(new ExportControlsQuestion("DeepSeek", TraversalOptions.Default));

        // assert
        var hit = answer.Hits.Should().ContainSingle(hit => hit.Regulation.Id == October2023Rule).Subject;
        hit.Paths.Select(PathText).Should().Contain($"deepseek > deepseek-v3 > nvidia-h800 > {October2023Rule}");
        var path = hit.Paths.First(path => PathText(path) == $"deepseek > deepseek-v3 > nvidia-h800 > {October2023Rule}");
        path.Relationships.Select(relationship => relationship.Type).Should().Equal(RelationshipType.Develops, RelationshipType.TrainedOn, RelationshipType.RestrictedBy);
        path.Relationships.Should().OnlyContain(relationship => relationship.Record.Sources.Count > 0);
        path.Relationships[1].Record.Note.Should().Contain("2,048");
    }

    [Fact]
    public void As_of_June_2023_the_October_2023_rule_does_not_touch_DeepSeek()
    {
        var answer = Questions.ExportControls(new ExportControlsQuestion("deepseek", TraversalOptions.Create(asOf: new DateOnly(2023, 6, 1))));

        answer.Hits.Select(hit => hit.Regulation.Id).Should().NotContain(October2023Rule);
    }

    [Fact]
    public void DeepSeek_runs_from_raw_materials_to_deployment_with_the_Chinese_clouds_upstream_and_Azure_and_Hugging_Face_downstream()
    {
        // act
        var answer = Questions.SupplyChain(new SupplyChainQuestion("deepseek", TraversalOptions.Default));

        // assert
        answer.Stages[0].Stage.Should().Be(SupplyChainStage.RawMaterials);
        answer.Stages[^1].Stage.Should().Be(SupplyChainStage.Deployment);
        answer.Stages.Select(stage => stage.Stage).Should().BeInAscendingOrder();
        Ids(answer, SupplyChainStage.Compute).Should().Contain(["huawei-cloud", "alibaba-cloud", "tencent-cloud"]);
        Ids(answer, SupplyChainStage.Deployment).Should().Contain(["microsoft-azure", "hugging-face"]);
        Ids(answer, SupplyChainStage.Chips).Should().Contain("nvidia-h800");
        Ids(answer, SupplyChainStage.Models).Should().Contain(["deepseek-v3", "deepseek-r1"]);
        answer.Partial.Should().BeFalse();
    }

    [Fact]
    public void DeepSeek_AI_resolves_to_DeepSeek()
    {
        Questions.Resolve("DeepSeek AI").Id.Should().Be("deepseek");
    }

    [Fact]
    public void The_October_2023_rule_exposes_DeepSeek()
    {
        var answer = Questions.Exposure(new ExposureQuestion(October2023Rule, TraversalOptions.Default));

        answer.Exposed.Select(exposed => exposed.Entity.Id).Should().Contain("deepseek");
    }

    [Fact]
    public void On_the_seed_exposure_is_the_exact_reverse_of_export_controls()
    {
        var touches = Seed.Entities
            .SelectMany(entity => Questions.ExportControls(new ExportControlsQuestion(entity.Id, TraversalOptions.Default)).Hits
                .Select(hit => (Entity: entity.Id, Regulation: hit.Regulation.Id)))
            .ToHashSet();
        var exposures = Seed.Entities.OfType<Regulation>()
            .SelectMany(regulation => Questions.Exposure(new ExposureQuestion(regulation.Id, TraversalOptions.Default)).Exposed
                .Select(exposed => (Entity: exposed.Entity.Id, Regulation: regulation.Id)))
            .ToHashSet();

        exposures.Except(touches).Should().BeEmpty();
        touches.Except(exposures).Should().BeEmpty();
    }

    private static string PathText(GraphPath path) => string.Join(" > ", path.Entities.Select(entity => entity.Id));

    private static IEnumerable<string> Ids(SupplyChainAnswer answer, SupplyChainStage stage) =>
        answer.Stages.Where(group => group.Stage == stage).SelectMany(group => group.Entities).Select(entity => entity.Id);

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
