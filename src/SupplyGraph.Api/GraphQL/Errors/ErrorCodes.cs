namespace SupplyGraph.Api.GraphQL.Errors;

/// <summary>The values of <c>errors[].extensions.code</c>.</summary>
internal static class ErrorCodes
{
    public const string NotFound = "NOT_FOUND";
    public const string Ambiguous = "AMBIGUOUS";
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string BadRequest = "BAD_REQUEST";
    public const string QueryTooLarge = "QUERY_TOO_LARGE";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    public const string QueryTooDeep = "QUERY_TOO_DEEP";
    public const string ResponseTooLarge = "RESPONSE_TOO_LARGE";
    public const string Timeout = "TIMEOUT";
    public const string TooManyRequests = "TOO_MANY_REQUESTS";
    public const string ServerBusy = "SERVER_BUSY";
    public const string StoreUnavailable = "STORE_UNAVAILABLE";
    public const string InternalError = "INTERNAL_ERROR";
    public const string StoreError = "STORE_ERROR";
    public const string TooManyErrors = "TOO_MANY_ERRORS";
}

/// <summary>The names of the other keys of <c>errors[].extensions</c>.</summary>
internal static class ErrorExtensionKeys
{
    public const string Code = "code";
    public const string Argument = "argument";
    public const string Variable = "variable";
    public const string Reference = "reference";
    public const string Suggestions = "suggestions";
    public const string Candidates = "candidates";
    public const string StoreCode = "storeCode";
    public const string Retryable = "retryable";
}
