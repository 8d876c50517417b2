using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using SupplyGraph.Api.GraphQL.Errors;

namespace SupplyGraph.Api.Http;

/// <summary>
/// GraphQL over HTTP at <c>/graphql</c> (GET and POST), following the GraphQL-over-HTTP specification:
/// method, Accept and Content-Type checks, GET limited to queries, and status codes by response media type.
/// </summary>
public sealed class GraphQLHttpEndpoint(
    IDocumentExecuter executer,
    ISchema schema,
    IDocumentBuilder documentBuilder,
    IGraphQLTextSerializer serializer)
{
    private const string AllowedMethods = "GET, POST";

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = AllowedMethods;
            await WriteProblemAsync(context, StatusCodes.Status405MethodNotAllowed, GraphQLMediaTypes.Json, $"{request.Method} is not supported; use GET or POST.");
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
            ? GraphQLHttpRequest.FromQueryString(request.Query, serializer)
            : await GraphQLHttpRequest.FromBodyAsync(request, serializer, cancellationToken);
        if (read.Request is not { } graphQLRequest)
        {
            await WriteProblemAsync(context, read.FailureStatus!.Value, mediaType, read.FailureMessage!);
            return;
        }

        var document = TryParse(graphQLRequest.Query!);
        if (isGet && document is not null && OperationTypes.Selected(document, graphQLRequest.OperationName) is { } operationType
            && operationType != OperationType.Query)
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            await WriteProblemAsync(
                context,
                StatusCodes.Status405MethodNotAllowed,
                mediaType,
                $"A {operationType.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.");
            return;
        }

        if (document is not null && RootFieldCount.Of(document, graphQLRequest.OperationName) is var questions and > RootFieldCount.MaxPerRequest)
        {
            // A request error, like a validation error: 400 under graphql-response+json, 200 under application/json.
            await WriteProblemAsync(
                context,
                mediaType == GraphQLMediaTypes.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
                mediaType,
                $"This request asks {questions} root fields; at most {RootFieldCount.MaxPerRequest} are answered per request (each one walks the graph). Split it into several requests.",
                ErrorCodes.QueryTooLarge);
            return;
        }

        ExecutionResult result;
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
                CancellationToken = cancellationToken,
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
            return;
        }

        if (result.Errors?.Any(error => error is DocumentError) == true)
        {
            // The operation could not run at all (e.g. a mutation on a schema without mutations): a request error, no data.
            result.Executed = false;
        }

        ArgumentNameAnnotator.Annotate(result, document ?? result.Document);
        var status = mediaType == GraphQLMediaTypes.GraphQLResponseJson && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        await WriteAsync(context, status, mediaType, result);
    }

    private GraphQLDocument? TryParse(string query)
    {
        try
        {
            return documentBuilder.Build(query);
        }
        catch (SyntaxError)
        {
            // Execution parses again and reports the syntax error in the usual shape.
            return null;
        }
    }

    private Task WriteProblemAsync(HttpContext context, int status, string mediaType, string message, string code = ErrorCodes.BadRequest)
    {
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(message) { Code = code });
        return WriteAsync(context, status, mediaType, result);
    }

    private async Task WriteAsync(HttpContext context, int status, string mediaType, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
