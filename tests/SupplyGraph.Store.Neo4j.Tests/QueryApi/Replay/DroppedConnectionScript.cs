using System.Net;
using System.Net.Sockets;

namespace SupplyGraph.Store.Neo4j.Tests.QueryApi.Replay;

/// <summary>
/// The recorded transaction (open, run, commit) whose second request first loses its connection: open, refused,
/// the rollback answered, then open, run and commit as recorded. For the tests of a unit of work that runs again.
/// </summary>
internal static class DroppedConnectionScript
{
    public static (ReplayHandler Handler, RecordedExchange Open, RecordedExchange Run) Create()
    {
        var (open, run, commit) = (Exchanges.Load("21-tx-open"), Exchanges.Load("22-tx-run-in-open"), Exchanges.Load("23-tx-commit"));
        var handler = new ReplayHandler()
            .Answer(open)
            .Fail(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused)))
            .Answer(() => new HttpResponseMessage(HttpStatusCode.OK))
            .Answer(open).Answer(run).Answer(commit);
        return (handler, open, run);
    }
}
