using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Generator;

namespace SupplyGraph.Benchmarks.Workloads;

/// <summary>One headline question asked of one subject: in-process and as a GraphQL request.</summary>
public sealed record QuestionCase(string Name, string Question, string Subject, string? Target)
{
    /// <summary>Asks the question of a store, returning how many relationships the answer explored.</summary>
    public async Task<(long Explored, bool Partial)> AskAsync(ISupplyGraphStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var options = TraversalOptions.Create(asOf: QuestionSubjects.AsOf);
        switch (Question)
        {
            case "supplyChain":
                var chain = await store.SupplyChainAsync(new SupplyChainQuestion(Subject, options), cancellationToken);
                return (chain.Explored.Relationships, chain.Partial);
            case "exportControls":
                var controls = await store.ExportControlsAsync(new ExportControlsQuestion(Subject, options), cancellationToken);
                return (controls.Explored.Relationships, controls.Partial);
            case "exposure":
                var exposure = await store.ExposureAsync(new ExposureQuestion(Subject, options), cancellationToken);
                return (exposure.Explored.Relationships, exposure.Partial);
            case "paths":
                var paths = await store.PathsAsync(new PathsQuestion(Subject, Target!, null, options), cancellationToken);
                return (paths.Explored.Relationships, paths.Partial);
            default:
                throw new InvalidOperationException($"unknown question {Question}");
        }
    }

    /// <summary>
    /// The same question as a dashboard sends it: the fields a page shows. Exposure asks for one path per exposed
    /// entity: a broad rule on L exposes hundreds of thousands, and 25 paths each would be a response of gigabytes.
    /// </summary>
    public (string Query, Dictionary<string, object?> Variables) GraphQL() => Question switch
    {
        "supplyChain" => (
            "query($e: String!, $d: Date) { supplyChain(entity: $e, asOf: $d) { partial explored { relationships } stages { stage entities { id name } } relationships { id type from { id } to { id } status } } }",
            new() { ["e"] = Subject, ["d"] = QuestionSubjects.AsOfText }),
        "exportControls" => (
            "query($e: String!, $d: Date) { exportControls(entity: $e, asOf: $d) { partial explored { relationships } hits { regulation { id citation effective } paths { summary } } } }",
            new() { ["e"] = Subject, ["d"] = QuestionSubjects.AsOfText }),
        "exposure" => (
            "query($r: String!, $d: Date) { exposure(regulation: $r, asOf: $d, maxPaths: 1) { inForce partial explored { relationships } exposed { entity { id kind } paths { summary } } } }",
            new() { ["r"] = Subject, ["d"] = QuestionSubjects.AsOfText }),
        "paths" => (
            "query($f: String!, $t: String!, $d: Date) { paths(from: $f, to: $t, asOf: $d) { partial explored { relationships } paths { summary } } }",
            new() { ["f"] = Subject, ["t"] = Target, ["d"] = QuestionSubjects.AsOfText }),
        _ => throw new InvalidOperationException($"unknown question {Question}"),
    };
}

/// <summary>
/// Whom the headline questions are asked about: for each question a hub (the most connected subject of its tier,
/// rank 0 in the generator's Zipf order) and a leaf (the last rank). On the seed: DeepSeek and its neighbours.
/// </summary>
public static class QuestionSubjects
{
    public const string AsOfText = "2026-01-01";

    public static readonly DateOnly AsOf = new(2026, 1, 1);

    /// <summary>
    /// The cases, with the leaf regulation chosen as the last-ranked one that exposes anyone on <see cref="AsOf"/>
    /// (a rule not in force, or restricting nothing, gives an empty answer: nothing to time).
    /// <paramref name="exposesAnyone"/> asks the store (in-process) or the service (over HTTP).
    /// </summary>
    public static async Task<IReadOnlyList<QuestionCase>> ForAsync(BenchmarkSize size, Func<string, Task<bool>> exposesAnyone)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(exposesAnyone);
        var cases = For(size);
        if (size.Generated is null)
        {
            return cases;
        }

        var layout = SyntheticLayout.For(size.Generated);
        for (var rank = layout.Count(SyntheticTier.Regulation) - 1; rank > 0; rank--)
        {
            var id = layout.Id(SyntheticTier.Regulation, rank);
            if (await exposesAnyone(id))
            {
                return [.. cases.Select(question => question.Name == "exposure leaf regulation" ? question with { Subject = id } : question)];
            }
        }

        return cases;
    }

    public static IReadOnlyList<QuestionCase> For(BenchmarkSize size)
    {
        ArgumentNullException.ThrowIfNull(size);
        if (size.Generated is null)
        {
            return
            [
                new("supplyChain lab", "supplyChain", "deepseek", null),
                new("supplyChain model", "supplyChain", "deepseek-v3", null),
                new("exportControls lab", "exportControls", "deepseek", null),
                new("exportControls chip", "exportControls", "nvidia-h800", null),
                new("exposure broad rule", "exposure", "us-bis-2023-10-advanced-computing", null),
                new("exposure narrow rule", "exposure", "us-bis-2024-12-fdp-hbm", null),
                new("paths model to chip", "paths", "deepseek-v3", "nvidia-h800"),
                new("paths platform to toolmaker", "paths", "Hugging Face", "ASML"),
            ];
        }

        var layout = SyntheticLayout.For(size.Generated);
        string Hub(SyntheticTier tier) => layout.Id(tier, 0);
        string Leaf(SyntheticTier tier) => layout.Id(tier, layout.Count(tier) - 1);
        return
        [
            new("supplyChain hub lab", "supplyChain", Hub(SyntheticTier.AiLab), null),
            new("supplyChain leaf lab", "supplyChain", Leaf(SyntheticTier.AiLab), null),
            new("exportControls hub lab", "exportControls", Hub(SyntheticTier.AiLab), null),
            new("exportControls leaf lab", "exportControls", Leaf(SyntheticTier.AiLab), null),
            new("exposure hub regulation", "exposure", Hub(SyntheticTier.Regulation), null),
            new("exposure leaf regulation", "exposure", Leaf(SyntheticTier.Regulation), null),
            new("paths hub model to hub foundry", "paths", Hub(SyntheticTier.Model), Hub(SyntheticTier.Foundry)),
            new("paths leaf model to leaf foundry", "paths", Leaf(SyntheticTier.Model), Leaf(SyntheticTier.Foundry)),
        ];
    }
}
