using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SupplyGraph.Api.Telemetry;
using SupplyGraph.Api.Tests.Infrastructure;

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
        Points(collected, "supplygraph.gate.queue.length").Select(point => Tag(point, "supplygraph.gate.lane")).Should().BeEquivalentTo(["expensive", "cheap"]);
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
            .And.Contain("http_server_request_duration_seconds");
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
