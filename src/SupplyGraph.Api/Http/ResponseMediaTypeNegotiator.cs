using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace SupplyGraph.Api.Http;

/// <summary>
/// Picks the response media type from the Accept header: <c>application/graphql-response+json</c> whenever the
/// client accepts it at least as much as <c>application/json</c> (wildcards included), <c>application/json</c>
/// when only that is acceptable or no Accept header is sent, and nothing (406) when neither is acceptable.
/// </summary>
internal static class ResponseMediaTypeNegotiator
{
    public static string? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || accept.All(string.IsNullOrWhiteSpace))
        {
            return GraphQLMediaTypes.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return GraphQLMediaTypes.Json;
        }

        var graphQLQuality = QualityOf(GraphQLMediaTypes.GraphQLResponseJson, ranges);
        var jsonQuality = QualityOf(GraphQLMediaTypes.Json, ranges);
        if (graphQLQuality <= 0 && jsonQuality <= 0)
        {
            return null;
        }

        return graphQLQuality >= jsonQuality ? GraphQLMediaTypes.GraphQLResponseJson : GraphQLMediaTypes.Json;
    }

    /// <summary>
    /// True when the client would rather have HTML than a GraphQL answer: a browser's address bar sends
    /// <c>text/html</c> first and JSON only through <c>*/*</c>; curl and GraphQL clients never prefer HTML.
    /// </summary>
    public static bool PrefersHtml(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return false;
        }

        var html = QualityOf("text/html", ranges);
        return html > 0 && html > Math.Max(QualityOf(GraphQLMediaTypes.GraphQLResponseJson, ranges), QualityOf(GraphQLMediaTypes.Json, ranges));
    }

    /// <summary>
    /// The quality the most specific matching range gives <paramref name="mediaType"/>; 0 when none matches.
    /// Type and subtype are compared whole: unlike <see cref="MediaTypeHeaderValue.IsSubsetOf"/>, a <c>+json</c>
    /// suffix does not make <c>application/graphql-response+json</c> match <c>application/json</c>.
    /// </summary>
    private static double QualityOf(string mediaType, IList<MediaTypeHeaderValue> ranges)
    {
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        var type = mediaType[..slash];
        var bestSpecificity = -1;
        var quality = 0.0;
        foreach (var range in ranges)
        {
            var specificity = range.MatchesAllTypes ? 0
                : range.MatchesAllSubTypes && range.Type.Equals(type, StringComparison.OrdinalIgnoreCase) ? 1
                : range.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) ? 2
                : -1;
            if (specificity > bestSpecificity)
            {
                bestSpecificity = specificity;
                quality = range.Quality ?? 1.0;
            }
        }

        return quality;
    }
}
