namespace SupplyGraph.Store.Neo4j.QueryApi;

/// <summary>
/// What a <see cref="Neo4jException"/> says about the work that met it, classified from what a real Neo4j 5.26 server
/// was recorded doing (shared/neo4j-query-api: start-up, kill and restart, lock waits, deadlocks).
/// </summary>
internal enum Neo4jFailureKind
{
    /// <summary>Neo4j refused the work itself (syntax, constraint, authentication, bad request): running it again fails again.</summary>
    Final,

    /// <summary>Neo4j reported a transient condition (a deadlock, an unavailable database, a moved leader); nothing committed.</summary>
    Transient,

    /// <summary>
    /// No connection could be made (refused while the server starts or is down): the request was never sent, so
    /// nothing it asked for happened.
    /// </summary>
    Unreachable,

    /// <summary>
    /// The request went out and no answer came: the connection closed under it (a server killed or stopping), the
    /// client's timeout (a statement waiting on a lock keeps running on the server), a gateway's error. It may have
    /// committed.
    /// </summary>
    NoAnswer,

    /// <summary>
    /// The server no longer knows the transaction (404 <c>Neo.ClientError.Request.Invalid</c>): it expired, the server
    /// restarted, or a deadlock ended it. Its writes were rolled back; a new transaction can do the work.
    /// </summary>
    TransactionGone,

    /// <summary>
    /// Another request of the transaction still runs on the server (<c>TransactionAccessedConcurrently</c>), typically a
    /// statement the client stopped waiting for. This request did nothing; a new transaction can do the work.
    /// </summary>
    TransactionBusy,

    /// <summary>
    /// Neo4j's catch-all 500 <c>Neo.DatabaseError.General.UnknownError</c>, "An unknown error occurred.", met by a real
    /// CI run right after a SIGKILL and restart. What it did is not known, so it counts as an unknown outcome.
    /// </summary>
    UnknownServerError,
}
