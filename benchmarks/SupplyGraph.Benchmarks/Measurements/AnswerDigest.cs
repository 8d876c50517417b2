using SupplyGraph.Benchmarks.Workloads;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// What an answer says, as lines a person can read in a diff: the entity ids it lists and the summaries of its paths
/// (<c>(a)-[:T]-&gt;(b)</c>), in the answer's order; and whether it was cut short. Two stores answer the same question
/// alike when their digests are equal: the bookmark (<c>answeredAt</c>) and the timing are left out, they differ by design.
/// </summary>
public sealed record AnswerDigest(bool Partial, long Explored, IReadOnlyList<string> Lines)
{
    public static async Task<AnswerDigest> OfAsync(QuestionCase question, IGraphQueries store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(store);
        var options = TraversalOptions.Create(asOf: QuestionSubjects.AsOf);
        switch (question.Question)
        {
            case "supplyChain":
                var chain = await store.SupplyChainAsync(new SupplyChainQuestion(question.Subject, options), cancellationToken);
                return new AnswerDigest(
                    chain.Partial,
                    chain.Explored.Relationships,
                    [
                        $"focus {chain.Focus.Id}",
                        .. chain.Stages.Select(stage => $"stage {stage.Stage}: {string.Join(' ', stage.Entities.Select(entity => entity.Id))}"),
                        .. chain.Relationships.Select(relationship => $"relationship {relationship.Record.Key}"),
                    ]);
            case "exportControls":
                var controls = await store.ExportControlsAsync(new ExportControlsQuestion(question.Subject, options), cancellationToken);
                return new AnswerDigest(
                    controls.Partial,
                    controls.Explored.Relationships,
                    [.. controls.Hits.SelectMany(hit => hit.Paths.Select(path => $"{hit.Regulation.Id}: {path.Summary}").Prepend($"hit {hit.Regulation.Id}"))]);
            case "exposure":
                var exposure = await store.ExposureAsync(new ExposureQuestion(question.Subject, options), cancellationToken);
                return new AnswerDigest(
                    exposure.Partial,
                    exposure.Explored.Relationships,
                    [$"in force {exposure.InForce}", .. exposure.Exposed.SelectMany(exposed => exposed.Paths.Select(path => $"{exposed.Entity.Id}: {path.Summary}").Prepend($"exposed {exposed.Entity.Id}"))]);
            case "paths":
                var paths = await store.PathsAsync(new PathsQuestion(question.Subject, question.Target!, null, options), cancellationToken);
                return new AnswerDigest(paths.Partial, paths.Explored.Relationships, [.. paths.Paths.Select(path => path.Summary)]);
            default:
                throw new InvalidOperationException($"unknown question {question.Question}");
        }
    }

    /// <summary>
    /// Null when <paramref name="actual"/> says what <paramref name="expected"/> says (lines and partial flag; the
    /// explored count only informs); otherwise what differs, short enough for a table cell.
    /// </summary>
    public static string? Difference(AnswerDigest expected, AnswerDigest actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<string>();
        if (expected.Partial != actual.Partial)
        {
            differences.Add($"partial {(expected.Partial ? "yes" : "no")} in the embedded store, {(actual.Partial ? "yes" : "no")} in Neo4j");
        }

        if (!expected.Lines.SequenceEqual(actual.Lines, StringComparer.Ordinal))
        {
            var missing = expected.Lines.Except(actual.Lines, StringComparer.Ordinal).ToList();
            var extra = actual.Lines.Except(expected.Lines, StringComparer.Ordinal).ToList();
            differences.Add(missing.Count == 0 && extra.Count == 0
                ? $"the same {expected.Lines.Count} lines in another order (or repeated differently)"
                : $"{missing.Count} lines only in the embedded store{First(missing)}, {extra.Count} only in Neo4j{First(extra)}");
        }

        if (differences.Count > 0 && expected.Explored != actual.Explored)
        {
            differences.Add($"explored {expected.Explored} vs {actual.Explored} relationships");
        }

        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    private static string First(List<string> lines) => lines.Count == 0 ? string.Empty : $" (first: `{lines[0]}`)";
}
