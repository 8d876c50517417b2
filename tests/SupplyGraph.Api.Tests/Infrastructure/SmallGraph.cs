using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Api.Tests.Infrastructure;

/// <summary>
/// A small chain with one entity in every stage, built in C# so the tests do not need the seed:
/// quartz and litho supply the foundry, which fabricates the GPU the lab's model is trained on; the GPU is
/// restricted by a rule effective 2023-10-17; the model is served on a platform and on a second cloud.
/// </summary>
public static class SmallGraph
{
    public const string Quartz = "quartz-mining";
    public const string Litho = "litho-tools";
    public const string Foundry = "fab-one";
    public const string Designer = "gpu-designer";
    public const string Gpu = "gpu-x100";
    public const string ComputeCloud = "compute-cloud";
    public const string Fund = "big-fund";
    public const string Lab = "acme-ai";
    public const string Model = "acme-1";
    public const string Platform = "model-hub";
    public const string ServingCloud = "serving-cloud";
    public const string Regulator = "export-office";
    public const string Rule = "chip-rule-2023";
    public const string TwinA = "twin-a";
    public const string TwinB = "twin-b";

    public static readonly DateOnly RuleEffective = new(2023, 10, 17);

    public static Dataset Dataset { get; } = Build();

    public static string Key(string from, RelationshipType type, string to) => RelationshipRecord.DefaultKey(from, type, to);

    private static Dataset Build()
    {
        Entity[] entities =
        [
            Actor(Quartz, "Quartz Mining", ActorCategory.RawMaterials),
            Actor(Litho, "Litho Tools", ActorCategory.Equipment),
            Actor(Foundry, "Fab One", ActorCategory.Foundry),
            Actor(Designer, "GPU Designer", ActorCategory.ChipDesigner),
            Actor(ComputeCloud, "Compute Cloud", ActorCategory.CloudProvider),
            Actor(Fund, "Big Fund", ActorCategory.Investor),
            Actor(Lab, "Acme AI", ActorCategory.AiLab) with { Aliases = ["Acme Labs"], Country = "CN", Website = "acme.example" },
            Actor(Platform, "Model Hub", ActorCategory.DeploymentPlatform),
            Actor(ServingCloud, "Serving Cloud", ActorCategory.CloudProvider),
            Actor(Regulator, "Export Office", ActorCategory.Regulator),
            Actor(TwinA, "Twin Alpha", ActorCategory.Investor) with { Aliases = ["Twin"] },
            Actor(TwinB, "Twin Beta", ActorCategory.Investor) with { Aliases = ["Twin"] },
            new Chip
            {
                Id = Gpu,
                Name = "GPU X100",
                Designer = Designer,
                Foundries = [Foundry],
                Process = "7 nm",
                Sources = [Cite("GPU X100")],
            },
            new Model
            {
                Id = Model,
                Name = "Acme 1",
                Developer = Lab,
                ReleaseDate = new DateOnly(2024, 12, 26),
                Parameters = 671_000_000_000,
                ActiveParameters = 37_000_000_000,
                Sources = [Cite("Acme 1")],
            },
            new Regulation
            {
                Id = Rule,
                Name = "Chip Rule 2023",
                Issuer = Regulator,
                Jurisdiction = "US",
                Announced = new DateOnly(2023, 10, 17),
                Effective = RuleEffective,
                Citation = "88 FR 73458",
                Summary = "Restricts advanced computing chips.",
                Sources = [Cite("Chip Rule 2023")],
            },
        ];

        RelationshipRecord[] relationships =
        [
            Relation(Quartz, RelationshipType.Supplies, Foundry),
            Relation(Litho, RelationshipType.Supplies, Foundry),
            Relation(Foundry, RelationshipType.Fabricates, Gpu),
            Relation(Designer, RelationshipType.Designs, Gpu),
            Relation(ComputeCloud, RelationshipType.Hosts, Lab),
            Relation(Lab, RelationshipType.BackedBy, Fund),
            Relation(Lab, RelationshipType.Develops, Model),
            Relation(Model, RelationshipType.TrainedOn, Gpu) with { Note = "~2,048 GPUs", Status = RelationshipStatus.Reported },
            Relation(Model, RelationshipType.AvailableOn, Platform),
            Relation(Model, RelationshipType.AvailableOn, ServingCloud),
            Relation(Gpu, RelationshipType.RestrictedBy, Rule) with { ValidFrom = RuleEffective },
            Relation(Rule, RelationshipType.IssuedBy, Regulator),
        ];

        return new Dataset("small-test-graph", "A small chain built by the API tests.", entities, relationships);
    }

    private static Actor Actor(string id, string name, ActorCategory category) =>
        new() { Id = id, Name = name, Category = category, Sources = [Cite(name)] };

    private static RelationshipRecord Relation(string from, RelationshipType type, string to) => new()
    {
        Key = Key(from, type, to),
        Type = type,
        From = from,
        To = to,
        Status = RelationshipStatus.Confirmed,
        Sources = [new Source("test-document.txt", $"{from} {type.Name()} {to}", "https://example.test/doc")],
    };

    private static Source Cite(string what) => new("test-document.txt", what);
}
