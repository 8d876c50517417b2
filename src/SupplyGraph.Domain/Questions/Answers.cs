using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Questions;

/// <summary>A limit that cut an answer short.</summary>
public enum TraversalLimit
{
    MaxHops,
    MaxPaths,
    ExplorationBudget,
}

/// <summary>How much a question explored, and which limits cut it.</summary>
public sealed record Exploration(long Relationships, int Entities, int Depth, IReadOnlyList<TraversalLimit> CutBy)
{
    public bool Partial => CutBy.Count > 0;
}

/// <summary>A walk through the graph: entities in order, and the relationship between each pair (in its own direction).</summary>
public sealed record GraphPath(IReadOnlyList<Entity> Entities, IReadOnlyList<Relationship> Relationships)
{
    public int Length => Relationships.Count;

    /// <summary>The path as Cypher draws it, each relationship in its own direction:
    /// <c>(deepseek)-[:DEVELOPS]-&gt;(deepseek-v3)&lt;-[:HOSTS]-(huawei-cloud)</c>.</summary>
    public string Summary
    {
        get
        {
            var text = new System.Text.StringBuilder($"({Entities[0].Id})");
            for (var i = 0; i < Relationships.Count; i++)
            {
                var forward = Relationships[i].From.Id == Entities[i].Id;
                var type = Relationships[i].Type.Name();
                text.Append(forward ? $"-[:{type}]->" : $"<-[:{type}]-").Append('(').Append(Entities[i + 1].Id).Append(')');
            }

            return text.ToString();
        }
    }
}

public sealed record EntityProfile(Entity Entity, DateOnly AsOf, IReadOnlyList<Relationship> Relationships)
{
    /// <summary>Which state of the store answered: a Neo4j bookmark, or the embedded file's change counter; null when the store has none.</summary>
    public string? AnsweredAt { get; init; }
}

public sealed record StageGroup(SupplyChainStage Stage, IReadOnlyList<Entity> Entities);

public sealed record SupplyChainAnswer(
    Entity Focus,
    DateOnly AsOf,
    IReadOnlyList<StageGroup> Stages,
    IReadOnlyList<Relationship> Relationships,
    Exploration Explored)
{
    /// <summary>Which state of the store answered: a Neo4j bookmark, or the embedded file's change counter; null when the store has none.</summary>
    public string? AnsweredAt { get; init; }

    public bool Partial => Explored.Partial;
}

public sealed record ControlHit(Regulation Regulation, IReadOnlyList<GraphPath> Paths);

public sealed record ExportControlsAnswer(Entity Entity, DateOnly AsOf, IReadOnlyList<ControlHit> Hits, Exploration Explored)
{
    /// <summary>Which state of the store answered: a Neo4j bookmark, or the embedded file's change counter; null when the store has none.</summary>
    public string? AnsweredAt { get; init; }

    public bool Partial => Explored.Partial;
}

public sealed record ExposedEntity(Entity Entity, IReadOnlyList<GraphPath> Paths);

public sealed record ExposureAnswer(Regulation Regulation, DateOnly AsOf, bool InForce, IReadOnlyList<ExposedEntity> Exposed, Exploration Explored)
{
    /// <summary>Which state of the store answered: a Neo4j bookmark, or the embedded file's change counter; null when the store has none.</summary>
    public string? AnsweredAt { get; init; }

    public bool Partial => Explored.Partial;
}

public sealed record PathAnswer(Entity From, Entity To, DateOnly AsOf, IReadOnlyList<GraphPath> Paths, Exploration Explored)
{
    /// <summary>Which state of the store answered: a Neo4j bookmark, or the embedded file's change counter; null when the store has none.</summary>
    public string? AnsweredAt { get; init; }

    public bool Partial => Explored.Partial;
}
