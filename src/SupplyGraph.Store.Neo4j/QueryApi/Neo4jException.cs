using System.Net;

namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// A failure reported by Neo4j (its status code, e.g. <c>Neo.ClientError.Statement.SyntaxError</c>) or met on the
/// way to it (a <see cref="Neo4jClientErrorCodes"/> code). Every HTTP and connection failure of the client
/// surfaces as one of these.
/// </summary>
internal sealed class Neo4jException : Exception
{
    private const string RequestInvalid = "Neo.ClientError.Request.Invalid";
    private const string TransactionAccessedConcurrently = "Neo.ClientError.Transaction.TransactionAccessedConcurrently";
    private const string UnknownError = "Neo.DatabaseError.General.UnknownError";

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
        : this(code, message, httpStatus, innerException, requestSent: true)
    {
    }

    private Neo4jException(string code, string message, HttpStatusCode? httpStatus, Exception? innerException, bool requestSent)
        : base(message, innerException)
    {
        Code = code;
        HttpStatus = httpStatus;
        Kind = Classify(code, httpStatus, requestSent);
    }

    /// <summary>The Neo4j status code, or one of <see cref="Neo4jClientErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>The HTTP status of the answer, or null when none came (connection failure, timeout).</summary>
    public HttpStatusCode? HttpStatus { get; }

    /// <summary>The length of the error answer's body (0 when none came), for the span of the request.</summary>
    public long ReceivedBytes { get; internal set; }

    /// <summary>What the failure says about the work: see <see cref="Neo4jFailureKind"/>.</summary>
    public Neo4jFailureKind Kind { get; }

    /// <summary>
    /// Whether trying again (in a new transaction) may succeed: every <see cref="Kind"/> but
    /// <see cref="Neo4jFailureKind.Final"/>. Whether it is also safe depends on the work (see <see cref="OutcomeUnknown"/>).
    /// </summary>
    public bool IsRetryable => Kind != Neo4jFailureKind.Final;

    /// <summary>
    /// True when the request may have reached the server and committed (connection lost, timeout, gateway
    /// error, Neo4j's unknown error); repeating a non-idempotent write then risks doing it twice. False when Neo4j
    /// answered with an error of its own, or when the connection was refused before anything was sent.
    /// </summary>
    public bool OutcomeUnknown => Kind is Neo4jFailureKind.NoAnswer or Neo4jFailureKind.UnknownServerError;

    /// <summary>
    /// The connection could not be made, so the request was never sent: recorded start-ups refuse connections for
    /// 8 to 24 s, and "attempts refused by the closed port wrote nothing".
    /// </summary>
    internal static Neo4jException NotSent(string message, Exception innerException) =>
        new(Neo4jClientErrorCodes.ConnectionFailed, message, httpStatus: null, innerException, requestSent: false);

    private static Neo4jFailureKind Classify(string code, HttpStatusCode? status, bool requestSent) => code switch
    {
        Neo4jClientErrorCodes.ConnectionFailed when !requestSent => Neo4jFailureKind.Unreachable,
        Neo4jClientErrorCodes.Timeout or Neo4jClientErrorCodes.ConnectionFailed => Neo4jFailureKind.NoAnswer,
        Neo4jClientErrorCodes.HttpError
            when status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout =>
            Neo4jFailureKind.NoAnswer,

        // 404 is how the Query API says "no such transaction" (expired, forgotten by a restart, ended by a deadlock);
        // the same code with 400 is a malformed request, which is final.
        RequestInvalid when status == HttpStatusCode.NotFound => Neo4jFailureKind.TransactionGone,
        TransactionAccessedConcurrently => Neo4jFailureKind.TransactionBusy,
        UnknownError => Neo4jFailureKind.UnknownServerError,
        _ when code.StartsWith("Neo.TransientError.", StringComparison.Ordinal) && !NonRetryableTransientCodes.Contains(code) =>
            Neo4jFailureKind.Transient,
        _ when RetryableClientCodes.Contains(code) => Neo4jFailureKind.Transient,
        _ => Neo4jFailureKind.Final,
    };
}
