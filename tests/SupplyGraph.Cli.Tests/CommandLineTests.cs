using System.Text.Json;
using System.Text.RegularExpressions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Formats.Json;
using SupplyGraph.Testing;

namespace SupplyGraph.Cli.Tests;

/// <summary>The verbs end to end, in process: what they print, what they store, what they exit with.</summary>
public sealed partial class CommandLineTests : IDisposable
{
    private static readonly Dataset Seed = SeedDataset.Load();
    private static readonly string SeedFile = RepositoryPaths.Combine("datasets", "seed.json");
    private readonly CliRun cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Every_verb_has_help_with_an_example()
    {
        // arrange
        var verbs = SupplyGraphCommandLine.Create(new CliConsole { Out = TextWriter.Null, Error = TextWriter.Null }).Subcommands.Select(command => command.Name).ToList();

        foreach (var verb in verbs)
        {
            // act
            var result = await CliRun.RunAsync(verb, "--help");

            // assert
            result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
            result.Out.Should().Contain("Example", $"supplygraph {verb} --help shows an example").And.Contain($"supplygraph {verb}");
        }

        verbs.Should().Contain(["serve", "import", "validate", "export", "generate", "trace", "controls", "exposure", "paths", "changes"]);
    }

    [Fact]
    public async Task A_mistyped_verb_is_a_usage_error_and_starts_no_server()
    {
        // act
        var result = await CliRun.RunAsync("improt", "datasets/seed.json");

        // assert
        result.ExitCode.Should().Be(ExitCodes.Usage, result.ToString());
        result.Error.Should().Contain("improt");
    }

    [Fact]
    public async Task Import_reports_what_it_added_and_a_second_import_changes_nothing()
    {
        // act
        var first = await cli.InStoreAsync("store", "import", SeedFile);
        var second = await cli.InStoreAsync("store", "import", SeedFile);

        // assert
        first.ExitCode.Should().Be(ExitCodes.Success, first.ToString());
        first.Out.Should().Contain($"entities:      {Seed.Entities.Count} added, 0 updated, 0 unchanged")
            .And.Contain($"relationships: {Seed.Relationships.Count} added, 0 updated, 0 unchanged");
        second.Out.Should().Contain($"entities:      0 added, 0 updated, {Seed.Entities.Count} unchanged")
            .And.Contain($"relationships: 0 added, 0 updated, {Seed.Relationships.Count} unchanged");
    }

    [Fact]
    public async Task A_dry_run_reports_what_the_import_would_add_and_writes_nothing()
    {
        // act
        var dryRun = await cli.InStoreAsync("store", "import", SeedFile, "--dry-run");
        var export = await cli.InStoreAsync("store", "export", "--format", "json", "--out", cli.Path("after.json"));

        // assert
        dryRun.ExitCode.Should().Be(ExitCodes.Success, dryRun.ToString());
        dryRun.Out.Should().Contain("dry run, nothing written").And.Contain($"entities:      {Seed.Entities.Count} added");
        export.ExitCode.Should().Be(ExitCodes.Success, export.ToString());
        DatasetReader.Read(cli.Path("after.json")).Entities.Should().BeEmpty();
    }

    [Fact]
    public async Task A_json_export_imported_into_an_empty_store_exports_identically()
    {
        // arrange
        await cli.InStoreAsync("first", "import", SeedFile);

        // act
        await cli.InStoreAsync("first", "export", "--format", "json", "--out", cli.Path("first.json"));
        var import = await cli.InStoreAsync("second", "import", cli.Path("first.json"));
        await cli.InStoreAsync("second", "export", "--format", "json", "--out", cli.Path("second.json"));

        // assert
        import.Out.Should().Contain($"entities:      {Seed.Entities.Count} added");
        File.ReadAllBytes(cli.Path("second.json")).Should().Equal(File.ReadAllBytes(cli.Path("first.json")));
        DatasetJsonText(DatasetReader.Read(cli.Path("first.json"))).Should().Be(DatasetJsonText(Sorted(Seed)), "the export holds the dataset it was imported from");
    }

    [Fact]
    public async Task A_csv_export_imports_as_the_same_graph()
    {
        // arrange
        await cli.InStoreAsync("first", "import", SeedFile);

        // act
        var export = await cli.InStoreAsync("first", "export", "--format", "csv", "--out", cli.Path("csv"));
        var files = Directory.GetFiles(cli.Path("csv"), "*.csv");
        var import = await cli.InStoreAsync("second", ["import", .. files]);
        await cli.InStoreAsync("first", "export", "--format", "json", "--out", cli.Path("first.json"));
        await cli.InStoreAsync("second", "export", "--format", "json", "--out", cli.Path("second.json"));

        // assert
        export.ExitCode.Should().Be(ExitCodes.Success, export.ToString());
        File.Exists(cli.Path("csv/neo4j-admin-import.txt")).Should().BeTrue();
        import.ExitCode.Should().Be(ExitCodes.Success, import.ToString());
        // CSV has no place for document titles (datasets/README.md, "Documents"): the graph is what round-trips.
        var first = DatasetReader.Read(cli.Path("first.json"));
        var second = DatasetReader.Read(cli.Path("second.json"));
        first.Documents.Should().NotBeEmpty();
        second.Documents.Should().BeEmpty();
        DatasetJsonText(second).Should().Be(DatasetJsonText(first with { Documents = [] }));
    }

    [Fact]
    public async Task A_cypher_export_of_a_neighbourhood_merges_each_of_its_entities()
    {
        // arrange
        await cli.InStoreAsync("store", "import", SeedFile);
        var graph = GraphIndex.Build(Seed.Entities, Seed.Relationships);
        var expected = Domain.Exporting.GraphExport.Neighbourhood(graph, "deepseek", 1).Select(node => graph.Node(node).Id).ToList();

        // act
        var result = await cli.InStoreAsync("store", "export", "--format", "cypher", "--entity", "DeepSeek", "--hops", "1");

        // assert
        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        var merged = MergedEntityIds().Matches(result.Out).Select(match => match.Groups[1].Value).ToList();
        merged.Should().BeEquivalentTo(expected);
        result.Error.Should().Contain($"exported {expected.Count} entities");
    }

    [Fact]
    public async Task Validate_prints_each_error_as_file_line_column_and_exits_1()
    {
        // arrange
        var text = File.ReadAllText(SeedFile);
        var broken = "\"effective\": \"2023-02-30\"";
        var original = FirstEffective().Match(text).Value;
        var bad = text.Replace(original, broken, StringComparison.Ordinal);
        var expectedLine = bad[..bad.IndexOf(broken, StringComparison.Ordinal)].Count(character => character == '\n') + 1;
        File.WriteAllText(cli.Path("bad.json"), bad);

        // act
        var invalid = await CliRun.RunAsync("validate", cli.Path("bad.json"));
        var valid = await CliRun.RunAsync("validate", SeedFile);

        // assert
        invalid.ExitCode.Should().Be(ExitCodes.InvalidInput, invalid.ToString());
        invalid.OutLines.Should().HaveCount(2);
        invalid.OutLines[0].Should().MatchRegex($@"^{Regex.Escape(cli.Path("bad.json"))}:{expectedLine}:\d+: \$\.entities\[\d+\]\.effective: .*2023-02-30");
        invalid.OutLines[1].Should().Be("bad.json: invalid (1 errors)");
        valid.ExitCode.Should().Be(ExitCodes.Success, valid.ToString());
        valid.Error.Should().BeEmpty("the summary is the verb's answer, on standard output");
        valid.Out.Should().Contain($"{Seed.Entities.Count} entities, {Seed.Relationships.Count} relationships");
    }

    [Fact]
    public async Task An_invalid_input_stops_the_import_and_keeps_the_inputs_before_it()
    {
        // arrange
        File.WriteAllText(cli.Path("empty.json"), "");

        // act
        var result = await cli.InStoreAsync("store", "import", SeedFile, cli.Path("empty.json"));
        var export = await cli.InStoreAsync("store", "export", "--format", "json", "--out", cli.Path("after.json"));

        // assert
        result.ExitCode.Should().Be(ExitCodes.InvalidInput, result.ToString());
        result.Error.Should().Contain("empty.json:").And.Contain("nothing from it was stored");
        export.ExitCode.Should().Be(ExitCodes.Success, export.ToString());
        DatasetReader.Read(cli.Path("after.json")).Entities.Should().HaveCount(Seed.Entities.Count);
    }

    [Fact]
    public async Task Controls_answers_as_the_domain_does_as_json_and_as_a_table()
    {
        // arrange
        await cli.InStoreAsync("store", "import", SeedFile);
        var asOf = new DateOnly(2025, 6, 1);
        var expected = Questions().ExportControls(new ExportControlsQuestion("deepseek", TraversalOptions.Create(asOf)), TestContext.Current.CancellationToken)
            .Hits.Select(hit => hit.Regulation.Id).ToList();

        // act
        var json = await cli.InStoreAsync("store", "controls", "deepseek", "--as-of", "2025-06-01", "--json");
        var table = await cli.InStoreAsync("store", "controls", "deepseek", "--as-of", "2025-06-01");

        // assert
        json.ExitCode.Should().Be(ExitCodes.Success, json.ToString());
        using var answer = JsonDocument.Parse(json.Out);
        answer.RootElement.GetProperty("hits").EnumerateArray().Select(hit => hit.GetProperty("regulation").GetProperty("id").GetString())
            .Should().Equal(expected);
        expected.Should().NotBeEmpty();
        foreach (var id in expected)
        {
            table.Out.Should().Contain(id);
        }
    }

    [Fact]
    public async Task Trace_exposure_and_paths_answer_as_the_domain_does()
    {
        // arrange
        await cli.InStoreAsync("store", "import", SeedFile);
        var asOf = TraversalOptions.Create(new DateOnly(2025, 6, 1), maxPaths: 3);
        var token = TestContext.Current.CancellationToken;
        var chain = Questions().SupplyChain(new SupplyChainQuestion("deepseek", asOf), token);
        var exposure = Questions().Exposure(new ExposureQuestion("us-bis-2023-10-advanced-computing", asOf), token);
        var paths = Questions().Paths(new PathsQuestion("tsmc", "deepseek", null, asOf), token);

        // act
        var trace = await cli.InStoreAsync("store", "trace", "deepseek", "--as-of", "2025-06-01", "--json");
        var exposed = await cli.InStoreAsync("store", "exposure", "us-bis-2023-10-advanced-computing", "--as-of", "2025-06-01", "--max-paths", "3", "--json");
        var routes = await cli.InStoreAsync("store", "paths", "tsmc", "deepseek", "--as-of", "2025-06-01", "--max-paths", "3", "--json");
        var routesTable = await cli.InStoreAsync("store", "paths", "tsmc", "deepseek", "--as-of", "2025-06-01", "--max-paths", "3");

        // assert
        using var traceJson = JsonDocument.Parse(trace.Out);
        traceJson.RootElement.GetProperty("relationships").GetArrayLength().Should().Be(chain.Relationships.Count);
        using var exposureJson = JsonDocument.Parse(exposed.Out);
        exposureJson.RootElement.GetProperty("exposed").EnumerateArray().Select(item => item.GetProperty("entity").GetProperty("id").GetString())
            .Should().Equal(exposure.Exposed.Select(item => item.Entity.Id));
        using var pathsJson = JsonDocument.Parse(routes.Out);
        pathsJson.RootElement.GetProperty("paths").EnumerateArray().Select(path => path.GetProperty("summary").GetString())
            .Should().Equal(paths.Paths.Select(path => path.Summary));
        foreach (var path in paths.Paths)
        {
            routesTable.Out.Should().Contain(path.Summary);
        }
    }

    [Fact]
    public async Task Questions_about_unknown_entities_and_bad_dates_exit_with_their_codes()
    {
        // arrange
        await cli.InStoreAsync("store", "import", SeedFile);

        // act
        var unknown = await cli.InStoreAsync("store", "trace", "no-such-lab");
        var badDate = await cli.InStoreAsync("store", "controls", "deepseek", "--as-of", "2025-13-01");
        var badHops = await cli.InStoreAsync("store", "trace", "deepseek", "--max-hops", "99");

        // assert
        unknown.ExitCode.Should().Be(ExitCodes.NotFound, unknown.ToString());
        unknown.Error.Should().Contain("no-such-lab");
        badDate.ExitCode.Should().Be(ExitCodes.Usage, badDate.ToString());
        badDate.Error.Should().Contain("2025-13-01").And.Contain("yyyy-MM-dd");
        badHops.ExitCode.Should().Be(ExitCodes.Usage, badHops.ToString());
        badHops.Error.Should().Contain("maxHops");
    }

    [Fact]
    public async Task A_generated_dataset_imports_with_the_counts_generate_reported_and_progress_lines()
    {
        // act
        var generate = await CliRun.RunAsync("generate", "--entities", "20000", "--seed", "3", "--out", cli.Path("generated.json"));
        var import = await cli.InStoreAsync("store", "import", cli.Path("generated.json"));

        // assert
        generate.ExitCode.Should().Be(ExitCodes.Success, generate.ToString());
        var counts = GeneratedCounts().Match(generate.Out);
        counts.Success.Should().BeTrue(generate.Out);
        import.ExitCode.Should().Be(ExitCodes.Success, import.ToString());
        import.Out.Should().Contain($"entities:      {counts.Groups["entities"].Value} added")
            .And.Contain($"relationships: {counts.Groups["relationships"].Value} added");
        import.Error.Should().MatchRegex(@"importing generated\.json: [\d,]+ rows \([\d,]+ rows/s\)", "redirected output gets plain progress lines");
    }

    private static GraphQuestions Questions() => new(GraphIndex.Build(Seed.Entities, Seed.Relationships), TimeProvider.System);

    private static Dataset Sorted(Dataset dataset) => dataset with
    {
        Name = "supplygraph-export",
        Description = null,
        Entities = [.. dataset.Entities.OrderBy(entity => entity.Id, StringComparer.Ordinal)],
        Relationships = [.. dataset.Relationships.OrderBy(relationship => relationship.Key, StringComparer.Ordinal)],
    };

    private static string DatasetJsonText(Dataset dataset)
    {
        using var buffer = new MemoryStream();
        DatasetJson.WriteDataset(buffer, dataset);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    [GeneratedRegex(@"MERGE \(entity:Entity \{id: '([^']+)'\}\)")]
    private static partial Regex MergedEntityIds();

    [GeneratedRegex(@"""effective"": ""\d{4}-\d{2}-\d{2}""")]
    private static partial Regex FirstEffective();

    [GeneratedRegex(@"(?<entities>[\d,]+) entities, (?<relationships>[\d,]+) relationships")]
    private static partial Regex GeneratedCounts();
}
