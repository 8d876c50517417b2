using GraphQL;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using SupplyGraph.Api.GraphQL.Errors;
using SupplyGraph.Api.Hosting;

namespace SupplyGraph.Api.Http;

/// <summary>
/// A GET carries in its URL what a POST carries in its body, so its address (path and query string, as sent) gets the
/// same bound, <see cref="RequestLimits.MaxBodyBytes"/>, refused with our coded <c>QUERY_TOO_LARGE</c> and a JSON
/// body. Kestrel's own request-line limit (8 KB by default, answered with a bare 414 and no body, issue 20) is raised
/// to <see cref="KestrelRequestLineBytes"/>, above ours, so that such a request reaches us; only a line longer than
/// that is still cut off by Kestrel, bare.
/// </summary>
internal static class RequestTargetLimit
{
    /// <summary>Kestrel's default request line, kept as the least it is given.</summary>
    private const int KestrelDefaultRequestLineBytes = 8 * 1024;

    /// <summary>The longest address (path and query string) a request may have.</summary>
    public static int MaxTargetLength(RequestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits.MaxBodyBytes;
    }

    /// <summary>
    /// The request line Kestrel reads: twice our bound (and at least its default), so that an address over our bound,
    /// up to twice it, is answered by us with a code and a body rather than cut off.
    /// </summary>
    public static int KestrelRequestLineBytes(RequestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return (int)Math.Clamp(2L * MaxTargetLength(limits), KestrelDefaultRequestLineBytes, int.MaxValue);
    }

    /// <summary>Answers 414 <c>QUERY_TOO_LARGE</c> with a JSON body when the address is longer than <see cref="MaxTargetLength"/>.</summary>
    public static async Task RefuseLongTargetsAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.Request;

        // The address as sent (percent-encoded), which is what Kestrel's request line holds.
        var length = context.Features.Get<IHttpRequestFeature>()?.RawTarget?.Length
            ?? (request.PathBase.Value ?? string.Empty).Length + (request.Path.Value ?? string.Empty).Length + (request.QueryString.Value ?? string.Empty).Length;
        var limits = context.RequestServices.GetRequiredService<IOptions<SupplyGraphOptions>>().Value.Limits;
        var max = MaxTargetLength(limits);
        if (length <= max)
        {
            await next(context);
            return;
        }

        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(
            $"The request's address is {length} characters long; at most {max} are read (SupplyGraph:Limits:MaxBodyBytes). "
            + "Send the query with POST, its variables in the JSON body.")
        {
            Code = ErrorCodes.QueryTooLarge,
        });
        context.Response.StatusCode = StatusCodes.Status414UriTooLong;
        context.Response.ContentType = $"{ResponseMediaTypeNegotiator.Negotiate(request.Headers.Accept) ?? GraphQLMediaTypes.Json}; charset=utf-8";
        context.RequestServices.GetRequiredService<ResponseJsonWriter>().Write(context.Response.BodyWriter, result);
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}
