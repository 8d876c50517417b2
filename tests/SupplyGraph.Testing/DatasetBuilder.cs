using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Testing;

/// <summary>Builds small datasets in code for tests: every fact gets a test source.</summary>
public sealed class DatasetBuilder(string name = "test")
{
    private static readonly IReadOnlyList<Source> TestSource = [new Source("test-fixture", "built in code")];
    private readonly List<Entity> entities = [];
    private readonly List<RelationshipRecord> relationships = [];

    public DatasetBuilder Actor(string id, ActorCategory category, string? name = null, params string[] aliases)
    {
        entities.Add(new Actor { Id = id, Name = name ?? id, Aliases = aliases, Category = category, Sources = TestSource });
        return this;
    }

    public DatasetBuilder Chip(string id, string? designer = null)
    {
        entities.Add(new Chip { Id = id, Name = id, Designer = designer, Sources = TestSource });
        return this;
    }

    public DatasetBuilder Model(string id, string? developer = null, params string[] aliases)
    {
        entities.Add(new Model { Id = id, Name = id, Developer = developer, Aliases = aliases, Sources = TestSource });
        return this;
    }

    public DatasetBuilder Regulation(string id, DateOnly effective, DateOnly? rescinded = null)
    {
        entities.Add(new Regulation
        {
            Id = id,
            Name = id,
            Issuer = "regulator",
            Jurisdiction = "US",
            Effective = effective,
            Rescinded = rescinded,
            Citation = $"{id} citation",
            Summary = $"{id} summary",
            Sources = TestSource,
        });
        return this;
    }

    /// <summary>A regulation in force since 2023-01-01 with the given citation (and name and aliases, for resolution tests).</summary>
    public DatasetBuilder CitedRegulation(string id, string citation, string? name = null, params string[] aliases)
    {
        entities.Add(new Regulation
        {
            Id = id,
            Name = name ?? id,
            Aliases = aliases,
            Issuer = "regulator",
            Jurisdiction = "US",
            Effective = new DateOnly(2023, 1, 1),
            Citation = citation,
            Summary = $"{id} summary",
            Sources = TestSource,
        });
        return this;
    }

    public DatasetBuilder Link(string from, RelationshipType type, string to, DateOnly? validFrom = null, DateOnly? validTo = null, RelationshipStatus status = RelationshipStatus.Confirmed, string? note = null, string? key = null)
    {
        relationships.Add(new RelationshipRecord
        {
            Key = key ?? RelationshipRecord.DefaultKey(from, type, to),
            Type = type,
            From = from,
            To = to,
            ValidFrom = validFrom,
            ValidTo = validTo,
            Status = status,
            Note = note,
            Sources = TestSource,
        });
        return this;
    }

    public Dataset Build() => new(name, null, [.. entities], [.. relationships]);
}
