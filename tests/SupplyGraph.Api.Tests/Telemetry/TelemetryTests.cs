using System.Collections;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SupplyGraph.Api.Hosting;
using SupplyGraph.Api.Telemetry;
using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Api.Tests.Telemetry;

public sealed class TelemetryTests
{
    private static readonly (string Question, string Query)[] OneOfEachQuestion =
    [
        ("entity", "{ entity(ref: \"DeepSeek\") { id } }"),
        ("search", "{ search(text: \"Deep\") { id } }"),
        ("profile", "{ profile(entity: \"DeepSeek\") { asOf } }"),
        ("supplyChain", "{ supplyChain(entity: \"DeepSeek\") { partial } }"),
        ("exportControls", "{ exportControls(entity: \"DeepSeek\", maxPaths: 1) { partial } }"),
        ("exposure", "{ exposure(regulation: \"us-bis-2023-10-advanced-computing\", maxPaths: 1) { partial } }"),
        ("paths", "{ paths(from: \"DeepSeek\", to: \"us-bis-2023-10-advanced-computing\", maxPaths: 1) { partial } }"),
        ("relationshipTypes", "{ relationshipTypes { type } }"),
    ];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_question_is_traced_and_counted_with_its_attributes()
    {
        // arrange
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var seeded = new SupplyGraphApiFactory(seedOnEmptyStore: true);
        await using var factory = seeded.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSupplyGraphInstrumentation().AddInMemoryExporter(spans))
            .WithMetrics(meters => meters.AddSupplyGraphInstrumentation().AddInMemoryExporter(metrics))));
        var client = factory.CreateClient();

        // act
        foreach (var (_, query) in OneOfEachQuestion)
        {
            var answer = await client.PostGraphQLAsync(query, operationName: null);
            answer.Status.Should().Be(HttpStatusCode.OK, answer.Text);
        }

        await client.PostGraphQLAsync("query Hub { supplyChain(entity: \"DeepSeek\") { partial } }", operationName: "Hub");

        // Other tests run in this process and their spans reach this listener too: this request's spans are told apart
        // by an operation name no other test sends.
        var ownOperation = $"Telemetry{Guid.NewGuid():N}";
        await client.PostGraphQLAsync($"query {ownOperation} {{ supplyChain(entity: \"DeepSeek\") {{ partial }} }}", operationName: ownOperation);
        factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush();

        // assert
        List<Activity> ours;
        lock (spans)
        {
            ours = spans.Where(span => span.Source.Name == SupplyGraphTelemetry.Name).ToList();
            spans.Should().Contain(span => span.Source.Name == "Microsoft.AspNetCore", "ASP.NET Core traces every request");
        }

        var questions = ours.Where(span => span.OperationName == "supplygraph.question").ToList();
        questions.Select(span => span.GetTagItem("supplygraph.question")).Should().Contain(OneOfEachQuestion.Select(each => each.Question));
        var chain = questions.Single(span => span.Parent is { } parent && parent.DisplayName == $"query {ownOperation}");
        chain.GetTagItem("supplygraph.store").Should().Be("memory");
        chain.GetTagItem("supplygraph.entity").Should().Be("DeepSeek");
        chain.GetTagItem("supplygraph.as_of").Should().BeOfType<string>();
        chain.GetTagItem("supplygraph.partial").Should().BeOfType<bool>();
        chain.GetTagItem("supplygraph.explored.relationships").Should().BeOfType<long>();
        ours.Should().Contain(span => span.OperationName == "supplygraph.store.call" && (string?)span.GetTagItem("supplygraph.store.call") == "supplyChain"
            && span.Parent != null && span.Parent.OperationName == "supplygraph.question");
        ours.Should().Contain(span => span.OperationName == "graphql.request" && span.DisplayName == "query Hub"
            && (string?)span.GetTagItem("graphql.operation.name") == "Hub");

        Metric[] collected;
        lock (metrics)
        {
            collected = [.. metrics];
        }

        var answers = Points(collected, "supplygraph.answers");
        answers.Select(point => Tag(point, "supplygraph.question")).Should().Contain(OneOfEachQuestion.Select(each => each.Question));
        answers.Select(point => Tag(point, "supplygraph.answer")).Should().OnlyContain(value => value == "complete" || value == "partial" || value == "failed");
        Points(collected, "supplygraph.graphql.request.duration").Should().Contain(point => Tag(point, "graphql.operation.name") == "Hub");
        Points(collected, "supplygraph.store.duration").Should().Contain(point => Tag(point, "supplygraph.store.call") == "paths");
        // Other hosts alive in this process (a shared test host) may report their own gate too.
        Points(collected, "supplygraph.gate.queue.length").Select(point => Tag(point, "supplygraph.gate.lane")).Should().Contain(["expensive", "cheap"]).And.OnlyContain(lane => lane == "expensive" || lane == "cheap");
        Points(collected, "supplygraph.document_cache.lookups").Should().NotBeEmpty();
    }

    [Fact]
    public async Task Metrics_are_served_in_Prometheus_text_format_when_enabled()
    {
        // arrange
        await using var factory = new SupplyGraphApiFactory(seedOnEmptyStore: true, settings: new Dictionary<string, string?> { ["SupplyGraph:Telemetry:Prometheus"] = "true" });
        var client = factory.CreateClient();
        await client.PostGraphQLAsync("query Chain { supplyChain(entity: \"DeepSeek\") { partial } }", operationName: "Chain");

        // act
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Token);
        var text = await response.Content.ReadAsStringAsync(Token);

        // assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        text.Should().Contain("# TYPE supplygraph_answers_total counter")
            .And.Contain("supplygraph_answers_total{otel_scope_name=\"SupplyGraph\",supplygraph_answer=\"complete\",supplygraph_question=\"supplyChain\"")
            .And.Contain("supplygraph_graphql_request_duration_seconds_bucket{otel_scope_name=\"SupplyGraph\",graphql_operation_name=\"Chain\"")
            .And.Contain("supplygraph_store_duration_seconds_count")
            .And.Contain("supplygraph_gate_queue_length")
            .And.Contain("supplygraph_document_cache_lookups_total")
            .And.Contain("http_server_request_duration_seconds")
            .And.Contain($"supplygraph_index_entities{{otel_scope_name=\"SupplyGraph\",supplygraph_index_kind=\"index\",supplygraph_store=\"memory\"}} {SeedDataset.Load().Entities.Count}")
            .And.Contain("supplygraph_index_age_seconds{")
            .And.Contain("supplygraph_import_rows_total{otel_scope_name=\"SupplyGraph.Import\",supplygraph_import_outcome=\"committed\",supplygraph_store=\"memory\"}")
            .And.Contain("supplygraph_import_duration_seconds_bucket{");
    }

    [Fact]
    public async Task Every_import_and_the_index_answering_are_measured()
    {
        // arrange
        var metrics = new List<Metric>();
        await using var seeded = new SupplyGraphApiFactory(seedOnEmptyStore: true);
        await using var factory = seeded.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddOpenTelemetry()
            .WithMetrics(meters => meters.AddSupplyGraphInstrumentation().AddInMemoryExporter(metrics))));
        _ = factory.CreateClient();
        var seed = SeedDataset.Load();
        var admin = factory.Services.GetRequiredService<IGraphAdmin>();

        // act: the seed again, through the store contract as the import verb does (every row unchanged), then a dry run.
        await admin.ImportAsync(seed, Token);
        await admin.ImportAsync(seed, ImportOptions.Default with { DryRun = true }, Token);
        var statistics = await factory.Services.GetRequiredService<IGraphQueries>().GetStatisticsAsync(Token);
        factory.Services.GetRequiredService<MeterProvider>().ForceFlush();

        // assert
        Metric[] collected;
        lock (metrics)
        {
            collected = [.. metrics];
        }

        var seedRows = seed.Entities.Count + seed.Relationships.Count;
        var committed = Points(collected, "supplygraph.import.rows").Where(point => Tag(point, "supplygraph.store") == "memory" && Tag(point, "supplygraph.import.outcome") == "committed").ToList();
        committed.Sum(point => point.GetSumLong()).Should().BeGreaterThanOrEqualTo(seedRows, "other tests' imports reach the same static meter, but this one's rows are counted");
        Points(collected, "supplygraph.import.rows").Should().Contain(point => Tag(point, "supplygraph.import.outcome") == "dry_run");
        Points(collected, "supplygraph.import.duration").Should().Contain(point => Tag(point, "supplygraph.store") == "memory" && point.GetHistogramCount() >= 1);
        Points(collected, "supplygraph.import.rate").Should().Contain(point => Tag(point, "supplygraph.store") == "memory" && point.GetHistogramSum() > 0);

        // Other hosts in this process may add their own points under the same names: this host's is among them.
        Points(collected, "supplygraph.index.entities").Should().Contain(point => point.GetGaugeLastValueLong() == statistics.Entities
            && Tag(point, "supplygraph.index.kind") == "index" && Tag(point, "supplygraph.store") == "memory");
        Points(collected, "supplygraph.index.relationships").Should().Contain(point => point.GetGaugeLastValueLong() == statistics.Relationships);
        Points(collected, "supplygraph.index.age").Should().NotBeEmpty().And.OnlyContain(point => point.GetGaugeLastValueDouble() >= 0 && point.GetGaugeLastValueDouble() < 3600);
    }

    [Fact]
    public async Task Telemetry_off_records_nothing_and_serves_no_metrics_even_with_Prometheus_on()
    {
        // arrange
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var settings = new Dictionary<string, string?> { ["SupplyGraph:Telemetry:Enabled"] = "false", ["SupplyGraph:Telemetry:Prometheus"] = "true" };
        await using var off = new SupplyGraphApiFactory(seedOnEmptyStore: true, settings: settings);
        await using var factory = off.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSupplyGraphInstrumentation().AddInMemoryExporter(spans))
            .WithMetrics(meters => meters.AddSupplyGraphInstrumentation().AddInMemoryExporter(metrics))));
        var client = factory.CreateClient();
        var ownOperation = $"Off{Guid.NewGuid():N}";

        // act
        var answer = await client.PostGraphQLAsync($"query {ownOperation} {{ supplyChain(entity: \"DeepSeek\") {{ partial }} }}", operationName: ownOperation);
        using var scrape = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Token);
        factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush();

        // assert
        answer.Status.Should().Be(HttpStatusCode.OK, answer.Text);
        scrape.StatusCode.Should().Be(HttpStatusCode.NotFound);
        lock (spans)
        {
            spans.Should().NotContain(span => span.Source.Name == SupplyGraphTelemetry.Name && span.DisplayName == $"query {ownOperation}");
        }

        lock (metrics)
        {
            // Other hosts in this process record under the same names: only this request's own points are told apart.
            Points(metrics, "supplygraph.graphql.request.duration").Should().NotContain(point => Tag(point, "graphql.operation.name") == ownOperation);
        }

        factory.Services.GetRequiredService<SupplyGraphMetrics>().Enabled.Should().BeFalse();
    }

    [Fact]
    public void Flat_variables_turn_Prometheus_on_and_telemetry_off()
    {
        // arrange
        var environment = new Hashtable { ["SUPPLYGRAPH_PROMETHEUS"] = "true", ["SUPPLYGRAPH_TELEMETRY"] = " false " };

        // act
        var settings = FlatEnvironmentVariables.ToConfiguration(environment);

        // assert
        settings.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["SupplyGraph:Telemetry:Prometheus"] = "true",
            ["SupplyGraph:Telemetry:Enabled"] = "false",
        });
    }

    [Fact]
    public async Task Metrics_path_is_absent_by_default()
    {
        // arrange
        await using var factory = new SupplyGraphApiFactory();
        var client = factory.CreateClient();

        // act
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Token);

        // assert
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static List<MetricPoint> Points(IEnumerable<Metric> metrics, string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in metrics.Where(metric => metric.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points.Add(point);
            }
        }

        return points;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }
}
