using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using SupplyGraph.Benchmarks.Measurements;
using SupplyGraph.Benchmarks.Workloads;
using SupplyGraph.Domain.Questions;

namespace SupplyGraph.Benchmarks.Reporting;

/// <summary>
/// Writes benchmarks/RESULTS.md from the JSON results: the machine, every target with its measured value and a
/// verdict, then the tables. The hand-written findings (benchmarks/FINDINGS.md) are appended as they are.
/// </summary>
public static class ResultsReport
{
    private static readonly string[] Neo4jSizes = ["seed", "S", "M", "L"];

    private const string Neo4jHeading = "## Neo4j";

    private static readonly string[] Sizes = ["S", "M", "L"];

    public static string Write(BenchmarkPaths paths, string command)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var text = Render(paths, command);
        File.WriteAllText(paths.ResultsMarkdown, text);
        return paths.ResultsMarkdown;
    }

    public static string Render(BenchmarkPaths paths, string command)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var imports = Sizes.Select(size => ResultFiles.Read<ImportResult>(paths, "import", size)).OfType<ImportResult>().ToList();
        var starts = Sizes.Select(size => ResultFiles.Read<ColdStartResult>(paths, "coldstart", size)).OfType<ColdStartResult>().ToList();
        var questions = Sizes.Prepend("seed").Select(size => ResultFiles.Read<QuestionResults>(paths, "questions", size)).OfType<QuestionResults>().ToList();
        var http = Sizes.Prepend("seed").Select(size => ResultFiles.Read<HttpResult>(paths, "http", size)).OfType<HttpResult>().ToList();

        var md = new StringBuilder();
        md.AppendLine("# Benchmark results").AppendLine();
        md.AppendLine("Written by `bash benchmarks/run.sh` (see benchmarks/README.md); do not edit by hand: the findings come from benchmarks/FINDINGS.md.").AppendLine();
        md.AppendLine(Invariant($"- Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, `{command}`, commit {Commit(paths)}"));
        md.AppendLine(Invariant($"- Machine: {CpuModel()}, {Environment.ProcessorCount} cores, {MemoryGiB():F0} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}"));
        md.AppendLine();

        md.AppendLine("## Targets").AppendLine();
        md.AppendLine("| target | measured | verdict |").AppendLine("|---|---|---|");
        var dashboard = ResultFiles.Read<DashboardResult>(paths, "dashboard", "seed");
        foreach (var (target, measured, met) in Targets(imports, starts, questions, http).Concat(DashboardTargets(dashboard)))
        {
            md.AppendLine(Invariant($"| {target} | {measured} | {(met is null ? "not measured" : met.Value ? "met" : "**missed**")} |"));
        }

        md.AppendLine();
        md.AppendLine("## Import into an empty embedded store").AppendLine();
        md.AppendLine("Streamed from the generated file, validated as read, one transaction; timed until committed. Peak resident memory of the importing process. Index load = reading the new file into the in-memory index.").AppendLine();
        md.AppendLine("| size | entities | relationships | seconds | relationships/s | rows/s | peak resident | store file | index load |").AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var import in imports)
        {
            md.AppendLine(Invariant($"| {import.Size} | {import.Entities:N0} | {import.Relationships:N0} | {import.Seconds:F2} | {import.RelationshipsPerSecond:N0} | {import.RowsPerSecond:N0} | {MiB(import.PeakResidentBytes)} | {MiB(import.StoreFileBytes)} | {import.IndexLoadSeconds:F2} s |"));
        }

        md.AppendLine();
        md.AppendLine("## Cold start of the host on an existing store").AppendLine();
        md.AppendLine("`dotnet supplygraph.dll serve` started three times; seconds from process start until POST /graphql `{ __typename }` answers; resident memory then.").AppendLine();
        md.AppendLine("| size | relationships | runs (s) | median | resident when ready (max) |").AppendLine("|---|---:|---|---:|---:|");
        foreach (var start in starts)
        {
            md.AppendLine(Invariant($"| {start.Size} | {start.Relationships:N0} | {string.Join(", ", start.Runs.Select(run => run.SecondsUntilAnswer.ToString("F2", CultureInfo.InvariantCulture)))} | {start.MedianSeconds:F2} s | {MiB(start.MaxResidentBytes)} |"));
        }

        md.AppendLine();
        md.AppendLine("## Questions in-process (BenchmarkDotNet)").AppendLine();
        md.AppendLine("One answer per iteration (Monitoring strategy), so p50/p99 are of single answers. *Bare walk*: breadth-first over the same index from the same start, both directions, stopped after as many relationships as the answer explored; ratio = the question's time per explored relationship over the bare walk's.").AppendLine();
        foreach (var size in questions)
        {
            md.AppendLine(Invariant($"### {size.Size}: {size.Entities:N0} entities, {size.Relationships:N0} relationships")).AppendLine();
            md.AppendLine("| case | subject | explored | partial | p50 ms | p99 ms | allocated/answer | ns/relationship | bare ns/relationship | ratio |").AppendLine("|---|---|---:|---|---:|---:|---:|---:|---:|---:|");
            foreach (var row in size.Cases)
            {
                md.AppendLine(Invariant($"| {row.Case} | `{row.Subject}` | {row.Explored:N0} | {(row.Partial ? "yes" : "no")} | {row.P50Milliseconds:F3} | {row.P99Milliseconds:F3} | {KiB(row.AllocatedBytesPerAnswer)} | {row.NanosecondsPerRelationship:F1} | {row.BareNanosecondsPerRelationship:F1} | {row.CostOverBareWalk:F1} |"));
            }

            md.AppendLine();
        }

        md.AppendLine("## Over HTTP (autocannon, benchmarks/load)").AppendLine();
        md.AppendLine("Latency: one connection, sequential requests. Throughput: 32 connections; the mix cycles through the questions. Latency is measured per response in microseconds.").AppendLine();
        foreach (var size in http)
        {
            var floor = size.Runs.FirstOrDefault(run => run.Kind == "latency" && run.Name == "__typename");
            md.AppendLine(Invariant($"### {size.Size}")).AppendLine();
            md.AppendLine("| run | kind | connections | requests | requests/s | p50 ms | p99 ms | p50 / floor p50 | errors |").AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var run in size.Runs)
            {
                var ratio = floor is not null && run.Kind == "latency" ? (run.P50Ms / floor.P50Ms).ToString("F2", CultureInfo.InvariantCulture) : "";
                md.AppendLine(Invariant($"| {run.Name} | {run.Kind} | {run.Connections} | {run.Requests:N0} | {run.RequestsPerSecond:N0} | {run.P50Ms:F3} | {run.P99Ms:F3} | {ratio} | {run.Errors} |"));
            }

            md.AppendLine();
        }

        md.Append(OverheadReport.Section(ResultFiles.Read<OverheadResult>(paths, "overhead", "seed")));

        md.AppendLine("## Dashboard in Chromium").AppendLine();
        if (dashboard is null)
        {
            md.AppendLine("Not run.").AppendLine();
        }
        else
        {
            md.AppendLine(Invariant($"`{dashboard.Page}` on the seed, {dashboard.Runs} loads in fresh browser contexts ({dashboard.Browser}, headless): milliseconds from navigation start until every section has rendered; JS+CSS as shipped (gzip)."));
            md.AppendLine();
            md.AppendLine("| ready p50 ms | ready p95 ms | ready max ms | DOMContentLoaded p50 ms | dashboard JS+CSS gzip | GraphiQL JS+CSS gzip |").AppendLine("|---:|---:|---:|---:|---:|---:|");
            md.AppendLine(Invariant($"| {dashboard.ReadyP50Milliseconds:F0} | {dashboard.ReadyP95Milliseconds:F0} | {dashboard.ReadyMaxMilliseconds:F0} | {dashboard.DomContentLoadedP50Milliseconds:F0} | {dashboard.ShippedGzipBytes / 1024.0:F0} KiB | {dashboard.GraphiQLGzipBytes / 1024.0:F0} KiB |"));
            md.AppendLine();
        }

        md.Append(Neo4jSection(paths));

        var findings = Path.Combine(paths.Root, "FINDINGS.md");
        if (File.Exists(findings))
        {
            md.AppendLine(File.ReadAllText(findings).TrimEnd());
        }

        return md.ToString();
    }

    /// <summary>
    /// The Neo4j section: issue 19's targets with their verdicts, then per size the import, cold start, freshness and
    /// 8-client figures and each question against the embedded store, with the numbers recorded before issue 19
    /// (<c>neo4j-SIZE-before.json</c>) as the "before" of a "before → after" column.
    /// </summary>
    public static string Neo4jSection(BenchmarkPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var md = new StringBuilder();
        md.AppendLine(Neo4jHeading).AppendLine();
        md.AppendLine("`bench neo4j SIZE` on the server SUPPLYGRAPH_NEO4J_URI names (it **clears that database**): the size's dataset imported through the Neo4j store into the emptied database, once per batch size, timed to Neo4j's commit acknowledgement (the store then reads its projection again: shown apart); a new store on the database left, in process (`Neo4jGraphStore.Connect` + `InitializeAsync`) and as the service (`supplygraph serve`, SUPPLYGRAPH_STORE=neo4j, three starts, from process start until `entity(ref:)` answers, resident memory then); every question case asked of that store and of an in-memory embedded store with the same dataset, in turns (answers compared: entity ids, path summaries, partial flag); a description written through a separate Query API client, timed from sending it until the store's `ResolveAsync` shows it (polled every 10 ms); 8 clients over HTTP on the service for 20 s, sending the cases the embedded store answers under 50 ms. *Before*: the same case through the Neo4j store before issue 19 (questions as Cypher walks), from the recorded runs.").AppendLine();

        var runs = new List<Neo4jResult>();
        var sections = new StringBuilder();
        foreach (var name in Neo4jSizes)
        {
            var before = ResultFiles.Read<Neo4jBeforeResult>(paths, "neo4j", name + "-before");
            var path = ResultFiles.PathOf(paths, "neo4j", name);
            string? skipped = null;
            Neo4jResult? after = null;
            if (File.Exists(path))
            {
                if (File.ReadAllText(path).Contains("\"reason\"", StringComparison.Ordinal))
                {
                    skipped = ResultFiles.Read<SkippedResult>(paths, "neo4j", name)!.Reason;
                }
                else
                {
                    after = ResultFiles.Read<Neo4jResult>(paths, "neo4j", name);
                }
            }

            if (after is not null)
            {
                runs.Add(after);
            }

            if (before is not null || after is not null || skipped is not null)
            {
                sections.Append(Neo4jSize(name, before, after, skipped));
            }
        }

        md.AppendLine("### Targets (issue 19)").AppendLine();
        md.AppendLine("| target | measured | verdict |").AppendLine("|---|---|---|");
        foreach (var (target, measured, met) in Neo4jTargets.Judge(runs))
        {
            md.AppendLine(Invariant($"| {target} | {Cell(measured)} | {(met is null ? "not measured" : met.Value ? "met" : "**missed**")} |"));
        }

        md.AppendLine();
        md.Append(sections.Length == 0 ? "Not run." + Environment.NewLine + Environment.NewLine : sections.ToString());
        return md.ToString();
    }

    private static string Neo4jSize(string name, Neo4jBeforeResult? before, Neo4jResult? after, string? skipped)
    {
        var md = new StringBuilder();
        if (after is null)
        {
            md.AppendLine(Invariant($"### {name}: {(skipped is null ? "not measured since issue 19" : "skipped")}")).AppendLine();
            if (skipped is not null)
            {
                md.AppendLine(skipped).AppendLine();
            }

            if (before is not null)
            {
                md.AppendLine(Invariant($"Before ({before.Server}): import {before.ImportSeconds:F1} s, {before.RelationshipsPerSecond:N0} relationships/s.")).AppendLine();
                md.AppendLine("| case | Neo4j p50 ms (before → after) | Neo4j p99 ms (before → after) |").AppendLine("|---|---:|---:|");
                foreach (var row in before.Cases)
                {
                    md.AppendLine(Invariant($"| {row.Case} | {Arrow(row.StoreP50Milliseconds, null)} | {Arrow(row.StoreP99Milliseconds, null)} |"));
                }

                md.AppendLine();
            }

            return md.ToString();
        }

        md.AppendLine(Invariant($"### {after.Size}: {after.Entities:N0} entities, {after.Relationships:N0} relationships")).AppendLine();
        md.AppendLine(Invariant($"{after.Server}; answers at bookmark `{after.AnsweredAt ?? "none"}`.{(before is null ? string.Empty : $" Before: {before.Server}.")}")).AppendLine();
        md.AppendLine("| import batch size | to the commit | relationships/s (before → after) | projection read after it |").AppendLine("|---:|---:|---:|---:|");
        foreach (var import in after.Imports)
        {
            var earlier = import.BatchSize == Neo4jTargets.DefaultImportBatchSize ? before?.RelationshipsPerSecond : null;
            md.AppendLine(Invariant($"| {import.BatchSize} | {import.CommitSeconds:F2} s | {Arrow(earlier, import.RelationshipsPerSecond, "N0")} | {import.ProjectionReadSeconds:F2} s |"));
        }

        md.AppendLine();
        md.AppendLine(Invariant($"Cold start: {Neo4jTargets.ColdStartText(after.ColdStart)}{(after.ColdStart.ServiceRuns.Count > 1 ? $" (runs {string.Join(", ", after.ColdStart.ServiceRuns.Select(run => run.SecondsUntilAnswer.ToString("F2", CultureInfo.InvariantCulture)))} s)" : string.Empty)}."));
        md.AppendLine();
        if (after.Freshness is { } freshness)
        {
            md.AppendLine(Invariant($"Freshness ({freshness.Property} of `{freshness.Entity}`, from sending the write): {Neo4jTargets.FreshnessText(freshness)}; the writes themselves took {string.Join(", ", freshness.Trials.Select(trial => trial.WriteMilliseconds.ToString("F0", CultureInfo.InvariantCulture)))} ms."));
            md.AppendLine();
        }

        if (after.Clients is { } clients)
        {
            md.AppendLine(Invariant($"{clients.Clients} clients over HTTP: {Neo4jTargets.ClientsText(clients)}; by status: {string.Join(", ", clients.ByStatus.Select(pair => $"{pair.Key}: {pair.Value:N0}"))}; cases: {string.Join(", ", clients.Cases)}."));
            md.AppendLine();
        }

        var earlierCases = before?.Cases.ToDictionary(row => row.Case) ?? [];
        md.AppendLine("| case | samples | explored | partial | embedded p50 / p99 ms | Neo4j p50 ms (before → after) | Neo4j p99 ms (before → after) | allowed p50 ms | same answer |").AppendLine("|---|---:|---:|---|---:|---:|---:|---:|---|");
        foreach (var row in after.Cases)
        {
            var earlier = earlierCases.GetValueOrDefault(row.Case);
            md.AppendLine(Invariant($"| {row.Case} | {row.Samples} | {row.Explored:N0} | {(row.Partial ? "yes" : "no")} | {row.EmbeddedP50Milliseconds:F2} / {row.EmbeddedP99Milliseconds:F2} | {Arrow(earlier?.StoreP50Milliseconds, row.Neo4jP50Milliseconds)}{(row.WithinAllowedP50 ? string.Empty : " **over**")} | {Arrow(earlier?.StoreP99Milliseconds, row.Neo4jP99Milliseconds)} | {row.AllowedP50Milliseconds:F2} | {(row.Mismatch is null ? "yes" : "**no**: " + Cell(row.Mismatch))} |"));
        }

        md.AppendLine();
        return md.ToString();
    }

    /// <summary>"before → after", a dash for the side not measured.</summary>
    public static string Arrow(double? before, double? after, string format = "F2") =>
        $"{before?.ToString(format, CultureInfo.InvariantCulture) ?? "-"} → {after?.ToString(format, CultureInfo.InvariantCulture) ?? "-"}";

    /// <summary>Text safe inside a Markdown table cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    /// <summary>The dashboard's targets: the DeepSeek page interactive within 1 s, its JS+CSS at most 500 KB gzipped.</summary>
    public static IEnumerable<(string Target, string Measured, bool? Met)> DashboardTargets(DashboardResult? dashboard)
    {
        yield return ("Dashboard: the DeepSeek page interactive within 1 s on the seed (Chromium, p95 of fresh loads)",
            dashboard is null ? "-" : Invariant($"{dashboard.ReadyP95Milliseconds:F0} ms p95, {dashboard.ReadyP50Milliseconds:F0} ms p50 ({dashboard.Runs} loads)"),
            dashboard is null ? null : dashboard.ReadyP95Milliseconds <= 1000);
        yield return ("Dashboard: JS+CSS shipped <= 500 KB gzipped",
            dashboard is null ? "-" : Invariant($"{dashboard.ShippedGzipBytes / 1000.0:F0} KB"),
            dashboard is null ? null : dashboard.ShippedGzipBytes <= 500_000);
    }

    /// <summary>Each target of the scale issue with what was measured; null verdict when not measured.</summary>
    public static IEnumerable<(string Target, string Measured, bool? Met)> Targets(
        IReadOnlyList<ImportResult> imports,
        IReadOnlyList<ColdStartResult> starts,
        IReadOnlyList<QuestionResults> questions,
        IReadOnlyList<HttpResult> http)
    {
        ArgumentNullException.ThrowIfNull(imports);
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(http);
        var importL = imports.FirstOrDefault(result => result.Size == "L");
        yield return ("L import into an empty embedded store >= 200,000 relationships/s",
            importL is null ? "-" : Invariant($"{importL.RelationshipsPerSecond:N0}/s ({importL.Relationships:N0} in {importL.Seconds:F1} s)"),
            importL?.RelationshipsPerSecond >= 200_000);

        var startL = starts.FirstOrDefault(result => result.Size == "L");
        yield return ("Cold start on the L store <= 15 s", startL is null ? "-" : Invariant($"{startL.MedianSeconds:F1} s (median of {startL.Runs.Count})"), startL?.MedianSeconds <= 15);
        yield return ("Cold start on the L store <= 3 GB resident", startL is null ? "-" : MiB(startL.MaxResidentBytes), startL?.MaxResidentBytes <= 3L * 1024 * 1024 * 1024);

        var generated = questions.Where(size => size.Size != "seed").SelectMany(size => size.Cases).ToList();
        foreach (var question in new[] { "supplyChain", "exportControls", "exposure", "paths" })
        {
            var cases = generated.Where(row => row.Question == question).ToList();
            var worst = cases.OrderByDescending(row => row.CostOverBareWalk).FirstOrDefault();
            yield return (Invariant($"{question}: cost per explored relationship <= 5x the bare walk (every case, S/M/L)"),
                worst is null ? "-" : Invariant($"worst {worst.CostOverBareWalk:F1}x ({worst.Size} {worst.Case}, {worst.Explored:N0} relationships); hub cases {string.Join(", ", cases.Where(row => row.Case.Contains("hub", StringComparison.Ordinal)).Select(row => Invariant($"{row.Size} {row.CostOverBareWalk:F1}x")))}"),
                worst is null ? null : worst.CostOverBareWalk <= 5);

            var onS = cases.Where(row => row.Size == "S").ToDictionary(row => row.Case);
            var pairs = cases.Where(row => row.Size == "L" && onS.ContainsKey(row.Case)).Select(row => (L: row, S: onS[row.Case])).ToList();
            var worstGrowth = pairs.OrderByDescending(pair => pair.L.NanosecondsPerRelationship / pair.S.NanosecondsPerRelationship).FirstOrDefault();
            yield return (Invariant($"{question}: time per explored relationship on L <= 2x on S"),
                pairs.Count == 0 ? "-" : string.Join("; ", pairs.Select(pair => Invariant($"{pair.L.Case}: {pair.L.NanosecondsPerRelationship:F1} vs {pair.S.NanosecondsPerRelationship:F1} ns = {pair.L.NanosecondsPerRelationship / pair.S.NanosecondsPerRelationship:F2}x"))),
                pairs.Count == 0 ? null : worstGrowth.L.NanosecondsPerRelationship <= 2 * worstGrowth.S.NanosecondsPerRelationship);
        }

        var partial = generated.Where(row => row.Partial).ToList();
        yield return (Invariant($"A hub past the cap ({QueryLimits.ExplorationBudget:N0} relationships) answers partial within the cap's time (the cap at 5x the bare walk's rate)"),
            partial.Count == 0 ? "no generated answer reached a cap" : string.Join("; ", partial.Select(row => Invariant($"{row.Size} {row.Case}: p99 {row.P99Milliseconds:F0} ms, cap time {CapMilliseconds(row):F0} ms"))),
            partial.Count == 0 ? null : partial.All(row => row.P99Milliseconds <= CapMilliseconds(row)));

        var seed = http.FirstOrDefault(result => result.Size == "seed");
        var floorLatency = seed?.Runs.FirstOrDefault(run => run.Kind == "latency" && run.Name == "__typename");
        var seedQuestions = seed?.Runs.Where(run => run.Kind == "latency" && run.Name != "__typename").ToList() ?? [];
        var slowest = seedQuestions.OrderByDescending(run => run.P50Ms).FirstOrDefault();
        yield return ("Seed over HTTP: each question's p50 <= 2x the `{ __typename }` p50",
            slowest is null || floorLatency is null ? "-" : Invariant($"floor {floorLatency.P50Ms:F3} ms; slowest {slowest.Name} {slowest.P50Ms:F3} ms = {slowest.P50Ms / floorLatency.P50Ms:F2}x"),
            slowest is null || floorLatency is null ? null : slowest.P50Ms <= 2 * floorLatency.P50Ms);
        var floorThroughput = seed?.Runs.FirstOrDefault(run => run.Kind == "throughput" && run.Name.Contains("floor", StringComparison.Ordinal));
        var mix = seed?.Runs.FirstOrDefault(run => run.Kind == "throughput" && run.Name.StartsWith("mix", StringComparison.Ordinal));
        yield return ("Seed over HTTP: the mix's requests/s (32 clients, 30 s, zero errors) >= 50% of the floor's",
            mix is null || floorThroughput is null ? "-" : Invariant($"mix {mix.RequestsPerSecond:N0}/s ({mix.Errors} errors) vs floor {floorThroughput.RequestsPerSecond:N0}/s = {100 * mix.RequestsPerSecond / floorThroughput.RequestsPerSecond:F0}%"),
            mix is null || floorThroughput is null ? null : mix.Errors == 0 && mix.RequestsPerSecond >= 0.5 * floorThroughput.RequestsPerSecond);
    }

    private static double CapMilliseconds(QuestionResult row) =>
        QueryLimits.ExplorationBudget * row.BareNanosecondsPerRelationship * 5 / 1e6;

    private static string MiB(long bytes) => bytes < 0 ? "-" : Invariant($"{bytes / 1048576.0:N0} MiB");

    private static string KiB(long bytes) => bytes < 0 ? "-" : Invariant($"{bytes / 1024.0:N1} KiB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        var line = File.Exists(CpuInfo) ? File.ReadLines(CpuInfo).FirstOrDefault(text => text.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static double MemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);

    private static string Commit(BenchmarkPaths paths)
    {
        var head = Path.Combine(paths.RepositoryRoot, ".git", "HEAD");
        if (!File.Exists(head))
        {
            return "unknown";
        }

        var reference = File.ReadAllText(head).Trim();
        if (!reference.StartsWith("ref: ", StringComparison.Ordinal))
        {
            return reference[..Math.Min(10, reference.Length)];
        }

        var file = Path.Combine(paths.RepositoryRoot, ".git", reference[5..]);
        return File.Exists(file) ? File.ReadAllText(file).Trim()[..10] : "unknown";
    }
}
