using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

/// <summary>
/// A fake Neo4j: answers each request with the next queued answer (a recorded one, a made-up one, a failure or
/// a hang) and keeps what the client sent. Answers queued with <see cref="ForDelete"/> go to DELETEs only, the others
/// to any request, DELETEs included when no DELETE answer waits: rollbacks that run in the background then take
/// their answers whenever they come.
/// </summary>
internal sealed class ReplayHandler : HttpMessageHandler
{
    private readonly List<(HttpMethod? Method, Func<CancellationToken, Task<HttpResponseMessage>> Answer)> answers = [];
    private HttpMethod? nextFor;
    private readonly List<SentRequest> requests = [];
    private readonly Lock gate = new();

    public IReadOnlyList<SentRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public SentRequest LastRequest => Requests[^1];

    public ReplayHandler Answer(RecordedExchange exchange, Action<JsonNode>? editBody = null) =>
        Answer(() => exchange.Response.ToHttpResponse(editBody));

    public ReplayHandler Answer(Func<HttpResponseMessage> answer) =>
        Enqueue(_ => Task.FromResult(answer()));

    public ReplayHandler AnswerJson(HttpStatusCode status, string json, string contentType = "application/vnd.neo4j.query") =>
        Answer(() => new HttpResponseMessage(status)
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
        });

    public ReplayHandler AnswerError(HttpStatusCode status, string code, string message) =>
        AnswerJson(status, new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }),
        }.ToJsonString());

    /// <summary>Answers as recorded after <paramref name="delay"/>, as a server that is slow to answer; the client may give up first.</summary>
    public ReplayHandler AnswerAfter(TimeSpan delay, RecordedExchange exchange) => Enqueue(async token =>
    {
        await Task.Delay(delay, token);
        return exchange.Response.ToHttpResponse();
    });

    /// <summary>
    /// Answers as recorded once <paramref name="released"/> completes, whether or not the client still waits: a
    /// server goes on with a request its client abandoned.
    /// </summary>
    public ReplayHandler AnswerWhen(Task released, RecordedExchange exchange, Action<JsonNode>? editBody = null) => Enqueue(async _ =>
    {
        await released;
        return exchange.Response.ToHttpResponse(editBody);
    });

    public ReplayHandler Fail(Exception failure) => Enqueue(_ => Task.FromException<HttpResponseMessage>(failure));

    /// <summary>Never answers; only the client's cancellation ends the wait.</summary>
    public ReplayHandler Hang() => Enqueue(async token =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, token);
        throw new InvalidOperationException("unreachable");
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Func<CancellationToken, Task<HttpResponseMessage>>? answer;
        lock (gate)
        {
            requests.Add(new SentRequest(
                request.Method,
                request.RequestUri!,
                request.Version,
                request.VersionPolicy,
                request.Headers.Accept.ToString(),
                request.Headers.Authorization,
                request.Content?.Headers.ContentType?.ToString(),
                request.Headers.TryGetValues("neo4j-cluster-affinity", out var affinity) ? affinity.Single() : null,
                body));
            var index = answers.FindIndex(entry => entry.Method == request.Method);
            if (index < 0)
            {
                index = answers.FindIndex(entry => entry.Method is null);
            }

            answer = index < 0 ? null : answers[index].Answer;
            if (index >= 0)
            {
                answers.RemoveAt(index);
            }
        }

        return answer is null
            ? throw new InvalidOperationException($"The test queued no answer for {request.Method} {request.RequestUri}.")
            : await answer(cancellationToken);
    }

    /// <summary>The next answer queued goes to a DELETE only.</summary>
    public ReplayHandler ForDelete()
    {
        nextFor = HttpMethod.Delete;
        return this;
    }

    private ReplayHandler Enqueue(Func<CancellationToken, Task<HttpResponseMessage>> answer)
    {
        lock (gate)
        {
            answers.Add((nextFor, answer));
            nextFor = null;
        }

        return this;
    }
}

/// <summary>What the client sent, copied before the request was disposed.</summary>
internal sealed record SentRequest(
    HttpMethod Method,
    Uri Uri,
    Version Version,
    HttpVersionPolicy VersionPolicy,
    string Accept,
    AuthenticationHeaderValue? Authorization,
    string? ContentType,
    string? ClusterAffinity,
    string? Body)
{
    public string Path => Uri.AbsolutePath;

    public JsonNode? Json => Body is null ? null : JsonNode.Parse(Body);
}
