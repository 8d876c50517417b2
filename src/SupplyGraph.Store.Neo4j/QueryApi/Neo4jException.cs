using System.Net;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// A failure reported by Neo4j (its status code, e.g. <c>Neo.ClientError.Statement.SyntaxError</c>) or met on the
/// way to it (a <see cref="Neo4jClientErrorCodes"/> code). Every HTTP and connection failure of the client
/// surfaces as one of these.
/// </summary>
internal sealed class Neo4jException : Exception
{
    private static readonly HashSet<string> NonRetryableTransientCodes =
    [
        // Someone terminated the transaction on purpose; running it again would defy them.
        "Neo.TransientError.Transaction.Terminated",
        "Neo.TransientError.Transaction.LockClientStopped",
    ];

    private static readonly HashSet<string> RetryableClientCodes =
    [
        // Cluster roles moved under the request; the next attempt lands on the new leader.
        "Neo.ClientError.Cluster.NotALeader",
        "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase",
    ];

    public Neo4jException()
        : this(Neo4jClientErrorCodes.HttpError, "Neo4j request failed.", httpStatus: null)
    {
    }

    public Neo4jException(string message)
        : this(Neo4jClientErrorCodes.HttpError, message, httpStatus: null)
    {
    }

    public Neo4jException(string message, Exception innerException)
        : this(Neo4jClientErrorCodes.HttpError, message, httpStatus: null, innerException)
    {
    }

    public Neo4jException(string code, string message, HttpStatusCode? httpStatus, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        HttpStatus = httpStatus;
        IsRetryable = ClassifyRetryable(code, httpStatus);
    }

    /// <summary>The Neo4j status code, or one of <see cref="Neo4jClientErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>The HTTP status of the answer, or null when none came (connection failure, timeout).</summary>
    public HttpStatusCode? HttpStatus { get; }

    /// <summary>
    /// Whether trying again may succeed: Neo4j's transient errors, connection failures, timeouts and
    /// gateway errors. Whether it is also safe depends on the work (see <see cref="OutcomeUnknown"/>).
    /// </summary>
    public bool IsRetryable { get; }

    /// <summary>
    /// True when the request may have reached the server and committed (connection lost, timeout, gateway
    /// error); repeating a non-idempotent write then risks doing it twice. False when Neo4j answered with an error.
    /// </summary>
    public bool OutcomeUnknown => Code is Neo4jClientErrorCodes.Timeout or Neo4jClientErrorCodes.ConnectionFailed
        || (Code == Neo4jClientErrorCodes.HttpError && IsRetryable);

    private static bool ClassifyRetryable(string code, HttpStatusCode? status) => code switch
    {
        Neo4jClientErrorCodes.Timeout or Neo4jClientErrorCodes.ConnectionFailed => true,
        Neo4jClientErrorCodes.HttpError =>
            status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        _ when code.StartsWith("Neo.TransientError.", StringComparison.Ordinal) => !NonRetryableTransientCodes.Contains(code),
        _ => RetryableClientCodes.Contains(code),
    };
}
