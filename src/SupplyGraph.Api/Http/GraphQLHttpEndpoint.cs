using System.Globalization;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using SupplyGraph.Api.Dashboard;
using SupplyGraph.Api.GraphQL.Errors;
using SupplyGraph.Api.GraphQL.Execution;
using SupplyGraph.Api.Hosting;
using SupplyGraph.Api.Http.PersistedDocuments;
using SupplyGraph.Api.Telemetry;

namespace SupplyGraph.Api.Http;

/// <summary>
/// GraphQL over HTTP at <c>/graphql</c> (GET and POST), following the GraphQL-over-HTTP specification:
/// method, Accept and Content-Type checks, GET limited to queries, and status codes by response media type.
/// Every request is bounded (<see cref="RequestLimits"/>): its size before it is parsed, its depth, fields and cost
/// before it is validated, its time and the size of its answer while it runs, and how many expensive ones run at once.
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    IDocumentExecuter executer,
    ISchema schema,
    IDocumentBuilder documentBuilder,
    IGraphQLTextSerializer serializer,
    ResponseJsonWriter responseWriter,
    IOptions<SupplyGraphOptions> options,
    ExpensiveRequestGate gate,
    StoreAvailability storeAvailability,
    IHostEnvironment environment,
    SupplyGraphMetrics metrics)
{
    private const string AllowedMethods = "GET, POST";

    private readonly RequestLimits limits = options.Value.Limits;
    private readonly BoundedDocumentParser parser = new(documentBuilder);

    // Problems with the trusted documents file stop the host at start (SupplyGraphOptionsValidator); here they are left out.
    private readonly PersistedDocumentResolver persistedDocuments = new(
        TrustedDocumentStore.Load(options.Value.GraphQL, environment.ContentRootPath, out _),
        options.Value.GraphQL.TrustedDocumentsOnly);
    private readonly DocumentCache documents = Observed(new(DocumentCache.DefaultMaxEntries, DocumentCache.DefaultMaxBytes), metrics);
    private readonly IValidationRule[] validationRules = IntrospectionAllowed(options.Value, environment)
        ? [.. DocumentValidator.CoreRules]
        : [.. DocumentValidator.CoreRules, global::GraphQL.Validation.Rules.Custom.NoIntrospectionValidationRule.Instance];

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var telemetry = metrics.StartRequest();
        try
        {
            await HandleCoreAsync(context, telemetry);
        }
        finally
        {
            metrics.EndRequest(telemetry, context.Response.StatusCode);
        }
    }

    private async Task HandleCoreAsync(HttpContext context, RequestTelemetry? telemetry)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = AllowedMethods;
            await WriteProblemAsync(context, StatusCodes.Status405MethodNotAllowed, GraphQLMediaTypes.Json, $"{request.Method} is not supported; use GET or POST.");
            return;
        }

        if (isGet && ResponseMediaTypeNegotiator.PrefersHtml(request.Headers.Accept))
        {
            // A person at the address bar: the GraphQL IDE, which then posts its queries here like any client.
            await DashboardEndpoints.WritePageAsync(context, DashboardAssets.GraphiQLPage);
            return;
        }

        var mediaType = ResponseMediaTypeNegotiator.Negotiate(request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteProblemAsync(
                context,
                StatusCodes.Status406NotAcceptable,
                GraphQLMediaTypes.Json,
                $"Responses are {GraphQLMediaTypes.GraphQLResponseJson} or {GraphQLMediaTypes.Json}; the Accept header allows neither.");
            return;
        }

        var cancellationToken = context.RequestAborted;
        var read = isGet
            ? GraphQLHttpRequest.FromQueryString(request.Query, serializer, limits)
            : await GraphQLHttpRequest.FromBodyAsync(request, serializer, limits, cancellationToken);
        if (read.Request is not { } graphQLRequest)
        {
            await WriteProblemAsync(context, read.FailureStatus!.Value, mediaType, read.FailureMessage!, read.FailureCode ?? ErrorCodes.BadRequest);
            return;
        }

        // A document sent by its identifier becomes its text here: from now on it is treated exactly as that text.
        var resolution = persistedDocuments.Resolve(graphQLRequest);
        if (resolution.Query is not { } query)
        {
            await (resolution.IsMalformed
                ? WriteProblemAsync(context, StatusCodes.Status400BadRequest, mediaType, resolution.Message!, resolution.Code!)
                : WriteRequestErrorAsync(context, mediaType, resolution.Code!, resolution.Message!));
            return;
        }

        graphQLRequest.Query = query;
        if (!documents.TryGet(query, out var cached))
        {
            var parsed = parser.Parse(query);
            if (parsed.RefusalCode is { } refusal)
            {
                await WriteRequestErrorAsync(context, mediaType, refusal, parsed.RefusalMessage!);
                return;
            }

            if (parsed.SyntaxError is { } syntaxError)
            {
                var failed = new ExecutionResult { Executed = false };
                failed.AddError(syntaxError);
                await WriteAsync(context, RequestErrorStatus(mediaType), mediaType, failed);
                return;
            }

            cached = documents.Add(query, parsed.Document!);
        }

        var document = cached.Document;
        if (telemetry is not null && OperationTypes.Selected(document, graphQLRequest.OperationName) is { } selected)
        {
            // Only a name the document defines: the tag's values stay as few as the documents clients send.
            telemetry.OperationType = selected.ToString().ToLowerInvariant();
            telemetry.OperationName = graphQLRequest.OperationName;
        }

        if (isGet && OperationTypes.Selected(document, graphQLRequest.OperationName) is { } operationType && operationType != OperationType.Query)
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            await WriteProblemAsync(
                context,
                StatusCodes.Status405MethodNotAllowed,
                mediaType,
                $"A {operationType.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.");
            return;
        }

        var analysis = QueryAnalysis.Of(schema, limits, document, graphQLRequest.OperationName, graphQLRequest.Variables);
        if (analysis.Problem is { } problem)
        {
            await WriteRequestErrorAsync(context, mediaType, problem.Code, problem.Message);
            return;
        }

        if (analysis.UsesTheStore && storeAvailability.Problem is { } unavailable)
        {
            SetRetryAfter(context, StoreInitializer.RetryDelay);
            await WriteProblemAsync(
                context,
                StatusCodes.Status503ServiceUnavailable,
                mediaType,
                $"The store is unavailable: {unavailable} The service keeps trying to reach it; retry shortly.",
                ErrorCodes.StoreUnavailable);
            return;
        }

        // The deadline counts the wait for a turn too: no request runs past RequestTimeoutSeconds from here.
        var waitStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        GateTurn? turn;
        try
        {
            turn = analysis.UsesTheStore
                ? await gate.EnterAsync(RequestCostKey.For(graphQLRequest.Query ?? string.Empty, graphQLRequest.OperationName, graphQLRequest.Variables, analysis), cancellationToken)
                : null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client left while waiting for a turn; its place in the queue is given back.
            return;
        }

        using var held = turn;
        if (turn is { Refusal: not GateRefusal.None })
        {
            metrics.CountRefusal(turn.Refusal);
            telemetry?.ErrorCode = turn.Refusal == GateRefusal.QueueFull ? ErrorCodes.TooManyRequests : ErrorCodes.ServerBusy;
            await WriteBusyAsync(context, mediaType, turn.Refusal);
            return;
        }

        // The store calls of this run add their processor time to the turn: what the gate learns this request costs.
        StoreCpuTime.Current = turn?.Cpu;

        await ExecuteAsync(context, mediaType, graphQLRequest, cached, turn, telemetry, limits.RequestTimeout - System.Diagnostics.Stopwatch.GetElapsedTime(waitStarted), cancellationToken);
    }

    /// <summary>What the parsed-document cache has done, for the metrics.</summary>
    public DocumentCacheCounters DocumentCacheCounters => documents.Counters;

    private static DocumentCache Observed(DocumentCache cache, SupplyGraphMetrics metrics)
    {
        metrics.ObserveDocumentCache(cache.Counters);
        return cache;
    }

    /// <summary>
    /// Whether introspection is answered: as configured, else in every environment, Production included (issue 21):
    /// the data is public, every query (introspection too) is bounded by the limits, and GraphQL tools and the
    /// GraphQL-over-HTTP audit need the schema. The environment no longer decides it.
    /// </summary>
    public static bool IntrospectionAllowed(SupplyGraphOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        return options.Introspection ?? true;
    }

    /// <summary>Runs the request and writes its answer; <paramref name="turn"/> is given back as soon as the run ends, before the answer is written (a slow reader must not hold a turn).</summary>
    private async Task ExecuteAsync(HttpContext context, string mediaType, global::GraphQL.Transport.GraphQLRequest graphQLRequest, CachedDocument cached, GateTurn? turn, RequestTelemetry? telemetry, TimeSpan deadline, CancellationToken clientGone)
    {
        var document = cached.Document;
        // One token for the client leaving, the deadline and the answer's size: any of them stops the store calls and walks.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(clientGone);
        stop.CancelAfter(deadline > TimeSpan.Zero ? deadline : TimeSpan.Zero);
        var budget = new ResponseBudget(limits.MaxResponseValues, stop);
        ExecutionResult result;
        try
        {
            try
            {
                result = await executer.ExecuteAsync(new ExecutionOptions
                {
                    Schema = schema,
                    Query = graphQLRequest.Query,
                    Document = document,
                    OperationName = graphQLRequest.OperationName,
                    Variables = graphQLRequest.Variables,
                    Extensions = graphQLRequest.Extensions,
                    RequestServices = context.RequestServices,
                    User = context.User,
                    CancellationToken = stop.Token,
                    // A document that passed the rules once passes them again: the rules read the document and schema only.
                    ValidationRules = cached.Validated ? [] : validationRules,
                    UserContext = new Dictionary<string, object?> { [ResponseBudget.UserContextKey] = budget },
                });
            }
            finally
            {
                // The result is complete in memory: writing it needs no turn, whatever the error answers below write.
                // What it costs to build and write an answer grows with its values, outside the store: counted too.
                turn?.Cpu.AddAnswerValues(budget.Spent);
                turn?.Dispose();
            }
        }
        catch (OperationCanceledException) when (clientGone.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
            return;
        }
        catch (OperationCanceledException) when (budget.Exceeded)
        {
            telemetry?.ErrorCode = ErrorCodes.ResponseTooLarge;
            await WriteRequestErrorAsync(
                context,
                mediaType,
                ErrorCodes.ResponseTooLarge,
                $"The answer grew past {limits.MaxResponseValues} values (SupplyGraph:Limits:MaxResponseValues) and was stopped: ask fewer fields inside lists, or lower maxPaths/maxHops/first.");
            return;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            metrics.CountTimeout();
            telemetry?.ErrorCode = ErrorCodes.Timeout;
            SetRetryAfter(context, TimeSpan.FromSeconds(1));
            await WriteProblemAsync(
                context,
                StatusCodes.Status503ServiceUnavailable,
                mediaType,
                $"The request did not finish within its deadline of {limits.RequestTimeoutSeconds:0.###} s (SupplyGraph:Limits:RequestTimeoutSeconds) and was stopped: narrow it (maxHops, maxPaths) or retry later.",
                ErrorCodes.Timeout);
            return;
        }

        if (result.Errors?.Any(error => error is DocumentError) == true)
        {
            // The operation could not run at all (e.g. a mutation on a schema without mutations): a request error, no data.
            result.Executed = false;
        }
        else if (result.Executed && !cached.Validated && result.Errors?.Any(error => error is ValidationError) != true)
        {
            cached.MarkValidated();
        }

        // Capped first: annotating (and writing) thousands of errors is work the client's request multiplied.
        ErrorLimit.Apply(result);
        ArgumentNameAnnotator.Annotate(result, document);
        var status = mediaType == GraphQLMediaTypes.GraphQLResponseJson && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        if (StoreErrors.OnlyUnavailability(result))
        {
            // Nothing was answered because the store could not be reached: the service is unavailable, not the request wrong.
            status = StatusCodes.Status503ServiceUnavailable;
            SetRetryAfter(context, StoreInitializer.RetryDelay);
        }

        await WriteAsync(context, status, mediaType, result);
    }

    private Task WriteBusyAsync(HttpContext context, string mediaType, GateRefusal refusal)
    {
        SetRetryAfter(context, TimeSpan.FromSeconds(1));
        return refusal == GateRefusal.QueueFull
            ? WriteProblemAsync(
                context,
                StatusCodes.Status429TooManyRequests,
                mediaType,
                $"Too many requests of this cost are waiting (at most {limits.MaxQueuedExpensive} expensive, SupplyGraph:Limits:MaxQueuedExpensive, and {limits.MaxQueuedCheap} cheap, SupplyGraph:Limits:MaxQueuedCheap); retry after a second.",
                ErrorCodes.TooManyRequests)
            : WriteProblemAsync(
                context,
                StatusCodes.Status429TooManyRequests,
                mediaType,
                $"No turn for this request came within {limits.QueueTimeoutSeconds:0.###} s (SupplyGraph:Limits:QueueTimeoutSeconds; requests of its cost run {gate.Concurrency} at once when expensive, {limits.ConcurrentCheap} when cheap); retry after a second.",
                ErrorCodes.ServerBusy);
    }

    private static void SetRetryAfter(HttpContext context, TimeSpan after) =>
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    // A request error, like a validation error: 400 under graphql-response+json, 200 under application/json.
    private static int RequestErrorStatus(string mediaType) =>
        mediaType == GraphQLMediaTypes.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

    private Task WriteRequestErrorAsync(HttpContext context, string mediaType, string code, string message) =>
        WriteProblemAsync(context, RequestErrorStatus(mediaType), mediaType, message, code);

    private Task WriteProblemAsync(HttpContext context, int status, string mediaType, string message, string code = ErrorCodes.BadRequest)
    {
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(message) { Code = code });
        return WriteAsync(context, status, mediaType, result);
    }

    private async Task WriteAsync(HttpContext context, int status, string mediaType, ExecutionResult result)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        ErrorLimit.Apply(result);
        context.Response.StatusCode = status;
        context.Response.ContentType = $"{mediaType}; charset=utf-8";
        try
        {
            responseWriter.Write(context.Response.BodyWriter, result);
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left while the answer was being written.
        }
    }
}
