using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SupplyGraph.Benchmarks.Reporting;
using SupplyGraph.Benchmarks.Workloads;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>
/// A few clients over HTTP, each sending the given question cases in turn (starting at its own one), one request after
/// another, until the time is up or it has sent its share. A bounded .NET loop rather than autocannon because what
/// counts here is the status of every answer (503s apart from the other failures), which the load tool lumps together.
/// </summary>
public static class ConcurrentClients
{
    private static readonly byte[] ErrorsMember = Encoding.UTF8.GetBytes("\"errors\"");

    public static async Task<Neo4jClientsResult> RunAsync(
        Uri graphQL,
        IReadOnlyList<QuestionCase> cases,
        int clients,
        TimeSpan duration,
        int maxRequestsPerClient,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graphQL);
        ArgumentNullException.ThrowIfNull(cases);
        var names = cases.Select(question => question.Name).ToList();
        if (cases.Count == 0)
        {
            return new Neo4jClientsResult(clients, 0, names, 0, 0, 0, 0, 0, new Dictionary<string, long>(), "no question case to send");
        }

        var bodies = cases.Select(question =>
        {
            var (query, variables) = question.GraphQL();
            return JsonSerializer.SerializeToUtf8Bytes(new { query, variables });
        }).ToArray();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseProxy = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        // Each case once, one after another: the service's first answers (JIT, caches) are not what is counted.
        foreach (var body in bodies)
        {
            await SendAsync(http, graphQL, body, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        var runs = await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(
            async () =>
            {
                var latencies = new List<double>();
                var statuses = new Dictionary<string, long>(StringComparer.Ordinal);
                for (var sent = 0; sent < maxRequestsPerClient && clock.Elapsed < duration; sent++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var status = await SendAsync(http, graphQL, bodies[(client + sent) % bodies.Length], cancellationToken);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                }

                return (latencies, statuses);
            },
            cancellationToken)));
        var seconds = clock.Elapsed.TotalSeconds;

        var all = runs.SelectMany(run => run.latencies).ToList();
        var byStatus = runs.SelectMany(run => run.statuses)
            .GroupBy(pair => pair.Key, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value), StringComparer.Ordinal);
        var unavailable = byStatus.GetValueOrDefault("503");
        var ok = byStatus.GetValueOrDefault("200");
        return new Neo4jClientsResult(
            clients,
            seconds,
            names,
            all.Count,
            unavailable,
            all.Count - ok - unavailable,
            all.Count == 0 ? 0 : Percentiles.Median(all),
            all.Count == 0 ? 0 : Percentiles.Of(all, 99),
            byStatus,
            all.Count == 0 ? "no request was sent" : null);
    }

    /// <summary>
    /// The answer's status code as text; "200 with errors" when a 200 carries a GraphQL errors array (a question that
    /// failed inside the service); "failed" when no answer came (connection refused or reset, the client's timeout).
    /// </summary>
    private static async Task<string> SendAsync(HttpClient http, Uri graphQL, byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(graphQL, content, cancellationToken);
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var code = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            return response.StatusCode == HttpStatusCode.OK && answer.AsSpan().IndexOf(ErrorsMember) >= 0 ? code + " with errors" : code;
        }
        catch (HttpRequestException)
        {
            return "failed";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "failed";
        }
    }
}
